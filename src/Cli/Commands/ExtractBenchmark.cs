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
/// </summary>
internal static class ExtractBenchmark
{
    public static Command Create(AppServices services)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "folders of .txt/.md documents (default: testdata/seeds testdata/dev)", Arity = ArgumentArity.ZeroOrMore };
        var rounds = new Option<int>("--rounds") { Description = "passes over the documents", DefaultValueFactory = _ => 20 };
        var cmd = new Command("extract", "Per-document time of the extraction stage (metadata, citations, tasks) and MB/s of the citation finder on one core, against the symbol regex alone") { dirs, rounds };
        cmd.SetAction(pr =>
        {
            var folders = pr.GetValue(dirs) is { Length: > 0 } d ? d : ["testdata/seeds", "testdata/dev"];
            var texts = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.*").Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal)))
                .Select(p => VietnameseNormalizer.Default.Normalize(File.ReadAllText(p))).ToList();
            if (texts.Count == 0) { Console.Error.WriteLine("docintel: no documents"); return 2; }
            var extractor = new DocumentExtractor(services.Reference, ExtractionOptions.Default);
            var finder = new CitationFinder(services.Reference.Registry);
            var n = Math.Max(1, pr.GetValue(rounds));
            var chars = texts.Sum(t => (long)t.Text.Length);
            var mb = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t.Text)) / 1e6;

            foreach (var t in texts) { extractor.Extract(t); finder.Find(t.Text, new TextSpan(0, t.Text.Length)); } // warm up the JIT

            var perDoc = new List<double>();
            var sw = new Stopwatch();
            for (var r = 0; r < n; r++)
            {
                foreach (var t in texts)
                {
                    sw.Restart();
                    extractor.Extract(t);
                    perDoc.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            var citations = 0;
            sw.Restart();
            for (var r = 0; r < n; r++) foreach (var t in texts) citations += finder.Find(t.Text, new TextSpan(0, t.Text.Length)).Count;
            var citeSeconds = sw.Elapsed.TotalSeconds;
            var baselineMatches = 0;
            sw.Restart();
            for (var r = 0; r < n; r++) foreach (var t in texts) baselineMatches += SymbolPattern.InText().Count(t.Text);
            var baselineSeconds = sw.Elapsed.TotalSeconds;

            perDoc.Sort();
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"documents: {texts.Count} ({chars / texts.Count} chars on average), rounds: {n}, one core"));
            Console.WriteLine(string.Create(inv, $"extraction per document: mean {perDoc.Average():F2} ms, p50 {perDoc[perDoc.Count / 2]:F2} ms, p95 {perDoc[(int)(perDoc.Count * 0.95)]:F2} ms"));
            Console.WriteLine(string.Create(inv, $"citation finder: {mb * n / citeSeconds:F1} MB/s, {citations / citeSeconds:F0} citations/s"));
            Console.WriteLine(string.Create(inv, $"baseline (symbol regex alone): {mb * n / baselineSeconds:F1} MB/s; finder/baseline time ratio {citeSeconds / baselineSeconds:F1}"));
            return 0;
        });
        return cmd;
    }
}
