using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocIntel.Index.Elasticsearch;

/// <summary>What <c>docintel es check</c> reports.</summary>
public sealed record EsClusterReport(string Version, string? ClusterName, string Health, int Nodes, int UnassignedShards, IReadOnlyList<EsIndexReport> Indices);

/// <summary>One kind of index: its template (installed, and at our schema?), the index its alias points to, how many documents.</summary>
public sealed record EsIndexReport(EsIndexKind Kind, string Alias, bool TemplateInstalled, int? TemplateVersion, string? Index, long? Documents);

/// <summary>One alias moved by a reindex.</summary>
public sealed record EsReindexStep(EsIndexKind Kind, string From, string To, long Documents);

/// <summary>Cluster checks and the reindex (new versioned index, alias swap) behind <c>docintel es</c>.</summary>
public sealed class EsAdmin(ElasticsearchDocumentStore store)
{
    private EsTransport T => store.Transport;

    private EsIndexDesign D => store.Design;

    public async Task<EsClusterReport> CheckAsync(CancellationToken ct)
    {
        var info = await T.RequestAsync(HttpMethod.Get, "", null, EsJson.Default.InfoResponse, ct).ConfigureAwait(false);
        var health = await T.RequestAsync(HttpMethod.Get, "_cluster/health", null, EsJson.Default.HealthResponse, ct).ConfigureAwait(false);
        var indices = new List<EsIndexReport>();
        foreach (var kind in EsIndexDesign.Kinds)
        {
            var t = await T.SendJsonAsync(HttpMethod.Get, "_index_template/" + D.Template(kind), null, ct).ConfigureAwait(false);
            int? version = null;
            if (t.IsSuccess)
            {
                using var doc = JsonDocument.Parse(t.Body);
                var list = doc.RootElement.GetProperty("index_templates");
                if (list.GetArrayLength() > 0 && list[0].GetProperty("index_template").TryGetProperty("version", out var v)) version = v.GetInt32();
            }
            else if (t.Status != HttpStatusCode.NotFound) EsTransport.EnsureSuccess(t, HttpMethod.Get, "_index_template/" + D.Template(kind));
            var index = await CurrentIndexAsync(kind, ct).ConfigureAwait(false);
            long? count = null;
            if (index is not null)
                count = (await T.RequestAsync(HttpMethod.Post, D.Alias(kind) + "/_count", null, EsJson.Default.CountResponse, ct).ConfigureAwait(false)).Count;
            indices.Add(new EsIndexReport(kind, D.Alias(kind), t.IsSuccess, version, index, count));
        }
        return new EsClusterReport(info.Version?.Number ?? "?", info.ClusterName, health.Status ?? "?", health.NumberOfNodes, health.UnassignedShards, indices);
    }

    /// <summary>The concrete index an alias points to; null when the alias is missing.</summary>
    public async Task<string?> CurrentIndexAsync(EsIndexKind kind, CancellationToken ct)
    {
        var r = await T.SendJsonAsync(HttpMethod.Get, "_alias/" + D.Alias(kind), null, ct).ConfigureAwait(false);
        if (r.Status == HttpStatusCode.NotFound) return null;
        EsTransport.EnsureSuccess(r, HttpMethod.Get, "_alias/" + D.Alias(kind));
        using var doc = JsonDocument.Parse(r.Body);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        // During a swap an alias never points at two indices (the swap is one atomic call); the write index wins anyway.
        return names.OrderByDescending(n => D.GenerationOf(kind, n) ?? 0).FirstOrDefault();
    }

    /// <summary>
    /// For each kind: installs the current template, creates <c>vN+1</c>, copies every document with the reindex API, and
    /// moves the alias in one atomic <c>_aliases</c> call, so readers see the old index until the new one is complete.
    /// The old index is kept (delete it once satisfied). Do not ingest while this runs: writes to the old index after the
    /// copy started would not reach the new one.
    /// </summary>
    public async Task<IReadOnlyList<EsReindexStep>> ReindexAsync(IProgress<string>? progress, CancellationToken ct)
    {
        var steps = new List<EsReindexStep>();
        foreach (var kind in EsIndexDesign.Kinds)
        {
            var from = await CurrentIndexAsync(kind, ct).ConfigureAwait(false)
                ?? throw new ElasticsearchException($"alias {D.Alias(kind)} does not exist: run `docintel es check` or an ingest first");
            var generation = (D.GenerationOf(kind, from) ?? 0) + 1;
            var to = D.IndexName(kind, generation);
            progress?.Report($"{D.Alias(kind)}: {from} → {to}");
            var put = await T.SendJsonAsync(HttpMethod.Put, "_index_template/" + D.Template(kind), EsQueryDsl.Bytes(D.TemplateBody(kind)), ct).ConfigureAwait(false);
            EsTransport.EnsureSuccess(put, HttpMethod.Put, "_index_template/" + D.Template(kind));
            await store.CreateIndexAsync(kind, generation, withAlias: false, ct).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["source"] = new JsonObject { ["index"] = from, ["size"] = 1000 },
                ["dest"] = new JsonObject { ["index"] = to, ["op_type"] = "index" },
            };
            var copy = await T.SendJsonAsync(HttpMethod.Post, "_reindex?wait_for_completion=true&refresh=true", EsQueryDsl.Bytes(body), ct).ConfigureAwait(false);
            EsTransport.EnsureSuccess(copy, HttpMethod.Post, "_reindex");
            using var result = JsonDocument.Parse(copy.Body);
            if (result.RootElement.TryGetProperty("failures", out var failures) && failures.GetArrayLength() > 0)
                throw new ElasticsearchException($"reindex {from} → {to} failed for {failures.GetArrayLength()} documents, e.g. {failures[0].GetRawText()}; the alias still points at {from}");
            var total = result.RootElement.TryGetProperty("total", out var tot) ? tot.GetInt64() : 0;
            var swap = new JsonObject
            {
                ["actions"] = new JsonArray(
                    new JsonObject { ["remove"] = new JsonObject { ["index"] = from, ["alias"] = D.Alias(kind) } },
                    new JsonObject { ["add"] = new JsonObject { ["index"] = to, ["alias"] = D.Alias(kind), ["is_write_index"] = true } }),
            };
            var swapped = await T.SendJsonAsync(HttpMethod.Post, "_aliases", EsQueryDsl.Bytes(swap), ct).ConfigureAwait(false);
            EsTransport.EnsureSuccess(swapped, HttpMethod.Post, "_aliases");
            steps.Add(new EsReindexStep(kind, from, to, total));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{D.Alias(kind)}: {total} documents copied; alias now on {to} ({from} kept)"));
        }
        return steps;
    }
}
