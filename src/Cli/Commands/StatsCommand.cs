using System.CommandLine;
using System.Text.Json;
using DocIntel.Index.Queries;

namespace DocIntel.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create(AppServices services)
    {
        var db = CommonOptions.Db();
        var relation = new Option<string?>("--relation") { Description = "only citations of this kind: basis, implements, forwards, mentions" };
        var level = new Option<string?>("--level") { Description = "only citing documents of this issuer level" };
        var province = new Option<string?>("--province") { Description = "only citing documents of this province" };
        var from = new Option<string?>("--from") { Description = "citing documents issued on or after (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "citing documents issued on or before (YYYY-MM-DD)" };
        var top = new Option<int>("--top") { Description = "rows in the most-cited tables", DefaultValueFactory = _ => 20 };
        var interval = new Option<string>("--interval") { Description = "month or year", DefaultValueFactory = _ => "month" };
        interval.AcceptOnlyFromAmong("month", "year");
        var only = new Option<string?>("--only") { Description = "one table: most_cited, most_cited_basis, most_cited_implements, citations_by_province, citations_by_level, citations_by_month|year, documents_by_type, documents_by_level" };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("stats", "Legal-basis usage: most-cited documents (overall, as basis, as implemented), citations by province, level and period, documents by type and level over time")
        {
            db, relation, level, province, from, to, top, interval, only, format,
        };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            if (!SearchCommand.TryDate(pr.GetValue(from), out var f) || !SearchCommand.TryDate(pr.GetValue(to), out var t))
                return await Output.FailAsync("--from/--to take a date as YYYY-MM-DD").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var tables = await services.Queries(store).StatsAsync(new StatsQuery
            {
                Relation = pr.GetValue(relation), Level = pr.GetValue(level), Province = pr.GetValue(province), From = f, To = t,
                Top = pr.GetValue(top), Interval = pr.GetValue(interval)!,
            }, ct).ConfigureAwait(false);
            if (pr.GetValue(only) is { } name)
            {
                tables = tables.Where(x => x.Name == name).ToList();
                if (tables.Count == 0) return await Output.FailAsync($"no table named {name}").ConfigureAwait(false);
            }
            var fmt = pr.GetValue(format)!;
            if (fmt == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(tables.ToDictionary(x => x.Name, Output.ToJson), Output.Json));
                return 0;
            }
            if (fmt == "csv" && tables.Count > 1)
            {
                // One CSV stream: a "table" column says which table each row belongs to.
                Output.WriteCsv(new ResultTable("stats", "stats", ["table", "key1", "key2", "key3", "value"],
                    tables.SelectMany(x => x.Rows.Select(r => (IReadOnlyList<string?>)[x.Name, .. Pad(r)])).ToList()), Console.Out);
                return 0;
            }
            foreach (var table in tables)
            {
                Output.Write(table, fmt, Console.Out);
                if (fmt == "table") Console.WriteLine();
            }
            return 0;
        });
        return cmd;
    }

    private static string?[] Pad(IReadOnlyList<string?> row)
    {
        var keys = row.Take(row.Count - 1).ToList();
        while (keys.Count < 3) keys.Add(null);
        return [.. keys, row[^1]];
    }
}
