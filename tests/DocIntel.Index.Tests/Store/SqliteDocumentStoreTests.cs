using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Store;

/// <summary>The store contract against the embedded SQLite store, in a temporary file.</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"docintel-test-{Guid.NewGuid():N}.db");

    protected override async Task<IDocumentStore> OpenEmptyStoreAsync()
    {
        var store = new SqliteDocumentStore(_path);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task DataSurvivesReopeningTheFile()
    {
        var doc = Document("ỦY BAN NHÂN DÂN\nXÃ SONG VÂN\nSố: 04/BC-UBND\nthực hiện Nghị định số 59/2023/NĐ-CP", new string('d', 64));
        await Store.StoreAsync(new FileRecord(doc.Source.Sha256, doc.Source.Path, 1), [doc], CancellationToken.None);
        await Store.DisposeAsync();
        await using var reopened = new SqliteDocumentStore(_path);
        await reopened.InitializeAsync(CancellationToken.None);
        Assert.Equal(1, (await reopened.CountAsync(CancellationToken.None)).Documents);
    }
}
