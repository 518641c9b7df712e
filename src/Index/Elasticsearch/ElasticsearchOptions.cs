namespace DocIntel.Index.Elasticsearch;

/// <summary>
/// Where the cluster is and how hard to push it. Defaults suit one node on the same network; the bulk limits follow the
/// Elasticsearch guidance (a few MB per request, a handful of requests in flight).
/// </summary>
public sealed record ElasticsearchOptions(Uri Url)
{
    /// <summary>Names start with this: aliases <c>{prefix}-documents</c>, <c>{prefix}-citations</c>, <c>{prefix}-files</c>, <c>{prefix}-paths</c>.</summary>
    public string IndexPrefix { get; init; } = "docintel";

    /// <summary>An API key as Elasticsearch prints it (the base64 "encoded" form, or "id:key").</summary>
    public string? ApiKey { get; init; }

    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>PEM file of the CA that signed the cluster's certificate (Elasticsearch's <c>http_ca.crt</c>).</summary>
    public string? CaFile { get; init; }

    /// <summary>SHA-256 fingerprint of the cluster's CA or certificate (hex, colons optional), as Elasticsearch prints it at first start.</summary>
    public string? CertificateFingerprint { get; init; }

    /// <summary>A bulk request is sent when it reaches this many bytes…</summary>
    public int MaxBatchBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>…or this many operations (a document and each of its citations are one operation each).</summary>
    public int MaxBatchOperations { get; init; } = 2000;

    /// <summary>Bulk requests in flight at once.</summary>
    public int MaxConcurrentRequests { get; init; } = 2;

    /// <summary>One attempt of one request; a slower answer counts as a failure and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a whole request answered 429/502/503/504, timed out or cut off.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Retries of single bulk items answered 429 or 5xx (sent again alone).</summary>
    public int MaxItemRetries { get; init; } = 6;

    /// <summary>First back-off; it doubles on each retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The circuit opens after this many failed attempts in a row (within <see cref="BreakSampling"/>).</summary>
    public int BreakAfterFailures { get; init; } = 8;

    public TimeSpan BreakSampling { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit refuses requests before letting one probe through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Keep-alive of a point in time between two pages of a deep result.</summary>
    public string PointInTimeKeepAlive { get; init; } = "1m";

    /// <summary>Page size when reading whole result sets with point in time + search_after.</summary>
    public int PageSize { get; init; } = 1000;

    public void Validate()
    {
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Elasticsearch URL must be http:// or https://, not {Url}");
        if (string.IsNullOrWhiteSpace(IndexPrefix) || IndexPrefix != IndexPrefix.ToLowerInvariant() || IndexPrefix.IndexOfAny([' ', ',', '*', '"', '/', '\\', '?', '#']) >= 0)
            throw new ArgumentException($"index prefix must be lower case with no spaces or , * \" / \\ ? #: {IndexPrefix}");
        if (MaxBatchBytes < 1024 || MaxBatchOperations < 1 || MaxConcurrentRequests < 1 || MaxRetries < 0 || MaxItemRetries < 0 || PageSize < 1 || PageSize > 10_000)
            throw new ArgumentException("bulk limits must be positive (page size 1…10000)");
        if ((Username is null) != (Password is null)) throw new ArgumentException("basic authentication needs both a user name and a password");
    }
}
