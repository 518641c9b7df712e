#if DOCINTEL_ES
using System.Net.Http.Headers;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;
using DocIntel.Index.Tests.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// The store contract against a real Elasticsearch at DOCINTEL_ES_URL (credentials and TLS from the same environment
/// variables as the CLI). Each test gets its own index prefix and removes its indices and templates afterwards.
/// </summary>
public sealed class ElasticsearchDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly ElasticsearchOptions _options = EsConnection.FromEnvironment(Environment.GetEnvironmentVariable(EsConnection.UrlVariable)!) with
    {
        IndexPrefix = "docintel-test-" + Guid.NewGuid().ToString("N")[..12],
    };

    protected override async Task<IDocumentStore> OpenEmptyStoreAsync()
    {
        var store = new ElasticsearchDocumentStore(_options);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task TheClusterRunsVersion8Or9WithOurTemplates()
    {
        var report = await new EsAdmin((ElasticsearchDocumentStore)Store).CheckAsync(CancellationToken.None);
        Assert.Matches("^(8|9)\\.", report.Version);
        Assert.All(report.Indices, i => Assert.True(i.TemplateInstalled && i.Index is not null, i.Alias));
    }

    [Fact]
    public async Task ReindexSwapsTheAliasAndKeepsEveryDocument()
    {
        var doc = Document("ỦY BAN NHÂN DÂN\nXÃ SONG VÂN\nSố: 04/BC-UBND\nthực hiện Nghị định số 59/2023/NĐ-CP", new string('d', 64));
        await Store.StoreAsync(new FileRecord(doc.Source.Sha256, doc.Source.Path, 1), [doc], CancellationToken.None);
        var admin = new EsAdmin((ElasticsearchDocumentStore)Store);
        var steps = await admin.ReindexAsync(null, CancellationToken.None);
        Assert.All(steps, s => Assert.EndsWith("-v2", s.To, StringComparison.Ordinal));
        Assert.Equal(1, (await Store.CountAsync(CancellationToken.None)).Documents);
        Assert.Single(await Store.SearchAsync(new SearchQuery("nghi dinh"), CancellationToken.None));
    }

    /// <summary>Removes this test's indices (by name: wildcard deletes are refused by default) and templates.</summary>
    public void Dispose()
    {
        using var http = new HttpClient(EsConnection.CreateHandler(_options)) { BaseAddress = _options.Url };
        if (_options.ApiKey is { } key) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Contains(':', StringComparison.Ordinal) ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)) : key);
        else if (_options.Username is { } user) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + _options.Password)));
        var design = new EsIndexDesign(_options.IndexPrefix);
        var indices = string.Join(',', EsIndexDesign.Kinds.SelectMany(k => new[] { design.IndexName(k, 1), design.IndexName(k, 2) }));
        http.DeleteAsync(indices + "?ignore_unavailable=true").GetAwaiter().GetResult().Dispose();
        foreach (var kind in EsIndexDesign.Kinds) http.DeleteAsync("_index_template/" + design.Template(kind)).GetAwaiter().GetResult().Dispose();
    }
}
#else
namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>Stands for the contract suite against Elasticsearch, so that a run without a cluster shows it was skipped.</summary>
public sealed class ElasticsearchDocumentStoreTests
{
    [Fact(Skip = "DOCINTEL_ES_URL was not set when the tests were built: the store contract suite did not run against Elasticsearch (README: Scale out with Elasticsearch)")]
    public void StoreContractSuiteAgainstElasticsearch()
    {
        // Built only without DOCINTEL_ES_URL; with it, the 45 contract cases run instead.
    }
}
#endif
