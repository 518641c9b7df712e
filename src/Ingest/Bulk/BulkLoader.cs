using System.Diagnostics;
using DocIntel.Index.Store;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Bulk;

/// <summary>Options of a bulk load.</summary>
public sealed record BulkLoadOptions
{
    public bool RetryFailed { get; init; }

    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);
}

/// <summary>Progress of a bulk load, reported after each file.</summary>
public sealed record BulkLoadProgress(int FilesSeen, int FilesDone, int FilesFailed, int FilesSkipped, int Documents, string? CurrentPath);

/// <summary>The final report of a bulk load.</summary>
public sealed record BulkLoadReport(int FilesRead, int FilesSkipped, int Documents, int Citations, IReadOnlyList<(string Path, string Reason)> Failures, TimeSpan Elapsed);

/// <summary>
/// Loads every supported file under some paths into a store. Each file is committed alone (its documents and its ledger
/// line in one transaction), keyed by the SHA-256 of its bytes, so a rerun skips what is done and a kill loses at most
/// the file in flight.
/// </summary>
public sealed class BulkLoader(DocumentPipeline pipeline, IDocumentStore store)
{
    public static IEnumerable<string> EnumerateFiles(string root)
    {
        if (File.Exists(root)) { yield return Path.GetFullPath(root); yield break; }
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"no such file or directory: {root}");
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        foreach (var f in Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal))
        {
            if (FileReaders.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())) yield return Path.GetFullPath(f);
        }
    }

    public async Task<BulkLoadReport> LoadAsync(IEnumerable<string> roots, BulkLoadOptions options, IProgress<BulkLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var watch = Stopwatch.StartNew();
        var failures = new List<(string, string)>();
        int seen = 0, done = 0, skipped = 0, documents = 0, citations = 0;
        foreach (var path in roots.SelectMany(EnumerateFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            seen++;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add((path, $"cannot read file: {ex.Message}"));
                continue;
            }
            var sha = DocumentPipeline.Sha256(bytes);
            var file = new FileRecord(sha, path, bytes.LongLength);
            var known = await store.GetFileAsync(sha, cancellationToken).ConfigureAwait(false);
            if (known is not null && (known.Status == FileStatus.Done || (known.Status == FileStatus.Failed && !options.RetryFailed)))
            {
                await store.AddPathAsync(file, cancellationToken).ConfigureAwait(false);
                skipped++;
                if (known.Status == FileStatus.Failed) failures.Add((path, known.Reason ?? "failed earlier"));
                progress?.Report(new BulkLoadProgress(seen, done, failures.Count, skipped, documents, path));
                continue;
            }
            var outcome = await pipeline.RunAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                await store.StoreAsync(file, outcome.Documents, cancellationToken).ConfigureAwait(false);
                done++;
                documents += outcome.Documents.Count;
                citations += outcome.Documents.Sum(d => d.Analysis.Citations.Count);
            }
            else
            {
                await store.RecordFailureAsync(file, outcome.Error!, cancellationToken).ConfigureAwait(false);
                failures.Add((path, outcome.Error!));
            }
            progress?.Report(new BulkLoadProgress(seen, done, failures.Count, skipped, documents, path));
        }
        return new BulkLoadReport(done, skipped, documents, citations, failures, watch.Elapsed);
    }
}
