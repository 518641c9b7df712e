using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using DocIntel.Index.Store;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Bulk;

/// <summary>Options of a bulk load.</summary>
public sealed record BulkLoadOptions
{
    /// <summary>Read again the files that failed before (otherwise they are skipped and listed).</summary>
    public bool RetryFailed { get; init; }

    /// <summary>Workers for files read from text (text files, HTML, born-digital PDF).</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Workers for files likely to need OCR (images, PDFs without fonts): OCR is slow and memory-hungry.</summary>
    public int OcrWorkers { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Files per transaction at most.</summary>
    public int BatchFiles { get; init; } = 1000;

    /// <summary>
    /// How long a batch stays open for more files when the queue runs dry: a writer faster than the workers would otherwise
    /// commit a few files at a time, and each commit costs a WAL sync and a new full-text segment to merge later.
    /// </summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Bytes of file content held in memory at once (read but not yet through the pipeline).</summary>
    public long MemoryBudgetBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>List the remembered paths under the roots that are gone.</summary>
    public bool Rescan { get; init; }

    /// <summary>With <see cref="Rescan"/>: forget the missing paths and remove content no path holds any more.</summary>
    public bool Prune { get; init; }

    public ArchiveLimits Limits { get; init; } = new();
}

/// <summary>Progress of a bulk load, reported after each committed batch.</summary>
public sealed record BulkLoadProgress(int FilesTotal, int FilesSeen, int FilesDone, int FilesFailed, int FilesSkipped, int Documents, int Pages, int OcrPages, TimeSpan Elapsed, string? CurrentPath)
{
    public int FilesFinished => FilesDone + FilesFailed + FilesSkipped;
}

public sealed record FileFailure(string Path, string Reason);

/// <summary>Where the time went. Pipeline time is summed over workers, so it can exceed the wall time.</summary>
public sealed record StageTimes(TimeSpan ReadAndHash, TimeSpan Pipeline, TimeSpan Store, TimeSpan Sweep);

/// <summary>The final report of a bulk load.</summary>
public sealed record BulkLoadReport(
    int FilesTotal, int FilesRead, int FilesSkipped, int Documents, int Citations, int Pages, int OcrPages,
    IReadOnlyList<FileFailure> Failures, IReadOnlyList<string> Missing, int Removed, StageTimes Stages, TimeSpan Elapsed)
{
    /// <summary>Failures grouped by reason (the part before the first colon or parenthesis), most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count, string Example)> FailuresByReason =>
        Failures.GroupBy(f => ReasonKind(f.Reason))
            .Select(g => (g.Key, g.Count(), g.First().Path))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static string ReasonKind(string reason)
    {
        var cut = reason.IndexOfAny([':', '(']);
        return (cut > 0 ? reason[..cut] : reason).Trim();
    }
}

/// <summary>
/// Loads every supported file under some paths (folders, .zip archives) into a store.
/// Stages: walk + read + hash (one reader, in order) → pipeline (text workers, OCR workers; bounded queues and a byte
/// budget hold memory flat) → store (one writer, a transaction per batch) → sweep. Files are keyed by the SHA-256 of their
/// bytes: identical files are read once and every path is remembered; done files are skipped on a rerun. Duplicates are
/// decided in walk order, so a load killed at any moment and run again ends with exactly the store a clean run gives.
/// </summary>
public sealed class BulkLoader(DocumentPipeline pipeline, IDocumentStore store)
{
    private static readonly HashSet<string> ImageExtensions = [".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".jp2", ".pnm", ".pgm"];

    private sealed record WorkItem(FileRecord File, byte[] Bytes);

    private sealed class Counters
    {
        public int Total, Seen, Done, Failed, Skipped, Documents, Citations, Pages, OcrPages;
        public long ReadTicks, PipelineTicks, StoreTicks;
        public string? Current;
    }

    public async Task<BulkLoadReport> LoadAsync(IEnumerable<string> roots, BulkLoadOptions options, IProgress<BulkLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(options);
        var rootList = roots.ToList();
        var watch = Stopwatch.StartNew();
        var walker = new ArchiveWalker(options.Limits);
        var c = new Counters { Total = -1 };
        // The total is for progress and the report only: counted beside the load (a walk of the whole tree, and of every
        // archive's directory), not before it, when the second core would sit idle.
        var counting = Task.Run(() => Volatile.Write(ref c.Total, walker.Count(rootList)), cancellationToken);
        var failures = new List<FileFailure>();
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = linked.Token;
        var textQueue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(2, options.Workers * 2)) { SingleWriter = true });
        var ocrQueue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, options.OcrWorkers)) { SingleWriter = true });
        var writes = Channel.CreateBounded<(LedgerWrite Write, string? Failure, int Docs)>(new BoundedChannelOptions(options.BatchFiles * 2) { SingleReader = true });
        var budget = new ByteBudget(options.MemoryBudgetBytes);

        // Until the count is in, the files seen so far stand for the total (a lower bound).
        BulkLoadProgress Snapshot() => new(Volatile.Read(ref c.Total) is >= 0 and var total ? total : Volatile.Read(ref c.Seen), Volatile.Read(ref c.Seen), c.Done, c.Failed, c.Skipped, c.Documents, c.Pages, c.OcrPages, watch.Elapsed, c.Current);

        async Task Produce()
        {
            var inRun = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var source in walker.Read(rootList, ct))
                {
                    var started = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref c.Seen);
                    seenPaths.Add(source.Path);
                    if (source.Bytes is null)
                    {
                        // Refused unread: keyed by its path, so a rerun records the same line.
                        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("refused\0" + source.Path)));
                        await writes.Writer.WriteAsync((new FailFile(new FileRecord(key, source.Path, 0), source.Refusal!), source.Refusal, 0), ct).ConfigureAwait(false);
                        continue;
                    }
                    var sha = DocumentPipeline.Sha256(source.Bytes);
                    var file = new FileRecord(sha, source.Path, source.Bytes.LongLength);
                    Interlocked.Add(ref c.ReadTicks, source.ReadTime.Ticks + Stopwatch.GetElapsedTime(started).Ticks);
                    if (!inRun.Add(sha))
                    {
                        await writes.Writer.WriteAsync((new SeenFile(file), null, -1), ct).ConfigureAwait(false);
                        continue;
                    }
                    var known = await store.GetFileAsync(sha, ct).ConfigureAwait(false);
                    if (known is not null && (known.Status == FileStatus.Done || (known.Status == FileStatus.Failed && !options.RetryFailed)))
                    {
                        var earlier = known.Status == FileStatus.Failed ? known.Reason ?? "failed earlier" : null;
                        await writes.Writer.WriteAsync((new SeenFile(file), earlier, -1), ct).ConfigureAwait(false);
                        continue;
                    }
                    await budget.WaitAsync(source.Bytes.LongLength, ct).ConfigureAwait(false);
                    var queue = LikelyNeedsOcr(source.Path, source.Bytes) ? ocrQueue : textQueue;
                    await queue.Writer.WriteAsync(new WorkItem(file with { Timings = new FileTimings(source.ReadTime.TotalMilliseconds, 0, 0, 0) }, source.Bytes), ct).ConfigureAwait(false);
                }
            }
            finally
            {
                textQueue.Writer.TryComplete();
                ocrQueue.Writer.TryComplete();
            }
        }

        async Task Work(ChannelReader<WorkItem> queue)
        {
            await foreach (var item in queue.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var started = Stopwatch.GetTimestamp();
                FileOutcome outcome;
                try
                {
                    outcome = await pipeline.RunAsync(item.File.Path, item.Bytes, item.File.Sha256, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in one reader must not stop the archive: the file is failed with the exception named.
                    outcome = new FileOutcome(item.File.Path, item.File.Sha256, item.Bytes.LongLength, [], $"internal error: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    budget.Release(item.Bytes.LongLength);
                }
                var elapsed = Stopwatch.GetElapsedTime(started);
                Interlocked.Add(ref c.PipelineTicks, elapsed.Ticks);
                var pages = outcome.Documents.Count == 0 ? 0 : outcome.Documents.Max(d => d.Source.PageTo ?? 1);
                var ocrPages = outcome.Documents.Any(d => d.Source.TextOrigin is TextOrigins.Ocr or TextOrigins.Mixed) ? pages : 0;
                var file = item.File with { Timings = item.File.Timings! with { PipelineMs = elapsed.TotalMilliseconds, Pages = pages, OcrPages = ocrPages } };
                LedgerWrite write = outcome.Succeeded ? new StoreFile(file, outcome.Documents) : new FailFile(file, outcome.Error!);
                await writes.Writer.WriteAsync((write, outcome.Error, outcome.Documents.Count), ct).ConfigureAwait(false);
            }
        }

        async Task Store()
        {
            var batch = new List<(LedgerWrite Write, string? Failure, int Docs)>();
            var reader = writes.Reader;
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                var opened = Stopwatch.GetTimestamp();
                while (batch.Count < options.BatchFiles)
                {
                    if (reader.TryRead(out var w)) { batch.Add(w); continue; }
                    var left = options.BatchWindow - Stopwatch.GetElapsedTime(opened);
                    if (left <= TimeSpan.Zero) break;
                    var more = reader.WaitToReadAsync(ct).AsTask();
                    if (await Task.WhenAny(more, Task.Delay(left, ct)).ConfigureAwait(false) != more || !await more.ConfigureAwait(false)) break;
                }
                var started = Stopwatch.GetTimestamp();
                await store.WriteAsync(batch.Select(b => b.Write).ToList(), ct).ConfigureAwait(false);
                c.StoreTicks += Stopwatch.GetElapsedTime(started).Ticks;
                foreach (var (write, failure, docs) in batch)
                {
                    c.Current = write.Path;
                    if (failure is not null) failures.Add(new FileFailure(write.Path, failure));
                    switch (write)
                    {
                        case StoreFile s:
                            c.Done++;
                            c.Documents += docs;
                            c.Citations += s.Documents.Sum(d => d.Analysis.Citations.Count);
                            c.Pages += s.File.Timings?.Pages ?? 0;
                            c.OcrPages += s.File.Timings?.OcrPages ?? 0;
                            break;
                        case FailFile:
                            c.Failed++;
                            break;
                        case SeenFile:
                            c.Skipped++;
                            break;
                    }
                }
                batch.Clear();
                progress?.Report(Snapshot());
            }
        }

        var workers = new List<Task>();
        for (var i = 0; i < Math.Max(1, options.Workers); i++) workers.Add(Task.Run(() => Work(textQueue.Reader), ct));
        for (var i = 0; i < Math.Max(1, options.OcrWorkers); i++) workers.Add(Task.Run(() => Work(ocrQueue.Reader), ct));
        var writer = Task.Run(Store, ct);
        // A failing store stops everyone (otherwise the workers would wait on a full queue forever).
        _ = writer.ContinueWith(_ => linked.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var producer = Task.Run(Produce, ct);
        try
        {
            await producer.ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            writes.Writer.TryComplete();
            await Task.WhenAll(workers.Append(writer).Append(producer).Append(counting).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            if (writer.Exception?.InnerException is { } storeError && !cancellationToken.IsCancellationRequested)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(storeError);
            throw;
        }
        writes.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await counting.ConfigureAwait(false);

        // Rescan: remembered paths under the roots that this walk did not meet.
        var missing = new List<string>();
        if (options.Rescan || options.Prune)
        {
            foreach (var prefix in rootList.Select(RootPrefix).Distinct())
            {
                foreach (var p in await store.ListPathsAsync(prefix.Prefix, ct).ConfigureAwait(false))
                {
                    if (!seenPaths.Contains(p.Path) && (p.Path == prefix.Exact || (prefix.Prefix != prefix.Exact && p.Path.StartsWith(prefix.Prefix, StringComparison.Ordinal)))) missing.Add(p.Path);
                }
            }
            missing = missing.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (options.Prune && missing.Count > 0)
                await store.WriteAsync(missing.Select(m => (LedgerWrite)new ForgetPath(m)).ToList(), ct).ConfigureAwait(false);
        }
        var sweepStarted = Stopwatch.GetTimestamp();
        var removed = await store.SweepAsync(ct).ConfigureAwait(false);
        var stages = new StageTimes(TimeSpan.FromTicks(c.ReadTicks), TimeSpan.FromTicks(c.PipelineTicks), TimeSpan.FromTicks(c.StoreTicks), Stopwatch.GetElapsedTime(sweepStarted));
        progress?.Report(Snapshot());
        return new BulkLoadReport(c.Total, c.Done, c.Skipped, c.Documents, c.Citations, c.Pages, c.OcrPages, failures, missing, removed, stages, watch.Elapsed);
    }

    /// <summary>A root folder covers the paths below it; a root file (or archive) covers itself and its entries.</summary>
    private static (string Prefix, string Exact) RootPrefix(string root)
    {
        var full = Path.GetFullPath(root);
        if (Directory.Exists(full) || !File.Exists(full)) return (Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar, full);
        return (ArchiveWalker.IsArchive(full) ? full + ArchiveWalker.ArchiveSeparator : full, full);
    }

    /// <summary>Images, and PDFs with no font resources (scans), go to the OCR workers. A wrong guess only changes the queue.</summary>
    internal static bool LikelyNeedsOcr(string path, byte[] bytes)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ImageExtensions.Contains(ext)) return true;
        return bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan().IndexOf("/Font"u8) < 0;
    }
}
