using System.CommandLine;
using DocIntel.Ingest.Bulk;

namespace DocIntel.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create(AppServices services)
    {
        var paths = new Argument<string[]>("PATH") { Description = "folders or files to load (recursively)", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var retry = new Option<bool>("--retry-failed") { Description = "read again the files that failed before" };
        var cmd = new Command("ingest", "Load every .txt, .md, .html, .docx, .pdf (scanned pages are OCR'd) and scanned image under the paths into the store") { paths, db, retry };
        var reading = new ReadingOptions();
        reading.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            var roots = pr.GetValue(paths)!;
            foreach (var r in roots)
            {
                if (!File.Exists(r) && !Directory.Exists(r))
                {
                    await Console.Error.WriteLineAsync($"docintel: no such file or directory: {r}").ConfigureAwait(false);
                    return 2;
                }
            }
            await using var store = await AppServices.OpenStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            var loader = new BulkLoader(reading.Apply(services.CreatePipeline(), pr), store);
            var progress = new Progress<BulkLoadProgress>(p =>
            {
                if (p.FilesSeen % 50 == 0) Console.Error.WriteLine($"… {p.FilesSeen} files, {p.Documents} documents, {p.FilesFailed} failed");
            });
            var report = await loader.LoadAsync(roots, new BulkLoadOptions { RetryFailed = pr.GetValue(retry) }, progress, ct).ConfigureAwait(false);
            var counts = await store.CountAsync(ct).ConfigureAwait(false);
            Console.WriteLine($"files read: {report.FilesRead}, already in store: {report.FilesSkipped}, failed: {report.Failures.Count}");
            Console.WriteLine($"documents found: {report.Documents}, citations found: {report.Citations}");
            Console.WriteLine($"store {store.Path}: {counts.Documents} documents, {counts.Citations} citations, {counts.Files} files ({report.Elapsed.TotalSeconds:F1} s)");
            foreach (var (path, reason) in report.Failures) Console.WriteLine($"failed: {path}: {reason}");
            return report.Failures.Count == 0 ? 0 : 1;
        });
        return cmd;
    }
}
