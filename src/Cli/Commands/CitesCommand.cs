using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Cli.Commands;

internal static class CitesCommand
{
    public static Command Create(AppServices services)
    {
        var key = new Argument<string>("DOCUMENT") { Description = "the cited document in any spelling: \"Nghị định 61/2023\", 61/2023/NĐ-CP, \"NĐ 61/2023\", \"nghi dinh 61/2023\"" };
        var db = CommonOptions.Db();
        var level = new Option<string?>("--level") { Description = "only citing documents of this issuer level (commune, district, province, central)" };
        var province = new Option<string?>("--province") { Description = "only citing documents of this province (diacritics optional)" };
        var relation = new Option<string?>("--relation") { Description = "only citations of this kind: basis (căn cứ), implements, forwards, mentions" };
        var from = new Option<string?>("--from") { Description = "citing documents issued on or after (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "citing documents issued on or before (YYYY-MM-DD)" };
        var groupBy = new Option<string?>("--group-by") { Description = "count instead of list: province, level, issuer, commune, month, year, relation" };
        groupBy.AcceptOnlyFromAmong("province", "level", "issuer", "commune", "month", "year", "relation");
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("cites", "Who cites a document: the citing issuers (commune, province) with their documents, or counts by group")
        {
            key, db, level, province, relation, from, to, groupBy, format,
        };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            if (!SearchCommand.TryDate(pr.GetValue(from), out var f) || !SearchCommand.TryDate(pr.GetValue(to), out var t))
                return await Output.FailAsync("--from/--to take a date as YYYY-MM-DD").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var queries = services.Queries(store);
            var filter = new CitingFilter { Level = pr.GetValue(level), Province = pr.GetValue(province), Relation = pr.GetValue(relation), From = f, To = t };
            var spelling = pr.GetValue(key)!;
            if (queries.Parse(spelling) is { Key: null, Number: null })
                return await Output.FailAsync($"cannot tell which document \"{spelling}\" names; try a number (61/2023/NĐ-CP) or a title the registry knows").ConfigureAwait(false);
            if (pr.GetValue(groupBy) is { } g)
            {
                var field = Enum.Parse<CitationField>(g, ignoreCase: true);
                Output.Write(await queries.CountCitingAsync(spelling, filter, field, ct).ConfigureAwait(false), pr.GetValue(format)!, Console.Out);
                return 0;
            }
            var who = await queries.WhoCitesAsync(spelling, filter, ct).ConfigureAwait(false);
            switch (pr.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(new { cited = who.Label, documents = who.Citing.Count, issuers = who.Issuers }, Output.Json));
                    return 0;
                case "csv":
                    Output.WriteCsv(Flat(who), Console.Out);
                    return 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{who.Citing.Count} document(s) from {who.Issuers.Count} issuer(s) cite {who.Label}"));
            foreach (var i in who.Issuers)
            {
                var where = string.Join(", ", new[] { i.Commune is not null ? null : i.District, i.Province }.Where(x => x is not null));
                Console.WriteLine($"{i.Name ?? "(issuer unknown)"}{(where.Length > 0 ? $" — {where}" : "")}  [{i.Level ?? "?"}]  {i.Documents.Count} document(s)");
                foreach (var c in i.Documents)
                {
                    var d = c.Document;
                    Console.WriteLine($"    {d.Number ?? "(no number)",-16} {(Output.Date(d.IssuedDate) is { Length: > 0 } ds ? ds : "(no date)"),-10}  {c.Relation,-10} {d.Id}  {Truncate(d.Subject, 70)}");
                }
            }
            return 0;
        });
        return cmd;
    }

    private static string Truncate(string? s, int n) => s is null ? "" : s.Length <= n ? s : s[..(n - 1)] + "…";

    private static ResultTable Flat(WhoCites who) => new("cites", $"Documents citing {who.Label}",
        ["issuer", "level", "province", "district", "commune", "number", "issued_date", "relation", "id", "subject", "path"],
        who.Issuers.SelectMany(i => i.Documents.Select(c => (IReadOnlyList<string?>)[i.Name, i.Level, i.Province, i.District, i.Commune,
            c.Document.Number, Output.Date(c.Document.IssuedDate), c.Relation, c.Document.Id, c.Document.Subject, c.Document.Path])).ToList());
}
