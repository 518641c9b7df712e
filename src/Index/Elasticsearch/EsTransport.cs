using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DocIntel.Index.Elasticsearch;

/// <summary>An answer: status and body bytes (already read, so a retry never sees half a body).</summary>
internal readonly record struct EsResponse(HttpStatusCode Status, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>What the transport lived through: counted for the ledger report and the fault tests.</summary>
public sealed class EsTransportStats
{
    private long _requests, _retries, _itemRetries, _circuitOpened;

    public long Requests => Interlocked.Read(ref _requests);
    public long Retries => Interlocked.Read(ref _retries);
    public long ItemRetries => Interlocked.Read(ref _itemRetries);
    public long CircuitOpened => Interlocked.Read(ref _circuitOpened);

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Retry() => Interlocked.Increment(ref _retries);
    internal void ItemRetry(int n) => Interlocked.Add(ref _itemRetries, n);
    internal void Opened() => Interlocked.Increment(ref _circuitOpened);
}

/// <summary>
/// HTTP to one cluster: authentication, JSON/NDJSON bodies, and the resilience pipeline every request goes through
/// (Polly: retry with jittered exponential back-off → circuit breaker → per-attempt timeout). A whole request answered
/// 429/502/503/504, timed out, or cut off (connection reset) is retried; anything else is the caller's to judge.
/// </summary>
internal sealed class EsTransport : IDisposable
{
    public const string Json = "application/json";
    public const string NdJson = "application/x-ndjson";

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<EsResponse> _pipeline;
    private readonly Uri _base;
    private readonly AuthenticationHeaderValue? _auth;

    public EsTransport(ElasticsearchOptions options, HttpMessageHandler handler, TimeProvider time, bool disposeHandler = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _base = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _auth = options.ApiKey is { } key
            ? new AuthenticationHeaderValue("ApiKey", key.Contains(':', StringComparison.Ordinal) ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key)) : key)
            : options.Username is { } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + options.Password)))
                : null;
        var transient = new Func<Outcome<EsResponse>, bool>(IsTransient);
        var builder = new ResiliencePipelineBuilder<EsResponse> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<EsResponse>
            {
                ShouldHandle = a => ValueTask.FromResult(transient(a.Outcome)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = _ => { Stats.Retry(); return default; },
            });
        }
        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<EsResponse>
            {
                ShouldHandle = a => ValueTask.FromResult(transient(a.Outcome)),
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, options.BreakAfterFailures),
                SamplingDuration = options.BreakSampling,
                BreakDuration = options.BreakDuration,
                OnOpened = _ => { Stats.Opened(); return default; },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    public ElasticsearchOptions Options { get; }

    public EsTransportStats Stats { get; } = new();

    /// <summary>The cluster's address for messages (no credentials are ever part of it).</summary>
    public string Where => new UriBuilder(_base) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Authority);

    internal static bool IsTransient(Outcome<EsResponse> outcome) => outcome.Exception switch
    {
        null => outcome.Result.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        HttpRequestException or TimeoutRejectedException or IOException => true,
        _ => false,
    };

    /// <summary>Sends one request through the resilience pipeline; throws <see cref="ElasticsearchUnavailableException"/> when it gives up.</summary>
    public async Task<EsResponse> SendAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? body, string contentType, CancellationToken ct)
    {
        EsResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                Stats.Request();
                using var request = new HttpRequestMessage(method, new Uri(_base, path));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
                if (_auth is not null) request.Headers.Authorization = _auth;
                if (body is { } b)
                {
                    request.Content = new ReadOnlyMemoryContent(b);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                }
                using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var bytes = await answer.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                return new EsResponse(answer.StatusCode, bytes);
            }, ct).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ElasticsearchUnavailableException(
                $"Elasticsearch at {Where} keeps failing; the circuit breaker stopped sending requests ({ex.Message.TrimEnd('.')}). {Resume}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch at {Where} did not answer {method} /{path} after {Options.MaxRetries} retries: {Describe(ex)}. {Resume}", ex);
        }
        if (IsTransient(Outcome.FromResult(response)))
            throw new ElasticsearchUnavailableException($"Elasticsearch at {Where} answered {(int)response.Status} to {method} /{path} after {Options.MaxRetries} retries: {ErrorOf(response)}. {Resume}");
        return response;
    }

    internal const string Resume = "Nothing Elasticsearch did not acknowledge was marked done in the ledger: once the cluster is healthy, run the same command again (a load resumes where it stopped)";

    private static string Describe(Exception ex) => ex is TimeoutRejectedException ? "timed out" : ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;

    public Task<EsResponse> SendJsonAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? body, CancellationToken ct) =>
        SendAsync(method, path, body, Json, ct);

    /// <summary>Sends JSON and reads a JSON answer; any non-2xx answer is an <see cref="ElasticsearchException"/> naming the error.</summary>
    public async Task<T> RequestAsync<T>(HttpMethod method, string path, ReadOnlyMemory<byte>? body, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var r = await SendJsonAsync(method, path, body, ct).ConfigureAwait(false);
        EnsureSuccess(r, method, path);
        return JsonSerializer.Deserialize(r.Body, type) ?? throw new ElasticsearchException($"{method} /{path}: empty answer");
    }

    public static void EnsureSuccess(EsResponse r, HttpMethod method, string path)
    {
        if (r.IsSuccess) return;
        var (type, reason) = ParseError(r);
        var hint = r.Status switch
        {
            HttpStatusCode.Unauthorized => " (check DOCINTEL_ES_API_KEY or DOCINTEL_ES_USER/DOCINTEL_ES_PASSWORD)",
            HttpStatusCode.Forbidden => " (the credential lacks a privilege on the docintel indices)",
            _ => "",
        };
        throw new ElasticsearchException($"Elasticsearch refused {method} /{path}: {(int)r.Status} {type}: {reason}{hint}", r.Status, type);
    }

    internal static string ErrorOf(EsResponse r)
    {
        var (type, reason) = ParseError(r);
        return $"{type}: {reason}";
    }

    /// <summary>The error's type and reason from an Elasticsearch error body (or the start of whatever else came back).</summary>
    internal static (string Type, string Reason) ParseError(EsResponse r)
    {
        try
        {
            var body = JsonSerializer.Deserialize(r.Body, EsJson.Default.EsErrorBody);
            if (body is not null)
            {
                if (body.Error.ValueKind == JsonValueKind.Object)
                {
                    var e = body.Error.Deserialize(EsJson.Default.EsError);
                    var root = body.Error.TryGetProperty("root_cause", out var rc) && rc.ValueKind == JsonValueKind.Array && rc.GetArrayLength() > 0
                        ? rc[0].Deserialize(EsJson.Default.EsError) : null;
                    var reason = e?.Reason ?? root?.Reason ?? "";
                    if (e?.CausedBy?.Reason is { } cause && cause != reason) reason += $" ({e.CausedBy.Type}: {cause})";
                    return (e?.Type ?? root?.Type ?? "error", reason);
                }
                if (body.Error.ValueKind == JsonValueKind.String) return ("error", body.Error.GetString() ?? "");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): show its beginning below.
        }
        var text = Encoding.UTF8.GetString(r.Body, 0, Math.Min(r.Body.Length, 200)).ReplaceLineEndings(" ");
        return ("http_" + ((int)r.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), text);
    }

    public void Dispose() => _http.Dispose();
}
