using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace DocIntel.Api;

/// <summary>Settings of the HTTP API (section "DocIntel" of the configuration: appsettings.json, DocIntel__X variables).</summary>
public sealed class ApiOptions
{
    public const string Section = "DocIntel";

    /// <summary>The SQLite store the API answers from (when the host is not handed a store by <c>docintel serve</c>).</summary>
    [Required]
    public string Database { get; set; } = "docintel.db";

    /// <summary>Key that write endpoints (POST /api/ingest) require in the X-Api-Key header. May be left out only when
    /// the server listens on localhost alone.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest upload accepted by POST /api/ingest, in bytes.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Where uploads are kept (one folder per job); they stay, since the ledger remembers their paths.</summary>
    [Required]
    public string UploadDirectory { get; set; } = "uploads";

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Deepest result reachable by paging (page × pageSize); deeper pages are refused, not computed.</summary>
    [Range(1, 1_000_000)]
    public int MaxResultWindow { get; set; } = 10_000;

    /// <summary>Requests per client address per second; 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 200;

    /// <summary>Requests of one client waiting for a slot before it gets 429.</summary>
    [Range(0, 100_000)]
    public int RateLimitQueue { get; set; } = 100;

    /// <summary>Nodes of a citation graph at most.</summary>
    [Range(1, 100_000)]
    public int GraphMaxNodes { get; set; } = 500;
}

/// <summary>Refuses to start a server that listens beyond localhost with write endpoints open to anyone.</summary>
internal sealed class ApiOptionsValidator(IConfiguration configuration) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey)) return ValidateOptionsResult.Success;
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var open = urls.Where(u => !IsLoopbackUrl(u)).ToList();
        return open.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"DocIntel:ApiKey must be set when the API listens beyond localhost ({string.Join(", ", open)}); set DocIntel__ApiKey");
    }

    internal static bool IsLoopbackUrl(string url)
    {
        var host = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
