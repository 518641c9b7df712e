using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// The ledger semantics the bulk loader relies on (paths, changed files, prune, failures), run against the in-memory
/// fake: they prove the store's own logic (what it sends and in which order), given the fake's get/search semantics.
/// The same cases run against a real cluster in the contract suite when DOCINTEL_ES_URL is set.
/// </summary>
public sealed class EsLedgerTests : IAsyncLifetime
{
    private readonly FakeElasticsearch _fake = new();
    private IDocumentStore _store = null!;
    private static readonly Lazy<IReadOnlyList<EsTestArchive.ArchiveFile>> Archive = new(() => EsTestArchive.Files(3));

    public async Task InitializeAsync()
    {
        _store = new ElasticsearchDocumentStore(EsTestArchive.Options(), _fake);
        await _store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static FileRecord File(int i, string path) => new(Archive.Value[i].Sha, path, 100);

    private IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> Docs => _fake.Docs("docintel-documents");

    [Fact]
    public async Task ForgottenPathsArePrunedWithTheirDocumentsAndCitations()
    {
        var a = Archive.Value;
        await _store.WriteAsync([new StoreFile(File(0, "/x/a.txt"), [a[0].Document]), new StoreFile(File(1, "/x/b.txt"), [a[1].Document])], CancellationToken.None);
        await _store.WriteAsync([new ForgetPath("/x/b.txt")], CancellationToken.None);
        Assert.Equal(1, await _store.SweepAsync(CancellationToken.None));
        Assert.Equal([a[0].Document.Id], Docs.Keys);
        Assert.DoesNotContain(_fake.Docs("docintel-citations").Values, c => c["sha256"]!.GetValue<string>() == a[1].Sha);
        Assert.Null(await _store.GetFileAsync(a[1].Sha, CancellationToken.None));
        Assert.Equal(0, await _store.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheNormalisedTextComesBackForTheDocumentPageEvidence()
    {
        var a = Archive.Value;
        await _store.StoreAsync(File(0, "/x/a.txt"), [a[0].Document], CancellationToken.None);
        Assert.Equal(a[0].Document.Text, await _store.GetTextAsync(a[0].Document.Id, CancellationToken.None));
        Assert.Null(await _store.GetTextAsync("no-such-document", CancellationToken.None));
    }

    [Fact]
    public async Task AChangedFileReplacesItsDocumentsAfterTheSweep()
    {
        var a = Archive.Value;
        await _store.StoreAsync(File(0, "/x/a.txt"), [a[0].Document], CancellationToken.None);
        await _store.StoreAsync(File(1, "/x/a.txt"), [a[1].Document], CancellationToken.None);
        Assert.Equal(1, await _store.SweepAsync(CancellationToken.None));
        Assert.Equal([a[1].Document.Id], Docs.Keys);
        var counts = await _store.CountAsync(CancellationToken.None);
        Assert.Equal((1, 1), (counts.Files, counts.Documents));
    }

    [Fact]
    public async Task ContentStillHeldByAnotherPathSurvivesAndItsDocumentsMoveThere()
    {
        var a = Archive.Value;
        await _store.WriteAsync([new StoreFile(File(0, "/x/a.txt"), [a[0].Document]), new SeenFile(File(0, "/y/a.txt"))], CancellationToken.None);
        await _store.StoreAsync(File(1, "/x/a.txt"), [a[1].Document], CancellationToken.None);
        Assert.Equal(0, await _store.SweepAsync(CancellationToken.None));
        var stored = await _store.GetDocumentAsync(a[0].Document.Id, CancellationToken.None);
        Assert.Equal(["/y/a.txt"], stored!.Paths);
        Assert.Equal("/y/a.txt", stored.Summary.Path);
        Assert.Equal("/y/a.txt", (await _store.GetFileAsync(a[0].Sha, CancellationToken.None))!.Path);
    }

    [Fact]
    public async Task AFailureNeverRemovesStoredContentAndIsRememberedWithItsReason()
    {
        var a = Archive.Value;
        await _store.StoreAsync(File(0, "/x/a.txt"), [a[0].Document], CancellationToken.None);
        await _store.RecordFailureAsync(File(0, "/elsewhere/a.txt"), "cannot read file: I/O error", CancellationToken.None);
        Assert.Equal(FileStatus.Done, (await _store.GetFileAsync(a[0].Sha, CancellationToken.None))!.Status);
        await _store.RecordFailureAsync(new FileRecord(new string('e', 64), "/x/hong.pdf", 10), "PDF is encrypted", CancellationToken.None);
        var failed = await _store.GetFileAsync(new string('e', 64), CancellationToken.None);
        Assert.Equal((FileStatus.Failed, "PDF is encrypted"), (failed!.Status, failed.Reason));
        Assert.Single(Docs);
    }

    [Fact]
    public async Task StoringTheSameContentAgainReplacesRatherThanAdds()
    {
        var a = Archive.Value;
        await _store.StoreAsync(File(2, "/x/c.txt"), [a[2].Document], CancellationToken.None);
        var citations = _fake.Docs("docintel-citations").Count;
        await _store.StoreAsync(File(2, "/x/c.txt"), [a[2].Document], CancellationToken.None);
        Assert.Single(Docs);
        Assert.Equal(citations, _fake.Docs("docintel-citations").Count);
        Assert.Equal(["/x/c.txt"], (await _store.ListPathsAsync("/x/", CancellationToken.None)).Select(p => p.Path));
    }

    [Fact]
    public async Task ABatchWithAnUnknownWriteSendsNothing()
    {
        var before = _fake.Applied.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync([new StoreFile(File(0, "/a.txt"), [Archive.Value[0].Document]), new Broken()], CancellationToken.None));
        Assert.Equal(before, _fake.Applied.Count);
        Assert.Empty(await _store.ListPathsAsync(null, CancellationToken.None));
    }

    private sealed record Broken() : LedgerWrite("/broken");
}
