using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Ingest.Bulk;
using Spectre.Console;

namespace DocIntel.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create(AppServices services)
    {
        var paths = new Argument<string[]>("PATH") { Description = "folders, files or .zip archives to load (folders recursively, archives read in place)", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var retry = new Option<bool>("--retry-failed") { Description = "read again the files that failed before" };
        var workers = new Option<int>("--workers") { Description = "parallel workers for text files (default: cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rescan = new Option<bool>("--rescan") { Description = "list the remembered files under the paths that no longer exist" };
        var prune = new Option<bool>("--prune") { Description = "with --rescan: forget missing files and remove their documents" };
        var plain = new Option<bool>("--plain") { Description = "plain progress lines even on a terminal" };
        var cmd = new Command("ingest", "Load every .txt, .md, .html, .docx, .pdf (scanned pages are OCR'd) and scanned image under the paths (and inside .zip archives) into the store; reruns skip what is done")
        {
            paths, db, retry, workers, rescan, prune, plain,
        };
        StoreSelection.AddTo(cmd);
        var reading = new ReadingOptions();
        reading.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            var roots = pr.GetValue(paths)!;
            foreach (var r in roots)
            {
                if (!File.Exists(r) && !Directory.Exists(r)) return await Output.FailAsync($"no such file or directory: {r}").ConfigureAwait(false);
            }
            if (pr.GetValue(workers) < 1 || pr.GetValue(reading.OcrWorkers) < 1) return await Output.FailAsync("--workers and --ocr-workers take a number ≥ 1").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct, create: true).ConfigureAwait(false);
            if (store is null) return 2;
            var loader = new BulkLoader(reading.Apply(services.CreatePipeline(), pr), store);
            var options = new BulkLoadOptions
            {
                RetryFailed = pr.GetValue(retry), Workers = pr.GetValue(workers), OcrWorkers = pr.GetValue(reading.OcrWorkers),
                Rescan = pr.GetValue(rescan) || pr.GetValue(prune), Prune = pr.GetValue(prune),
            };
            var interactive = !pr.GetValue(plain) && !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            BulkLoadReport report;
            try
            {
                report = interactive
                    ? await WithSpectreAsync(loader, roots, options, ct).ConfigureAwait(false)
                    : await loader.LoadAsync(roots, options, new PlainProgress(), ct).ConfigureAwait(false);
            }
            catch (DocIntel.Index.Elasticsearch.ElasticsearchException ex)
            {
                // The cluster stopped answering (or refused): the ledger holds only what it acknowledged, so a rerun resumes.
                await Console.Error.WriteLineAsync("docintel: " + ex.Message).ConfigureAwait(false);
                return 3;
            }
            var counts = await store.CountAsync(ct).ConfigureAwait(false);
            PrintReport(report, counts, AppServices.Describe(store));
            return report.Failures.Count == 0 ? 0 : 1;
        });
        return cmd;
    }

    private static async Task<BulkLoadReport> WithSpectreAsync(BulkLoader loader, string[] roots, BulkLoadOptions options, CancellationToken ct)
    {
        BulkLoadReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("scanning…", maxValue: 1);
                var progress = new Callback(p =>
                {
                    task.MaxValue = Math.Max(1, p.FilesTotal);
                    task.Value = p.FilesFinished;
                    var rate = p.Elapsed.TotalSeconds > 0 ? p.Documents / p.Elapsed.TotalSeconds : 0;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"files {p.FilesFinished}/{p.FilesTotal}  pages {p.Pages} (OCR {p.OcrPages})  docs {p.Documents} ({rate:F0}/s)  skipped {p.FilesSkipped}  failed {p.FilesFailed}"));
                });
                report = await loader.LoadAsync(roots, options, progress, ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return report!;
    }

    private sealed class Callback(Action<BulkLoadProgress> action) : IProgress<BulkLoadProgress>
    {
        public void Report(BulkLoadProgress value) => action(value);
    }

    /// <summary>One line to stderr at most every two seconds, for logs and pipes.</summary>
    private sealed class PlainProgress : IProgress<BulkLoadProgress>
    {
        private long _last = Stopwatch.GetTimestamp();

        public void Report(BulkLoadProgress p)
        {
            if (Stopwatch.GetElapsedTime(_last).TotalSeconds < 2 && p.FilesFinished < p.FilesTotal) return;
            _last = Stopwatch.GetTimestamp();
            var rate = p.Elapsed.TotalSeconds > 0 ? p.Documents / p.Elapsed.TotalSeconds : 0;
            var eta = p.FilesFinished > 0 && p.FilesTotal > p.FilesFinished ? TimeSpan.FromSeconds(p.Elapsed.TotalSeconds / p.FilesFinished * (p.FilesTotal - p.FilesFinished)) : TimeSpan.Zero;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{p.Elapsed:hh\\:mm\\:ss}] files {p.FilesFinished}/{p.FilesTotal}, pages {p.Pages} (OCR {p.OcrPages}), documents {p.Documents} ({rate:F0}/s), skipped {p.FilesSkipped}, failed {p.FilesFailed}, ETA {eta:hh\\:mm\\:ss}"));
        }
    }

    private static void PrintReport(BulkLoadReport r, DocIntel.Index.Store.StoreCounts counts, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var secs = Math.Max(r.Elapsed.TotalSeconds, 1e-6);
        Console.WriteLine(string.Create(inv, $"files: {r.FilesTotal} found, {r.FilesRead} read, {r.FilesSkipped} already in store or duplicate, {r.Failures.Count} failed"));
        Console.WriteLine(string.Create(inv, $"documents: {r.Documents} ({r.Documents / secs:F0}/s), citations: {r.Citations}, pages: {r.Pages} (OCR {r.OcrPages})"));
        Console.WriteLine(string.Create(inv, $"time: {r.Elapsed.TotalSeconds:F1} s — read+hash {r.Stages.ReadAndHash.TotalSeconds:F1} s, pipeline {r.Stages.Pipeline.TotalSeconds:F1} s (summed over workers), store {r.Stages.Store.TotalSeconds:F1} s, sweep {r.Stages.Sweep.TotalSeconds:F2} s; peak memory {PeakMb()} MB"));
        Console.WriteLine(string.Create(inv, $"store {path}: {counts.Documents} documents, {counts.Citations} citations, {counts.Files} files done, {counts.FailedFiles} failed"));
        if (r.Missing.Count > 0)
        {
            Console.WriteLine(string.Create(inv, $"missing: {r.Missing.Count} remembered file(s) no longer exist{(r.Removed > 0 ? $"; removed {r.Removed} file(s) with their documents" : " (use --prune to forget them)")}"));
            foreach (var m in r.Missing.Take(20)) Console.WriteLine("  missing: " + m);
        }
        else if (r.Removed > 0)
        {
            Console.WriteLine(string.Create(inv, $"replaced: {r.Removed} earlier version(s) of changed files removed"));
        }
        if (r.Failures.Count == 0) return;
        Console.WriteLine("failures by reason:");
        foreach (var (reason, count, example) in r.FailuresByReason) Console.WriteLine(string.Create(inv, $"  {count,5}  {reason}  (e.g. {example})"));
        foreach (var f in r.Failures.Take(50)) Console.WriteLine($"failed: {f.Path}: {f.Reason}");
        if (r.Failures.Count > 50) Console.WriteLine(string.Create(inv, $"… and {r.Failures.Count - 50} more"));
    }

    /// <summary>Peak resident memory of this process (VmHWM), in MB; 0 where /proc is not there.</summary>
    internal static long PeakMb()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
