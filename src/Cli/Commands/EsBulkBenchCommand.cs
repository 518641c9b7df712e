using System.CommandLine;
using System.Globalization;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;
using DocIntel.Ingest.Bulk.Synthetic;

namespace DocIntel.Cli.Commands;

/// <summary>
/// `docintel bench es-bulk`: documents/s and MB/s of the Elasticsearch client's bulk work on one core (request building
/// and response handling) against plain JSON serialisation of the same documents, over a synthetic archive.
/// </summary>
internal static class EsBulkBenchCommand
{
    public static Command Create(AppServices services)
    {
        var count = new Option<int>("--documents") { Description = "synthetic documents to extract and index", DefaultValueFactory = _ => 2000 };
        var seconds = new Option<double>("--seconds") { Description = "measuring time per row", DefaultValueFactory = _ => 3.0 };
        var cmd = new Command("es-bulk", "Documents/s and MB/s of bulk request building and response handling on one core, against plain JSON serialisation (target ≥ 20,000 documents/s)") { count, seconds };
        cmd.SetAction((pr, ct) =>
        {
            var n = Math.Max(10, pr.GetValue(count));
            var seeds = new[] { "testdata/seeds", "../testdata/seeds" }.FirstOrDefault(Directory.Exists);
            if (seeds is null) { Console.Error.WriteLine("docintel: run from the repository (testdata/seeds holds the template documents)"); return Task.FromResult(2); }
            var texts = Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
            var extractor = new DocumentExtractor(services.Reference, ExtractionOptions.Default);
            var docs = new List<IndexedDocument>(n);
            var i = 0;
            foreach (var d in new SyntheticArchive(services.Reference, texts).Generate(new SyntheticOptions { Count = n }))
            {
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(d.Text)));
                var normal = VietnameseNormalizer.Default.Normalize(d.Text);
                foreach (var a in extractor.Extract(normal))
                    docs.Add(IndexedDocument.From(new ExtractedDocument(new SourceInfo("/synthetic/" + d.RelativePath, sha, a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), normal.Text)));
                i++;
            }
            var citations = docs.Sum(d => d.Citations.Count);
            var textMb = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text) + System.Text.Encoding.UTF8.GetByteCount(d.Json)) / 1e6;
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{docs.Count} documents from {i} synthetic files, {citations} citation edges ({(double)citations / docs.Count:F1} per document), {textMb:F1} MB of text + contract JSON; one thread, {pr.GetValue(seconds):F0} s per row, figures per CPU second"));
            var options = new ElasticsearchOptions(new Uri("http://localhost:9200"));
            var rows = EsBulkBenchmark.Run(docs, pr.GetValue(seconds), options, ct);
            var baseline = rows[0];
            Console.WriteLine();
            Console.WriteLine($"{"configuration",-58} {"docs/s",10} {"ops/s",10} {"MB/s",8} {"vs baseline",11}");
            foreach (var r in rows)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-58} {r.DocumentsPerSecond,10:N0} {r.Operations / Math.Max(r.CpuSeconds, 1e-9),10:N0} {r.BytesPerSecond / 1e6,8:F1} {r.DocumentsPerSecond / baseline.DocumentsPerSecond,11:F2}"));
            var both = rows[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu/wall of the last row: {both.CpuSeconds:F1} s / {both.WallSeconds:F1} s"));
            Console.WriteLine(both.DocumentsPerSecond >= 20_000 ? "target (>= 20,000 documents/s on one core): met" : "target (>= 20,000 documents/s on one core): NOT met");
            return Task.FromResult(0);
        });
        return cmd;
    }
}
