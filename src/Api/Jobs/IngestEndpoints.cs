using System.IO.Compression;
using System.Runtime.CompilerServices;
using DocIntel.Api.Endpoints;
using DocIntel.Api.Security;
using DocIntel.Ingest.Readers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DocIntel.Api.Jobs;

/// <summary>POST /api/ingest (files or a zip, multipart/form-data, API key), GET /api/jobs/{id}, GET /api/jobs/{id}/events (SSE).</summary>
internal static class IngestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ingest", UploadAsync).WithTags("ingest").WithName("Ingest").AddEndpointFilter<ApiKeyFilter>().DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Upload files or a .zip; they are loaded in the background by the bulk loader (same ledger and limits). Needs X-Api-Key.");
        var jobs = app.MapGroup("/api/jobs").WithTags("ingest");
        jobs.MapGet("/{id}", (string id, IngestJobs all) => all.Get(id) is { } s ? (Results<Ok<JobStatus>, ProblemHttpResult>)TypedResults.Ok(s) : Problems.NotFound($"no job with id '{id}'"))
            .WithName("Job").WithSummary("The state and progress of an ingest job");
        jobs.MapGet("/{id}/events", Events).WithName("JobEvents").WithSummary("Server-sent events: the job's status at every change, until it ends");
    }

    internal static async Task<Results<Accepted<JobStatus>, ValidationProblem, ProblemHttpResult>> UploadAsync(HttpRequest request, IngestJobs jobs,
        IOptions<ApiOptions> options, CancellationToken ct)
    {
        var o = options.Value;
        if (request.ContentLength > o.MaxUploadBytes) return TooLarge(o);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = o.MaxUploadBytes;
        if (!request.HasFormContentType) return Invalid("files", "send the files as multipart/form-data");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(o);
        }
        catch (InvalidDataException ex)
        {
            return Invalid("files", "the upload is not a readable multipart form: " + ex.Message);
        }
        var files = form.Files;
        if (files.Count == 0) return Invalid("files", "no file in the upload");
        if (files.Sum(f => f.Length) > o.MaxUploadBytes) return TooLarge(o);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in files)
        {
            var name = f.FileName.Replace('\\', '/');
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return Invalid("files", $"'{f.FileName}': a file name must not contain a folder");
            var ext = Path.GetExtension(name).ToLowerInvariant();
            if (ext != ".zip" && !FileReaders.Extensions.Contains(ext))
                return Invalid("files", $"'{name}': unsupported file type (supported: .zip, {string.Join(", ", FileReaders.Extensions.Order(StringComparer.Ordinal))})");
            if (!names.Add(name)) return Invalid("files", $"'{name}' is sent twice");
            if (ext == ".zip" && ZipProblem(f) is { } problem) return Invalid("files", $"'{name}': {problem}");
        }
        var id = Guid.NewGuid().ToString("N")[..16];
        var folder = Path.Combine(Path.GetFullPath(o.UploadDirectory), id);
        Directory.CreateDirectory(folder);
        foreach (var f in files)
        {
            var stream = new FileStream(Path.Combine(folder, f.FileName), FileMode.CreateNew);
            await using (stream.ConfigureAwait(false)) await f.CopyToAsync(stream, ct).ConfigureAwait(false);
        }
        var status = jobs.Enqueue(id, folder, files.Select(f => f.FileName).ToList());
        return TypedResults.Accepted($"/api/jobs/{id}", status);
    }

    /// <summary>Refuses an archive with an entry that would land outside its folder (zip-slip) or that cannot be read.</summary>
    private static string? ZipProblem(IFormFile file)
    {
        try
        {
            using var s = file.OpenReadStream();
            using var zip = new ZipArchive(s, ZipArchiveMode.Read);
            foreach (var e in zip.Entries)
            {
                var path = e.FullName.Replace('\\', '/');
                if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(p => p == ".."))
                    return $"entry '{e.FullName}' would be written outside the archive's folder (zip-slip); nothing was loaded";
            }
            return null;
        }
        catch (InvalidDataException ex)
        {
            return "not a readable zip archive: " + ex.Message;
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid upload");

    private static ProblemHttpResult TooLarge(ApiOptions o) =>
        TypedResults.Problem($"The upload is larger than the limit of {o.MaxUploadBytes} bytes (DocIntel:MaxUploadBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large");

    private static Results<ServerSentEventsResult<JobStatus>, ProblemHttpResult> Events(string id, IngestJobs jobs, CancellationToken ct) =>
        jobs.Get(id) is null ? Problems.NotFound($"no job with id '{id}'") : TypedResults.ServerSentEvents(Watch(id, jobs, ct), "progress");

    private static async IAsyncEnumerable<JobStatus> Watch(string id, IngestJobs jobs, [EnumeratorCancellation] CancellationToken ct)
    {
        long seen = -1;
        while (!ct.IsCancellationRequested)
        {
            var s = jobs.Get(id)!;
            if (s.Version != seen)
            {
                seen = s.Version;
                yield return s;
            }
            if (s.IsFinished) yield break;
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

}
