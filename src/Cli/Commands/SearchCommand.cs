using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create(AppServices services)
    {
        var query = new Argument<string>("QUERY") { Description = "words to find; diacritics are ignored (\"dan chu\" finds \"dân chủ\"); \"\" lists by filters only" };
        var db = CommonOptions.Db();
        var type = new Option<string?>("--type") { Description = "document type (cong_van, bao_cao, ke_hoach, quyet_dinh …)" };
        var level = new Option<string?>("--level") { Description = "issuer level: central, province, district, commune, other" };
        var province = new Option<string?>("--province") { Description = "issuer's province (diacritics optional)" };
        var issuer = new Option<string?>("--issuer") { Description = "part of the issuer's name (diacritics optional)" };
        var from = new Option<string?>("--from") { Description = "issued on or after (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "issued on or before (YYYY-MM-DD)" };
        var cites = new Option<string?>("--cites") { Description = "only documents citing this one, in any spelling (\"Nghị định 61/2023\")" };
        var exact = new Option<bool>("--exact") { Description = "match the phrase with its diacritics" };
        var limit = new Option<int>("--limit") { Description = "how many results", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "skip this many results (paging)" };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("search", "Full-text search, ranked by BM25, with a snippet of each match")
        {
            query, db, type, level, province, issuer, from, to, cites, exact, limit, offset, format,
        };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            if (!TryDate(pr.GetValue(from), out var f) || !TryDate(pr.GetValue(to), out var t))
                return await Output.FailAsync("--from/--to take a date as YYYY-MM-DD").ConfigureAwait(false);
            if (pr.GetValue(limit) is < 1 or > 10_000 || pr.GetValue(offset) < 0)
                return await Output.FailAsync("--limit takes 1…10000 and --offset a number ≥ 0").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var queries = services.Queries(store);
            var hits = await queries.SearchAsync(new SearchQuery(pr.GetValue(query)!)
            {
                DocType = pr.GetValue(type), Level = pr.GetValue(level), Province = pr.GetValue(province), Issuer = pr.GetValue(issuer),
                From = f, To = t, Exact = pr.GetValue(exact), Limit = pr.GetValue(limit), Offset = pr.GetValue(offset),
                Cites = pr.GetValue(cites) is { } c ? queries.Parse(c) : null,
            }, ct).ConfigureAwait(false);
            switch (pr.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(hits, Output.Json));
                    return 0;
                case "csv":
                    Output.WriteCsv(Table(hits), Console.Out);
                    return 0;
            }
            if (hits.Count == 0) Console.WriteLine("no documents found");
            foreach (var h in hits)
            {
                var d = h.Document;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Id}  {d.DocType}  {d.Number ?? "(no number)"}  {(Output.Date(d.IssuedDate) is { Length: > 0 } ds ? ds : "(no date)")}  {d.IssuerName ?? "(issuer unknown)"}  [{h.Score:F2}]"));
                Console.WriteLine($"    {d.Path}{(d.Part > 1 ? $" (part {d.Part})" : "")}");
                Console.WriteLine($"    {h.Snippet}");
            }
            return 0;
        });
        return cmd;
    }

    private static ResultTable Table(IReadOnlyList<SearchHit> hits) => new("search", "Search results",
        ["id", "score", "doc_type", "number", "issued_date", "issuer", "level", "province", "subject", "path", "snippet"],
        hits.Select(h => (IReadOnlyList<string?>)[h.Document.Id, h.Score.ToString("F3", CultureInfo.InvariantCulture), h.Document.DocType, h.Document.Number,
            Output.Date(h.Document.IssuedDate), h.Document.IssuerName, h.Document.Level, h.Document.Province, h.Document.Subject, h.Document.Path, h.Snippet]).ToList());

    internal static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (s is null) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }
}
