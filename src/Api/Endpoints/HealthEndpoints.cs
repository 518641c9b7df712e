using DocIntel.Index.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocIntel.Api.Endpoints;

/// <summary>/health (the process answers) and /health/ready (the store answers a count).</summary>
internal static class HealthEndpoints
{
    public sealed record Health(string Status);

    public sealed record Readiness(string Status, int Documents, int Citations, int Files, int FailedFiles);

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/health").WithTags("health");
        g.MapGet("/", () => TypedResults.Ok(new Health("ok"))).WithName("Health");
        g.MapGet("/ready", ReadyAsync).WithName("Ready");
    }

    private static async Task<Results<Ok<Readiness>, ProblemHttpResult>> ReadyAsync(IDocumentStore store, CancellationToken ct)
    {
        try
        {
            var c = await store.CountAsync(ct).ConfigureAwait(false);
            return TypedResults.Ok(new Readiness("ready", c.Documents, c.Citations, c.Files, c.FailedFiles));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store not ready");
        }
    }
}
