using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using DocIntel.Api.Endpoints;
using DocIntel.Api.Jobs;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Queries;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace DocIntel.Api;

/// <summary>
/// Builds the HTTP host: options, the store, the query layer, the ingest jobs, problem details, rate limiting, OpenAPI,
/// the endpoints and the dashboard. Used by Program (dotnet run, tests) and by <c>docintel serve</c>, which hands in the
/// store it opened with the CLI's own wiring (SQLite or any other backend).
/// </summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args, IDocumentStore? store = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        AddServices(builder, store);
        var app = builder.Build();
        MapAll(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, IDocumentStore? store)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        services.AddSingleton(_ => ReferenceData.LoadEmbedded());
        if (store is not null) services.AddSingleton(store);
        else services.AddSingleton<IDocumentStore>(sp => OpenSqlite(sp.GetRequiredService<IOptions<ApiOptions>>().Value.Database));
        services.AddSingleton(sp => new ArchiveQueries(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<ReferenceData>().Registry));
        services.AddSingleton(sp => new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default,
            new DocumentExtractor(sp.GetRequiredService<ReferenceData>(), ExtractionOptions.Default)));
        services.AddSingleton<IngestJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestJobs>());
        services.AddHostedService<StoreWarmup>();

        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var opts = ctx.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                if (opts.RateLimitPerSecond == 0 || ctx.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)) return RateLimitPartition.GetNoLimiter("none");
                var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "local";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = opts.RateLimitPerSecond, TokensPerPeriod = opts.RateLimitPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = opts.RateLimitQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
                });
            });
            o.OnRejected = (ctx, ct) => new ValueTask(Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                "This client sent more requests than the rate limit allows; wait a second and retry."));
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue); // the ingest endpoint checks its own limit
        builder.WebHost.ConfigureKestrel((ctx, k) =>
            k.Limits.MaxRequestBodySize = ctx.Configuration.GetSection(ApiOptions.Section).GetValue<long?>(nameof(ApiOptions.MaxUploadBytes)) ?? new ApiOptions().MaxUploadBytes);
    }

    public static void Configure(JsonSerializerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    private static SqliteDocumentStore OpenSqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new SqliteDocumentStore(full);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return store;
    }

    private static void MapAll(WebApplication app)
    {
        app.UseExceptionHandler(e => e.Run(ctx =>
        {
            var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
            return error is BadHttpRequestException bad
                ? Problems.Write(ctx, bad.StatusCode, bad.StatusCode == 413 ? "Request too large" : "Bad request", bad.Message)
                : Problems.Write(ctx, 500, "Internal error", "The server failed to answer; the log has the details.");
        }));
        app.UseStatusCodePages();
        app.UseRateLimiter();
        var web = new EmbeddedFileProvider(typeof(ApiHost).Assembly, "DocIntel.Api.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = web });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = web });

        app.MapOpenApi("/openapi/{documentName}.json");
        HealthEndpoints.Map(app);
        DocumentEndpoints.Map(app);
        CitationEndpoints.Map(app);
        StatsEndpoints.Map(app);
        IngestEndpoints.Map(app);
        // Touch the store at start so a broken database fails the start, not the first request.
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<IDocumentStore>());
    }

    /// <summary>The assembly that holds the dashboard, for tests that list its pages.</summary>
    internal static Assembly Assembly => typeof(ApiHost).Assembly;
}
