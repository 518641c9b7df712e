using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DocIntel.Extract.Contract;
using DocIntel.Index.Store;

namespace DocIntel.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "words to find; diacritics are ignored (\"dan chu\" finds \"dân chủ\")" };
        var db = CommonOptions.Db();
        var type = new Option<string?>("--type") { Description = "document type (cong_van, bao_cao, ke_hoach …)" };
        var level = new Option<string?>("--level") { Description = "issuer level: commune, district, province, central, other" };
        var province = new Option<string?>("--province") { Description = "issuer's province" };
        var issuer = new Option<string?>("--issuer") { Description = "part of the issuer's name" };
        var from = new Option<string?>("--from") { Description = "issued on or after (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "issued on or before (YYYY-MM-DD)" };
        var exact = new Option<bool>("--exact") { Description = "match the phrase with its diacritics" };
        var limit = new Option<int>("--limit") { Description = "how many results", DefaultValueFactory = _ => 20 };
        var format = CommonOptions.Format("table", "table", "json");
        var cmd = new Command("search", "Full-text search of the stored documents") { query, db, type, level, province, issuer, from, to, exact, limit, format };
        cmd.SetAction(async (pr, ct) =>
        {
            if (!TryDate(pr.GetValue(from), out var f) || !TryDate(pr.GetValue(to), out var t))
            {
                await Console.Error.WriteLineAsync("docintel: --from/--to take a date as YYYY-MM-DD").ConfigureAwait(false);
                return 2;
            }
            if (!File.Exists(pr.GetValue(db)))
            {
                await Console.Error.WriteLineAsync($"docintel: no store at {pr.GetValue(db)} (run ingest first)").ConfigureAwait(false);
                return 2;
            }
            await using var store = await AppServices.OpenStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            var hits = await store.SearchAsync(new SearchQuery(pr.GetValue(query)!)
            {
                DocType = pr.GetValue(type), Level = pr.GetValue(level), Province = pr.GetValue(province), Issuer = pr.GetValue(issuer),
                From = f, To = t, Exact = pr.GetValue(exact), Limit = pr.GetValue(limit),
            }, ct).ConfigureAwait(false);
            if (pr.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(hits, new JsonSerializerOptions(ExtractJson.Compact) { WriteIndented = true }));
                return 0;
            }
            if (hits.Count == 0) Console.WriteLine("no documents found");
            foreach (var h in hits)
            {
                var d = h.Document;
                Console.WriteLine($"{d.Id}  {d.DocType}  {d.Number ?? "(no number)"}  {d.IssuedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)"}  {d.IssuerName ?? "(issuer unknown)"}");
                Console.WriteLine($"    {d.Path}");
                Console.WriteLine($"    {h.Snippet}");
            }
            return 0;
        });
        return cmd;
    }

    internal static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (s is null) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }
}
