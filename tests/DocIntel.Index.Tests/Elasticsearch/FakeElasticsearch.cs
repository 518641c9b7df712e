using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// An in-memory stand-in for the subset of Elasticsearch the store's write path and sweep use: info, index templates,
/// aliases, index creation, bulk (index/delete/update by _id, with per-item answers), multi-get, refresh, count,
/// delete by query, and searches made of term/terms/prefix/range/bool/match_all with keyword sorts.
/// It has no analyzers and no scoring: full-text queries answer 400, so it cannot stand in for the contract suite.
/// It exists for the fault tests: it records what "Elasticsearch" received, and a test can make single items fail.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _indices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _itemAttempts = new(StringComparer.Ordinal);

    public string Version { get; init; } = "8.15.0";

    /// <summary>Answers an item with this status (and error type) instead of applying it: (index alias, id, attempt) → status or null.</summary>
    public Func<string, string, int, (int Status, string Type)?>? ItemFault { get; set; }

    /// <summary>Every applied index operation (index name, id): a rerun that re-sends is visible here, the stored set is not.</summary>
    public ConcurrentQueue<(string Index, string Id)> Applied { get; } = new();

    public IReadOnlyDictionary<string, JsonObject> Docs(string alias)
    {
        lock (_lock) return _indices.TryGetValue(Resolve(alias), out var d) ? new Dictionary<string, JsonObject>(d, StringComparer.Ordinal) : new Dictionary<string, JsonObject>();
    }

    private string Resolve(string name) => _aliases.TryGetValue(name, out var index) ? index : name;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath.TrimStart('/');
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        lock (_lock)
        {
            try
            {
                return Handle(request.Method, Uri.UnescapeDataString(path), query, body);
            }
            catch (FakeError e)
            {
                return Json(e.Status, new JsonObject { ["error"] = new JsonObject { ["type"] = e.Type, ["reason"] = e.Message }, ["status"] = (int)e.Status });
            }
        }
    }

    private sealed class FakeError(HttpStatusCode status, string type, string message) : Exception(message)
    {
        public HttpStatusCode Status { get; } = status;
        public string Type { get; } = type;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode node) =>
        new(status) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };

    private HttpResponseMessage Handle(HttpMethod method, string path, System.Collections.Specialized.NameValueCollection query, byte[]? body)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var json = body is { Length: > 0 } && !path.EndsWith("_bulk", StringComparison.Ordinal) ? JsonNode.Parse(body) : null;
        switch (segments)
        {
            case []:
                return Json(HttpStatusCode.OK, new JsonObject { ["name"] = "fake", ["cluster_name"] = "fake", ["version"] = new JsonObject { ["number"] = Version }, ["tagline"] = "You Know, for Search" });
            case ["_index_template", var name] when method == HttpMethod.Put:
                _templates[name] = json!;
                return Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true });
            case ["_cluster", "health"]:
                return Json(HttpStatusCode.OK, new JsonObject { ["cluster_name"] = "fake", ["status"] = "green", ["number_of_nodes"] = 1, ["active_shards"] = _indices.Count, ["unassigned_shards"] = 0 });
            case ["_index_template", var name] when method == HttpMethod.Get:
                if (!_templates.TryGetValue(name, out var template)) throw new FakeError(HttpStatusCode.NotFound, "resource_not_found_exception", $"index template matching [{name}] not found");
                return Json(HttpStatusCode.OK, new JsonObject { ["index_templates"] = new JsonArray(new JsonObject { ["name"] = name, ["index_template"] = template.DeepClone() }) });
            case ["_reindex"]:
            {
                var from = Resolve(json!["source"]!["index"]!.GetValue<string>());
                var to = json["dest"]!["index"]!.GetValue<string>();
                if (!_indices.TryGetValue(to, out var dest)) throw new FakeError(HttpStatusCode.NotFound, "index_not_found_exception", $"no such index [{to}]");
                foreach (var (id, source) in _indices[from]) dest[id] = (JsonObject)source.DeepClone();
                return Json(HttpStatusCode.OK, new JsonObject { ["took"] = 5, ["timed_out"] = false, ["total"] = _indices[from].Count, ["created"] = _indices[from].Count, ["failures"] = new JsonArray() });
            }
            case ["_aliases"]:
                foreach (var action in json!["actions"]!.AsArray())
                {
                    var (verb, spec) = action!.AsObject().Single();
                    var alias = spec!["alias"]!.GetValue<string>();
                    if (verb == "remove") _aliases.Remove(alias);
                    else _aliases[alias] = spec["index"]!.GetValue<string>();
                }
                return Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true });
            case ["_alias", var alias]:
                if (!_aliases.TryGetValue(alias, out var target)) throw new FakeError(HttpStatusCode.NotFound, "aliases_not_found_exception", $"alias [{alias}] missing");
                return Json(HttpStatusCode.OK, new JsonObject { [target] = new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } } });
            case ["_bulk"]:
                return Bulk(body!);
            case ["_pit"] when method == HttpMethod.Delete:
                return Json(HttpStatusCode.OK, new JsonObject { ["succeeded"] = true, ["num_freed"] = 1 });
            case [var index] when method == HttpMethod.Put:
                if (_indices.ContainsKey(index)) throw new FakeError(HttpStatusCode.BadRequest, "resource_already_exists_exception", $"index [{index}] already exists");
                _indices[index] = new(StringComparer.Ordinal);
                if (json?["aliases"] is JsonObject aliases) foreach (var (a, _) in aliases) _aliases[a] = index;
                return Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true, ["index"] = index });
            case [var targets, "_refresh"]:
                return Json(HttpStatusCode.OK, new JsonObject { ["_shards"] = new JsonObject { ["failed"] = 0 } });
            case [var index, "_mget"]:
                return Mget(index, json!);
            case [var targets, "_count"]:
                return Json(HttpStatusCode.OK, new JsonObject { ["count"] = Select(targets, json?["query"]).Count() });
            case [var targets, "_delete_by_query"]:
                var victims = Select(targets, json!["query"]).ToList();
                foreach (var (idx, id, _) in victims) _indices[idx].Remove(id);
                return Json(HttpStatusCode.OK, new JsonObject { ["deleted"] = victims.Count, ["failures"] = new JsonArray() });
            case [var targets, "_search"]:
                return Search(targets, json!);
            case [var targets, "_pit"]:
                return Json(HttpStatusCode.OK, new JsonObject { ["id"] = "pit:" + targets });
            case ["_search"]:
                var pit = json!["pit"]!["id"]!.GetValue<string>();
                return Search(pit["pit:".Length..], json);
        }
        throw new FakeError(HttpStatusCode.BadRequest, "illegal_argument_exception", $"the fake does not serve {method} /{path}");
    }

    private IEnumerable<(string Index, string Id, JsonObject Source)> Select(string targets, JsonNode? query)
    {
        foreach (var t in targets.Split(','))
        {
            var index = Resolve(t);
            if (!_indices.TryGetValue(index, out var docs)) throw new FakeError(HttpStatusCode.NotFound, "index_not_found_exception", $"no such index [{t}]");
            foreach (var (id, source) in docs)
            {
                if (query is null || Matches(query, source)) yield return (index, id, source);
            }
        }
    }

    private static JsonNode? Field(JsonObject source, string dotted)
    {
        JsonNode? node = source;
        foreach (var part in dotted.Split('.')) node = node is JsonObject o && o.TryGetPropertyValue(part, out var v) ? v : null;
        return node;
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray a => a.SelectMany(Values),
        JsonValue v => [v.ToJsonString().Trim('"')],
        _ => [],
    };

    private static string Scalar(JsonNode? v) => v is JsonValue value ? value.ToJsonString().Trim('"') : throw new FakeError(HttpStatusCode.BadRequest, "parsing_exception", "scalar expected");

    private static bool Matches(JsonNode query, JsonObject source)
    {
        var (kind, spec) = query.AsObject().Single();
        switch (kind)
        {
            case "match_all": return true;
            case "match_none": return false;
            case "term":
            {
                var (field, value) = spec!.AsObject().Single();
                var want = value is JsonObject o ? Scalar(o["value"]) : Scalar(value);
                return Values(Field(source, field)).Contains(want);
            }
            case "terms":
            {
                var (field, values) = spec!.AsObject().Single();
                var set = values!.AsArray().Select(Scalar).ToHashSet();
                return Values(Field(source, field)).Any(set.Contains);
            }
            case "prefix":
            {
                var (field, value) = spec!.AsObject().Single();
                var want = value is JsonObject o ? Scalar(o["value"]) : Scalar(value);
                return Values(Field(source, field)).Any(v => v.StartsWith(want, StringComparison.Ordinal));
            }
            case "range":
            {
                var (field, r) = spec!.AsObject().Single();
                return Values(Field(source, field)).Any(v =>
                    (r!["gte"] is not { } gte || string.CompareOrdinal(v, Scalar(gte)) >= 0) && (r["lte"] is not { } lte || string.CompareOrdinal(v, Scalar(lte)) <= 0));
            }
            case "bool":
            {
                var b = spec!.AsObject();
                IEnumerable<JsonNode> Clauses(string name) => b[name] is JsonArray a ? a.Select(x => x!) : b[name] is { } single ? [single] : [];
                return Clauses("must").Concat(Clauses("filter")).All(c => Matches(c, source)) && !Clauses("must_not").Any(c => Matches(c, source));
            }
            default:
                throw new FakeError(HttpStatusCode.BadRequest, "parsing_exception", $"the fake has no analyzers and does not run [{kind}] queries");
        }
    }

    private HttpResponseMessage Search(string targets, JsonNode body)
    {
        if (body["aggs"] is not null) throw new FakeError(HttpStatusCode.BadRequest, "parsing_exception", "the fake does not aggregate");
        var hits = Select(targets, body["query"]).ToList();
        if (body["sort"] is JsonArray sort)
        {
            IOrderedEnumerable<(string Index, string Id, JsonObject Source)>? ordered = null;
            foreach (var key in sort)
            {
                var (field, spec) = key!.AsObject().Single();
                var desc = spec?["order"]?.GetValue<string>() == "desc";
                Func<(string, string, JsonObject Source), string> by = h => Values(Field(h.Source, field)).FirstOrDefault() ?? "";
                ordered = ordered is null
                    ? desc ? hits.OrderByDescending(by, StringComparer.Ordinal) : hits.OrderBy(by, StringComparer.Ordinal)
                    : desc ? ordered.ThenByDescending(by, StringComparer.Ordinal) : ordered.ThenBy(by, StringComparer.Ordinal);
            }
            hits = ordered!.ThenBy(h => h.Id, StringComparer.Ordinal).ToList();
        }
        var skip = 0;
        if (body["search_after"] is JsonArray after)
        {
            var lastId = after[^1]!.GetValue<string>();
            skip = hits.FindIndex(h => h.Id == lastId) + 1;
        }
        var size = body["size"]?.GetValue<int>() ?? 10;
        var from = body["from"]?.GetValue<int>() ?? 0;
        var page = hits.Skip(skip + from).Take(size).Select(h => (JsonNode)new JsonObject
        {
            ["_index"] = h.Index, ["_id"] = h.Id, ["_score"] = null, ["_source"] = h.Source.DeepClone(),
            ["sort"] = new JsonArray("x", h.Id),
        }).ToList();
        var answer = new JsonObject { ["took"] = 1, ["timed_out"] = false, ["hits"] = new JsonObject { ["hits"] = new JsonArray([.. page]) } };
        if (body["pit"] is not null) answer["pit_id"] = body["pit"]!["id"]!.DeepClone();
        return Json(HttpStatusCode.OK, answer);
    }

    private HttpResponseMessage Mget(string alias, JsonNode body)
    {
        var index = Resolve(alias);
        if (!_indices.TryGetValue(index, out var docs)) throw new FakeError(HttpStatusCode.NotFound, "index_not_found_exception", $"no such index [{alias}]");
        var result = new JsonArray();
        foreach (var idNode in body["ids"]!.AsArray())
        {
            var id = idNode!.GetValue<string>();
            result.Add(docs.TryGetValue(id, out var s)
                ? new JsonObject { ["_index"] = index, ["_id"] = id, ["found"] = true, ["_source"] = s.DeepClone() }
                : new JsonObject { ["_index"] = index, ["_id"] = id, ["found"] = false });
        }
        return Json(HttpStatusCode.OK, new JsonObject { ["docs"] = result });
    }

    private HttpResponseMessage Bulk(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (!text.EndsWith('\n')) throw new FakeError(HttpStatusCode.BadRequest, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]");
        var lines = text[..^1].Split('\n');
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject();
            var (verb, meta) = action.Single();
            var alias = meta!["_index"]!.GetValue<string>();
            var id = meta["_id"]!.GetValue<string>();
            var index = Resolve(alias);
            JsonObject? source = verb == "delete" ? null : JsonNode.Parse(lines[++i])!.AsObject();
            var attempt = _itemAttempts.AddOrUpdate(alias + "\n" + id, 1, (_, n) => n + 1);
            JsonObject item;
            if (ItemFault?.Invoke(alias, id, attempt) is { } fault)
            {
                errors = true;
                item = new JsonObject { ["_index"] = index, ["_id"] = id, ["status"] = fault.Status, ["error"] = new JsonObject { ["type"] = fault.Type, ["reason"] = $"injected {fault.Type} for [{id}]" } };
            }
            else if (!_indices.TryGetValue(index, out var docs))
            {
                errors = true;
                item = new JsonObject { ["_index"] = alias, ["_id"] = id, ["status"] = 404, ["error"] = new JsonObject { ["type"] = "index_not_found_exception", ["reason"] = $"no such index [{alias}]" } };
            }
            else if (verb == "delete")
            {
                var found = docs.Remove(id);
                item = new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = found ? "deleted" : "not_found", ["status"] = found ? 200 : 404 };
            }
            else if (verb == "update")
            {
                if (!docs.TryGetValue(id, out var existing))
                {
                    errors = true;
                    item = new JsonObject { ["_index"] = index, ["_id"] = id, ["status"] = 404, ["error"] = new JsonObject { ["type"] = "document_missing_exception", ["reason"] = $"[{id}]: document missing" } };
                }
                else
                {
                    foreach (var (k, v) in source!["doc"]!.AsObject()) existing[k] = v?.DeepClone();
                    item = new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = "updated", ["status"] = 200 };
                }
            }
            else
            {
                var created = !docs.ContainsKey(id);
                docs[id] = source!;
                Applied.Enqueue((alias, id));
                item = new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = created ? "created" : "updated", ["status"] = created ? 201 : 200 };
            }
            items.Add(new JsonObject { [verb] = item });
        }
        return Json(HttpStatusCode.OK, new JsonObject { ["took"] = 3, ["errors"] = errors, ["items"] = items });
    }
}
