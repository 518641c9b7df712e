using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Contract;

namespace DocIntel.Cli.Commands;

internal static class CitesCommand
{
    public static Command Create(AppServices services)
    {
        var key = new Argument<string>("DOCUMENT") { Description = "the cited document in any spelling: \"Nghị định 59/2023\", 59/2023/NĐ-CP, \"NĐ 59/2023\", \"nghi dinh 59/2023\"" };
        var db = CommonOptions.Db();
        var level = new Option<string?>("--level") { Description = "only citing documents of this issuer level (commune, district, province, central)" };
        var province = new Option<string?>("--province") { Description = "only citing documents of this province" };
        var format = CommonOptions.Format("table", "table", "json");
        var cmd = new Command("cites", "List the documents that cite a document, with issuer, level and province") { key, db, level, province, format };
        cmd.SetAction(async (pr, ct) =>
        {
            if (!File.Exists(pr.GetValue(db)))
            {
                await Console.Error.WriteLineAsync($"docintel: no store at {pr.GetValue(db)} (run ingest first)").ConfigureAwait(false);
                return 2;
            }
            var q = CitationQuery.Parse(pr.GetValue(key)!, services.Reference.Registry);
            await using var store = await AppServices.OpenStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            var citing = (await store.FindCitingAsync(q, ct).ConfigureAwait(false))
                .Where(c => pr.GetValue(level) is not { } l || c.Document.Level == l)
                .Where(c => pr.GetValue(province) is not { } p || string.Equals(c.Document.Province, p, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (pr.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(citing, new JsonSerializerOptions(ExtractJson.Compact) { WriteIndented = true }));
                return 0;
            }
            var what = q.Key ?? $"{q.TypeName} {q.Number}{(q.Year is { } y ? "/" + y : "")}".Trim();
            Console.WriteLine($"{citing.Count} document(s) cite {what}");
            foreach (var c in citing)
            {
                var d = c.Document;
                Console.WriteLine($"{d.Id}  {d.Number ?? "(no number)"}  {d.IssuedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no date)"}  {d.IssuerName ?? "(issuer unknown)"}  level={d.Level ?? "?"}  province={d.Province ?? "?"}  [{c.Relation}: {c.Key}]");
                Console.WriteLine($"    {d.Path}{(d.Part > 1 ? $" (part {d.Part})" : "")}");
            }
            return 0;
        });
        return cmd;
    }
}
