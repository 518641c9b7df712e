using System.CommandLine;
using System.Globalization;
using DocIntel.Index.Elasticsearch;

namespace DocIntel.Cli.Commands;

/// <summary>`docintel es check` and `docintel es reindex`: the Elasticsearch store's health and its no-downtime rebuild.</summary>
internal static class EsCommand
{
    public static Command Create()
    {
        var check = new Command("check", "Cluster version and health, whether DocIntel's index templates are installed, and where each alias points");
        check.Options.Add(Url());
        check.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenAsync(pr, ct).ConfigureAwait(false);
            if (store is null) return 2;
            try
            {
                var r = await new EsAdmin(store).CheckAsync(ct).ConfigureAwait(false);
                Console.WriteLine($"cluster: {EsConnection.Describe(store.Options)} — {r.ClusterName}, Elasticsearch {r.Version}, health {r.Health}, {r.Nodes} node(s), {r.UnassignedShards} unassigned shard(s)");
                foreach (var i in r.Indices)
                {
                    var template = i.TemplateInstalled ? $"template v{i.TemplateVersion}{(i.TemplateVersion == EsIndexDesign.SchemaVersion ? "" : $" (this DocIntel writes v{EsIndexDesign.SchemaVersion}: run es reindex)")}" : "template MISSING";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i.Alias,-22} {template,-16} → {i.Index ?? "(no index)"}  {i.Documents?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} documents"));
                }
                var ok = r.Health != "red" && r.Indices.All(i => i.TemplateInstalled && i.Index is not null);
                Console.WriteLine(ok ? "ok" : "NOT READY");
                return ok ? 0 : 1;
            }
            catch (ElasticsearchException ex)
            {
                return await Output.FailAsync(ex.Message).ConfigureAwait(false);
            }
        });
        var reindex = new Command("reindex", "Build new versioned indices with the current templates, copy everything, and swap each alias atomically (readers never see a gap; do not ingest meanwhile)");
        reindex.Options.Add(Url());
        reindex.SetAction(async (pr, ct) =>
        {
            await using var store = await OpenAsync(pr, ct, TimeSpan.FromHours(2)).ConfigureAwait(false);
            if (store is null) return 2;
            try
            {
                var steps = await new EsAdmin(store).ReindexAsync(new Progress<string>(Console.WriteLine), ct).ConfigureAwait(false);
                Console.WriteLine($"reindexed {steps.Count} aliases; old indices kept: {string.Join(", ", steps.Select(s => s.From))}");
                return 0;
            }
            catch (ElasticsearchException ex)
            {
                return await Output.FailAsync(ex.Message).ConfigureAwait(false);
            }
        });
        return new Command("es", "Elasticsearch store: check the cluster, rebuild the indices") { check, reindex };
    }

    private static Option<string?> Url() => new(StoreSelection.EsUrlOption)
    {
        Description = "Elasticsearch URL (default: DOCINTEL_ES_URL); credentials from DOCINTEL_ES_API_KEY or DOCINTEL_ES_USER/DOCINTEL_ES_PASSWORD",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EsConnection.UrlVariable),
    };

    private static async Task<ElasticsearchDocumentStore?> OpenAsync(ParseResult pr, CancellationToken ct, TimeSpan? timeout = null)
    {
        var url = pr.GetValue<string?>(StoreSelection.EsUrlOption);
        if (timeout is null) return await AppServices.OpenElasticsearchAsync(url, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(url)) return await AppServices.OpenElasticsearchAsync(url, ct).ConfigureAwait(false);
        // The reindex call waits for the copy: one long request.
        var store = new ElasticsearchDocumentStore(EsConnection.FromEnvironment(url) with { RequestTimeout = timeout.Value, MaxRetries = 1 });
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch (ElasticsearchException ex)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync("docintel: " + ex.Message).ConfigureAwait(false);
            return null;
        }
    }
}
