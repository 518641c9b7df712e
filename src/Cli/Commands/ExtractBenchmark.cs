using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Cli.Commands;

/// <summary>
/// Extraction speed on one core over real documents: per-document time of the whole extraction stage, MB/s and
/// citations/s of the citation finder, against a baseline in the same process (one pass of the symbol regex alone).
/// Times are the thread's CPU time (the machine is shared, so wall time mostly measures the other processes), with
/// wall time beside them and the load average printed.
/// </summary>
internal static class ExtractBenchmark
{
    public static Command Create(AppServices services)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "folders of .txt/.md documents (default: testdata/seeds testdata/dev)", Arity = ArgumentArity.ZeroOrMore };
        var rounds = new Option<int>("--rounds") { Description = "passes over the documents", DefaultValueFactory = _ => 20 };
        var warmup = new Option<double>("--warmup") { Description = "seconds (wall) of warm-up passes before timing, at least 3 passes", DefaultValueFactory = _ => 15 };
        var cmd = new Command("extract", "Per-document CPU time of the extraction stage (metadata, citations, tasks) and MB/s of the citation finder on one core, against the symbol regex alone") { dirs, rounds, warmup };
        cmd.SetAction(pr =>
        {
            var folders = pr.GetValue(dirs) is { Length: > 0 } d ? d : ["testdata/seeds", "testdata/dev"];
            var texts = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.*").Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .Select(p => VietnameseNormalizer.Default.Normalize(File.ReadAllText(p))).ToList();
            if (texts.Count == 0) { Console.Error.WriteLine("docintel: no documents"); return 2; }
            var extractor = new DocumentExtractor(services.Reference, ExtractionOptions.Default);
            var finder = new CitationFinder(services.Reference.Registry);
            var n = Math.Max(1, pr.GetValue(rounds));
            var chars = texts.Sum(t => (long)t.Text.Length);
            var mb = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t.Text)) / 1e6;
            var load = LoadAverage();

            // Warm up the JIT, the baseline's regex too (extraction no longer runs it over whole texts). Tiered compilation
            // promotes hot methods to optimised code on a background thread, after a quiet period with no new tier-0 code:
            // on a loaded machine that takes seconds, and a fixed three passes timed mostly tier-0 and instrumented code
            // (3.6-4.2 ms per document against 1.2-1.5 ms once settled). So passes run for a wall-clock budget; the first
            // pass is reported on its own as the cold figure.
            var coldCpu = ThreadCpu.Now();
            foreach (var t in texts) extractor.Extract(t);
            var cold = (ThreadCpu.Now() - coldCpu).TotalMilliseconds / texts.Count;
            var warmupClock = Stopwatch.StartNew();
            var warmupRounds = 0;
            var budget = TimeSpan.FromSeconds(Math.Max(0, pr.GetValue(warmup)));
            while (warmupRounds < 3 || warmupClock.Elapsed < budget)
            {
                foreach (var t in texts)
                {
                    extractor.Extract(t);
                    finder.Find(t.Text, new TextSpan(0, t.Text.Length));
                    SymbolPattern.InText().Count(t.Text);
                }
                warmupRounds++;
            }

            var perDoc = new List<double>();
            var wall = Stopwatch.StartNew();
            var cpuStart = ThreadCpu.Now();
            for (var r = 0; r < n; r++)
            {
                foreach (var t in texts)
                {
                    var before = ThreadCpu.Now();
                    extractor.Extract(t);
                    perDoc.Add((ThreadCpu.Now() - before).TotalMilliseconds);
                }
            }
            var extractCpu = ThreadCpu.Now() - cpuStart;
            var extractWall = wall.Elapsed;

            var citations = 0;
            cpuStart = ThreadCpu.Now();
            for (var r = 0; r < n; r++) foreach (var t in texts) citations += finder.Find(t.Text, new TextSpan(0, t.Text.Length)).Count;
            var citeSeconds = (ThreadCpu.Now() - cpuStart).TotalSeconds;

            var baselineMatches = 0;
            cpuStart = ThreadCpu.Now();
            for (var r = 0; r < n; r++) foreach (var t in texts) baselineMatches += SymbolPattern.InText().Count(t.Text);
            var baselineSeconds = (ThreadCpu.Now() - cpuStart).TotalSeconds;

            perDoc.Sort();
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"documents: {texts.Count} ({chars / texts.Count} chars on average), rounds: {n}, one thread, CPU time of that thread; load average {load}"));
            Console.WriteLine(string.Create(inv, $"warm-up: {warmupRounds} passes in {warmupClock.Elapsed.TotalSeconds:F1} s; first (cold) pass: {cold:F2} ms per document"));
            Console.WriteLine(string.Create(inv, $"extraction per document: mean {perDoc.Average():F2} ms, p50 {perDoc[perDoc.Count / 2]:F2} ms, p95 {perDoc[(int)(perDoc.Count * 0.95)]:F2} ms (wall: mean {extractWall.TotalMilliseconds / perDoc.Count:F2} ms; CPU/wall {extractCpu / extractWall:F2})"));
            Console.WriteLine(string.Create(inv, $"citation finder: {mb * n / citeSeconds:F1} MB/s, {citations / citeSeconds:F0} citations/s"));
            Console.WriteLine(string.Create(inv, $"baseline (symbol regex alone): {mb * n / baselineSeconds:F1} MB/s; finder/baseline time ratio {citeSeconds / baselineSeconds:F1}"));
            return 0;
        });
        return cmd;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
