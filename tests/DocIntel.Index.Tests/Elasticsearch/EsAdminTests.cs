using DocIntel.Index.Elasticsearch;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>`docintel es check` and `es reindex` against the fake: what they report, that the alias moves, and that every request they send matches the spec.</summary>
public sealed class EsAdminTests
{
    [Fact]
    public async Task CheckReportsVersionHealthTemplatesAndIndices()
    {
        var fake = new FakeElasticsearch { Version = "9.1.5" };
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), fake);
        await store.InitializeAsync(CancellationToken.None);
        var report = await new EsAdmin(store).CheckAsync(CancellationToken.None);
        Assert.Equal("9.1.5", report.Version);
        Assert.Equal("green", report.Health);
        Assert.Equal(["docintel-documents-v1", "docintel-citations-v1", "docintel-files-v1", "docintel-paths-v1"], report.Indices.Select(i => i.Index));
        Assert.All(report.Indices, i => Assert.Equal(EsIndexDesign.SchemaVersion, i.TemplateVersion));
    }

    [Fact]
    public async Task ReindexBuildsTheNextGenerationAndSwapsEachAliasKeepingEveryDocument()
    {
        var fake = new FakeElasticsearch();
        var recorder = new RecordingHandler(fake);
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), recorder);
        await store.InitializeAsync(CancellationToken.None);
        await EsTestArchive.LoadAsync(store, EsTestArchive.Files(6), batch: 3, CancellationToken.None);
        var before = fake.Docs("docintel-documents").Keys.Order(StringComparer.Ordinal).ToList();
        var steps = await new EsAdmin(store).ReindexAsync(null, CancellationToken.None);
        Assert.Equal(4, steps.Count);
        Assert.All(steps, s => Assert.Equal((s.From[..^3] + "-v1", s.From[..^3] + "-v2"), (s.From, s.To)));
        Assert.Equal(before, fake.Docs("docintel-documents").Keys.Order(StringComparer.Ordinal));
        Assert.Equal("docintel-documents-v2", await new EsAdmin(store).CurrentIndexAsync(EsIndexKind.Documents, CancellationToken.None));
        // Writes after the swap go to the new generation.
        await EsTestArchive.LoadAsync(store, EsTestArchive.Files(8), batch: 3, CancellationToken.None);
        Assert.Equal(8, fake.Docs("docintel-documents").Count);
        Assert.Equal(6, fake.Docs("docintel-documents-v1").Count);
        // The swap is one _aliases call per alias, removing and adding together.
        var swaps = recorder.Requests.Where(r => r.Path == "/_aliases").ToList();
        Assert.Equal(4, swaps.Count);
        Assert.All(swaps, r => Assert.Contains("\"remove\"", r.Text, StringComparison.Ordinal));
        var spec = RestApiSpec.Load();
        Assert.Empty(recorder.Requests.SelectMany(r => spec.Check(r).Problems));
        Assert.Contains(recorder.Requests, r => spec.Check(r).Api == "reindex");
    }
}
