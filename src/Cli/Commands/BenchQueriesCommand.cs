using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;

namespace DocIntel.Cli.Commands;

/// <summary>Query latency over a loaded store: search (plain, filtered), who-cites (list, grouped), related, stats.</summary>
internal static class BenchQueriesCommand
{
    /// <summary>Common query words (they match most of a synthetic archive: the hard case for ranking).</summary>
    internal static readonly string[] Words =
    [
        "dan chu", "huong uoc", "cai cach hanh chinh", "tiep cong dan", "chuyen doi so", "tham nhung", "hoi nghi nhan dan", "dan van",
        "tuyen truyen pho bien phap luat", "ke hoach", "quy che dan chu o co so", "khieu nai to cao", "giam sat", "mat tran to quoc",
    ];

    /// <summary>Cited documents in several spellings.</summary>
    internal static readonly string[] Cited = ["Nghị định 61/2023", "59/2023/NĐ-CP", "Luật Thực hiện dân chủ ở cơ sở", "Kết luận 120", "NĐ 04/2015", "Chỉ thị 30"];

    public static Command Create(AppServices services)
    {
        var db = CommonOptions.Db();
        var rounds = new Option<int>("--rounds") { Description = "queries of each kind", DefaultValueFactory = _ => 200 };
        var baseline = new Option<bool>("--baseline") { Description = "also rank every match of the search queries (no candidate cap), for the ratio" };
        var cache = new Option<bool>("--cache") { Description = "keep the store's answer cache on (off by default: the queries repeat, and every one should be computed)" };
        var cmd = new Command("bench-queries", "Measure query latency (p50/p95) on a loaded store") { db, rounds, baseline, cache };
        cmd.Hidden = true;
        cmd.SetAction(async (pr, ct) =>
        {
            await using var opened = await AppServices.OpenExistingStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (opened is null) return 2;
            await using var uncached = pr.GetValue(cache) ? null : new SqliteDocumentStore(opened.Path, new SqliteStoreOptions { CachedAnswers = 0 });
            if (uncached is not null) await uncached.InitializeAsync(ct).ConfigureAwait(false);
            var store = uncached ?? opened;
            var q = services.Queries(store);
            var counts = await store.CountAsync(ct).ConfigureAwait(false);
            var provinces = (await store.CountDocumentsAsync(new DocumentFacetQuery([DocumentField.Province]), ct).ConfigureAwait(false)).Select(f => f.Values[0]).OfType<string>().ToList();
            var rng = new Random(7);
            var n = pr.GetValue(rounds);
            var size = new FileInfo(store.Path).Length + (File.Exists(store.Path + "-wal") ? new FileInfo(store.Path + "-wal").Length : 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store: {counts.Documents} documents, {counts.Citations} citations, {size / 1048576.0:F1} MB ({(counts.Documents > 0 ? size / counts.Documents : 0)} bytes/document)"));
            string Pick(IReadOnlyList<string> xs) => xs[rng.Next(xs.Count)];
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; CPU = the querying thread's CPU time");
            var search = await Measure("search (top 20, BM25 + snippets)", n, () => q.SearchAsync(new SearchQuery(Pick(Words)), ct)).ConfigureAwait(false);
            if (pr.GetValue(baseline))
            {
                // The same queries ranking every match (no candidate cap): what the cap saves, in the same process.
                await using var all = new SqliteDocumentStore(store.Path, new SqliteStoreOptions { RankedCandidates = int.MaxValue, CachedAnswers = 0 });
                await all.InitializeAsync(ct).ConfigureAwait(false);
                var full = await Measure("baseline: search ranking every match", Math.Max(5, n / 10), () => all.SearchAsync(new SearchQuery(Pick(Words)), ct)).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  capped search: {full.Cpu / search.Cpu:F1}× less CPU at p50 than ranking every match"));
            }
            await Measure("search: facets (type, level, province, year)", n, () => store.CountMatchesAsync(new MatchFacetQuery(new SearchQuery(Pick(Words)),
                [DocumentField.DocType, DocumentField.Level, DocumentField.Province, DocumentField.Year]), ct)).ConfigureAwait(false);
            await Measure("search + province + level filters", n, () => q.SearchAsync(new SearchQuery(Pick(Words)) { Province = provinces.Count > 0 ? Pick(provinces) : null, Level = "commune" }, ct)).ConfigureAwait(false);
            await Measure("search --exact", n, () => q.SearchAsync(new SearchQuery("dân chủ") { Exact = true }, ct)).ConfigureAwait(false);
            await Measure("cites KEY --level commune (list)", n, () => q.WhoCitesAsync(Pick(Cited), new CitingFilter { Level = "commune", Province = provinces.Count > 0 ? Pick(provinces) : null }, ct)).ConfigureAwait(false);
            await Measure("cites KEY --group-by province", n, () => q.CountCitingAsync(Pick(Cited), CitingFilter.None, CitationField.Province, ct)).ConfigureAwait(false);
            await Measure("cites KEY (all citing documents)", Math.Max(5, n / 10), () => q.WhoCitesAsync(Pick(Cited), CitingFilter.None, ct)).ConfigureAwait(false);
            await Measure("related KEY", Math.Max(5, n / 10), () => q.RelatedAsync(Pick(Cited), 20, ct)).ConfigureAwait(false);
            await Measure("stats (all tables)", 5, () => q.StatsAsync(new DocIntel.Index.Queries.StatsQuery(), ct)).ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }

    private static async Task<(double Wall, double Cpu)> Measure<T>(string name, int n, Func<Task<T>> run)
    {
        await run().ConfigureAwait(false);
        var times = new List<double>(n);
        var cpu = new List<double>(n);
        var results = 0L;
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var c = ThreadCpu.Now();
            var r = await run().ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            cpu.Add((ThreadCpu.Now() - c).TotalMilliseconds);
            results += r switch { System.Collections.ICollection x => x.Count, DocIntel.Index.Queries.WhoCites w => w.Citing.Count, DocIntel.Index.Queries.ResultTable x => x.Rows.Count, MatchFacets f => f.Total, _ => 0 };
        }
        times.Sort();
        cpu.Sort();
        static double P(List<double> xs, double p) => xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(p * xs.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} n={n,4}  p50 {P(times, 0.5),7:F1} ms  p95 {P(times, 0.95),7:F1} ms  max {times[^1],7:F1} ms  | CPU p50 {P(cpu, 0.5),6:F1} ms  p95 {P(cpu, 0.95),6:F1} ms  ({results / (double)n:F0} results/query)"));
        return (P(times, 0.5), P(cpu, 0.5));
    }
}
