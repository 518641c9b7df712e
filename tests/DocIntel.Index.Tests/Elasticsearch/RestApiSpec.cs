using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>A request as the backend sent it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, byte[]? Body)
{
    public string Text => Body is null ? "" : Encoding.UTF8.GetString(Body);
}

/// <summary>Records every request, then passes it on.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var q = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k]!, StringComparer.Ordinal);
        lock (Requests) Requests.Add(new RecordedRequest(request.Method, request.RequestUri.AbsolutePath, q, request.Content?.Headers.ContentType?.MediaType, body));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// The request shapes of Elasticsearch's REST API specification (the JSON files under testdata/es/rest-api-spec, from
/// elastic/elasticsearch rest-api-spec): which paths and methods an API has, which query parameters it accepts and
/// requires, whether it needs a body and of which content type. Both layouts of the spec are read (the current one,
/// with url.paths objects, and the older one with methods and url.params).
/// </summary>
internal sealed class RestApiSpec
{
    internal sealed record Api(string Name, IReadOnlyList<(string Template, IReadOnlyList<string> Methods)> Paths, IReadOnlyDictionary<string, JsonObject> Params, bool BodyRequired, bool HasBody, IReadOnlyList<string> ContentTypes);

    // Accepted by every API (rest-api-spec _common.json).
    private static readonly HashSet<string> Common = ["pretty", "human", "error_trace", "source", "filter_path"];

    public IReadOnlyList<Api> Apis { get; }

    private RestApiSpec(IReadOnlyList<Api> apis) => Apis = apis;

    public static RestApiSpec Load()
    {
        var apis = new List<Api>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TestData("es", "rest-api-spec"), "*.json"))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var (name, spec) = root.Single();
            var url = spec!["url"]!.AsObject();
            var paths = new List<(string, IReadOnlyList<string>)>();
            var parameters = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var p in url["paths"]!.AsArray())
            {
                if (p is JsonObject po) paths.Add((po["path"]!.GetValue<string>(), po["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToList()));
                else paths.Add((p!.GetValue<string>(), spec["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToList()));
            }
            foreach (var source in new[] { spec["params"], url["params"] })
            {
                if (source is JsonObject ps) foreach (var (k, v) in ps) parameters[k] = v!.AsObject();
            }
            var body = spec["body"] as JsonObject;
            var types = spec["headers"]?["content_type"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            apis.Add(new Api(name, paths, parameters, body?["required"]?.GetValue<bool>() == true, body is not null, types));
        }
        return new RestApiSpec(apis);
    }

    private static bool PathMatches(string template, string path)
    {
        var t = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var p = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (t.Length != p.Length) return false;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i].StartsWith('{')) { if (p[i].Length == 0 || p[i].StartsWith('_')) return false; }
            else if (t[i] != p[i]) return false;
        }
        return true;
    }

    /// <summary>Why the request breaks the spec (empty when it does not), and which API it was taken for.</summary>
    public (string? Api, List<string> Problems) Check(RecordedRequest r)
    {
        var candidates = Apis.SelectMany(a => a.Paths.Where(p => PathMatches(p.Template, r.Path) && p.Methods.Contains(r.Method.Method)).Select(_ => a)).Distinct().ToList();
        if (candidates.Count == 0) return (null, [$"{r.Method} {r.Path}: no API of the spec has this path and method"]);
        // A literal path segment beats a placeholder: "/_pit" is close_point_in_time, not an index named _pit.
        List<string>? best = null;
        string? name = null;
        foreach (var api in candidates)
        {
            var problems = new List<string>();
            foreach (var (k, v) in r.Query)
            {
                if (Common.Contains(k)) continue;
                if (!api.Params.TryGetValue(k, out var p)) { problems.Add($"{api.Name}: unknown parameter {k}"); continue; }
                if (p["type"]?.GetValue<string>() == "enum" && p["options"] is JsonArray options && !options.Any(o => o?.ToJsonString().Trim('"') == v))
                    problems.Add($"{api.Name}: {k}={v} is not one of {options.ToJsonString()}");
                if (p["type"]?.GetValue<string>() == "boolean" && v is not ("true" or "false")) problems.Add($"{api.Name}: {k}={v} is not a boolean");
            }
            foreach (var (k, p) in api.Params)
            {
                if (p["required"]?.GetValue<bool>() == true && !r.Query.ContainsKey(k)) problems.Add($"{api.Name}: required parameter {k} missing");
            }
            if (api.BodyRequired && r.Body is not { Length: > 0 }) problems.Add($"{api.Name}: a body is required");
            if (!api.HasBody && r.Body is { Length: > 0 }) problems.Add($"{api.Name}: takes no body");
            if (r.Body is { Length: > 0 } && api.ContentTypes.Count > 0 && !api.ContentTypes.Contains(r.ContentType ?? ""))
                problems.Add($"{api.Name}: content type {r.ContentType}, spec says {string.Join(" or ", api.ContentTypes)}");
            if (r.Body is { Length: > 0 }) problems.AddRange(BodyProblems(api, r));
            if (best is null || problems.Count < best.Count) { best = problems; name = api.Name; }
        }
        return (name, best!);
    }

    /// <summary>JSON bodies parse; bulk bodies are NDJSON: every line JSON, actions followed by a source unless delete, a final newline.</summary>
    private static IEnumerable<string> BodyProblems(Api api, RecordedRequest r)
    {
        var text = r.Text;
        if (api.Name != "bulk")
        {
            string? error = null;
            try { using var _ = JsonDocument.Parse(text); }
            catch (JsonException e) { error = $"{api.Name}: body is not JSON: {e.Message}"; }
            if (error is not null) yield return error;
            yield break;
        }
        if (!text.EndsWith('\n')) yield return "bulk: body does not end with a newline";
        var lines = text.TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            JsonNode? action = null;
            string? error = null;
            try { action = JsonNode.Parse(lines[i]); }
            catch (JsonException e) { error = $"bulk line {i + 1} is not JSON: {e.Message}"; }
            if (error is not null) { yield return error; yield break; }
            if (action is not JsonObject { Count: 1 } a || a.First().Key is not ("index" or "create" or "update" or "delete"))
            {
                yield return $"bulk line {i + 1} is not an action: {lines[i]}";
                yield break;
            }
            var verb = a.First().Key;
            if (a.First().Value?["_id"] is null || a.First().Value?["_index"] is null) yield return $"bulk line {i + 1}: action without _index/_id";
            if (verb == "delete") continue;
            i++;
            if (i >= lines.Length) { yield return $"bulk: {verb} action at the end has no source line"; yield break; }
            string? bad = null;
            try { if (JsonNode.Parse(lines[i]) is not JsonObject) bad = $"bulk line {i + 1}: source is not an object"; }
            catch (JsonException e) { bad = $"bulk line {i + 1} is not JSON: {e.Message}"; }
            if (bad is not null) yield return bad;
        }
    }
}
