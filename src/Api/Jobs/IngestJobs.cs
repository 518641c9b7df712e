using System.Collections.Concurrent;
using System.Threading.Channels;
using DocIntel.Index.Store;
using DocIntel.Ingest.Bulk;
using DocIntel.Ingest.Pipeline;

namespace DocIntel.Api.Jobs;

public enum JobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>What a client sees of an ingest job; <see cref="Version"/> grows with every change (the event stream sends each).</summary>
public sealed record JobStatus(string Id, JobState State, DateTimeOffset Created, DateTimeOffset? Finished, IReadOnlyList<string> Files,
    int FilesTotal, int FilesFinished, int FilesFailed, int FilesSkipped, int Documents, int Pages, IReadOnlyList<FileFailure> Failures, string? Error, long Version)
{
    public bool IsFinished => State is JobState.Done or JobState.Failed;
}

/// <summary>
/// Upload jobs run one after another on the bulk loader (same ledger, limits and bad-input handling as `docintel ingest`),
/// in the background: the request that uploads returns at once with the job's id.
/// </summary>
public sealed class IngestJobs(DocumentPipeline pipeline, IDocumentStore store, ILogger<IngestJobs> logger) : BackgroundService
{
    private readonly Channel<(string Id, string Folder)> _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, JobStatus> _jobs = new(StringComparer.Ordinal);

    public JobStatus? Get(string id) => _jobs.GetValueOrDefault(id);

    public JobStatus Enqueue(string id, string folder, IReadOnlyList<string> files)
    {
        var status = new JobStatus(id, JobState.Queued, DateTimeOffset.UtcNow, null, files, files.Count, 0, 0, 0, 0, 0, [], null, 1);
        _jobs[id] = status;
        _queue.Writer.TryWrite((id, folder));
        return status;
    }

    private void Update(string id, Func<JobStatus, JobStatus> change) =>
        _jobs.AddOrUpdate(id, _ => throw new InvalidOperationException("unknown job " + id), (_, old) => change(old) with { Version = old.Version + 1 });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunJobsAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a job cut short leaves the store as a killed `docintel ingest` does (batches are atomic).
        }
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, folder) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            Update(id, s => s with { State = JobState.Running });
            try
            {
                var progress = new Progress(p => Update(id, s => s with
                {
                    FilesTotal = p.FilesTotal, FilesFinished = p.FilesFinished, FilesFailed = p.FilesFailed, FilesSkipped = p.FilesSkipped, Documents = p.Documents, Pages = p.Pages,
                }));
                var report = await new BulkLoader(pipeline, store).LoadAsync([folder], new BulkLoadOptions(), progress, stoppingToken).ConfigureAwait(false);
                Update(id, s => s with
                {
                    State = JobState.Done, Finished = DateTimeOffset.UtcNow, FilesTotal = report.FilesTotal, FilesFinished = report.FilesTotal,
                    FilesFailed = report.Failures.Count, FilesSkipped = report.FilesSkipped, Documents = report.Documents, Pages = report.Pages, Failures = report.Failures,
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "ingest job {JobId} failed", id);
                Update(id, s => s with { State = JobState.Failed, Finished = DateTimeOffset.UtcNow, Error = ex.Message });
            }
        }
    }

    /// <summary>Synchronous progress: the loader reports from its writer, and the status must be current when the job ends.</summary>
    private sealed class Progress(Action<BulkLoadProgress> action) : IProgress<BulkLoadProgress>
    {
        public void Report(BulkLoadProgress value) => action(value);
    }
}
