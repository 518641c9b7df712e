using DocIntel.Extract.Citations;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

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

    private static readonly string[] Reports =
    [
        "ỦY BAN NHÂN DÂN\nXÃ TÂN THẠNH\nSố: 21/BC-UBND\nBáo cáo thực hiện dân chủ ở cơ sở theo Nghị định số 59/2023/NĐ-CP",
        "ỦY BAN NHÂN DÂN\nXÃ SONG VÂN\nSố: 22/BC-UBND\nBáo cáo về dân chủ, dân chủ và dân chủ trong xây dựng hương ước theo Nghị định số 61/2023/NĐ-CP",
        "ỦY BAN NHÂN DÂN\nXÃ BÌNH CHƯƠNG\nSố: 23/BC-UBND\nBáo cáo giám sát dân chủ ở cơ sở, Nghị định số 59/2023/NĐ-CP và Nghị định số 61/2023/NĐ-CP",
    ];

    private async Task StoreReportsAsync(IDocumentStore store)
    {
        for (var i = 0; i < Reports.Length; i++)
        {
            var doc = Document(Reports[i], new string((char)('a' + i), 64));
            await store.StoreAsync(new FileRecord(doc.Source.Sha256, doc.Source.Path, 1), [doc], CancellationToken.None);
        }
    }

    [Fact]
    public async Task RankingPutsTheDocumentThatRepeatsTheWordsFirst()
    {
        await StoreReportsAsync(Store);
        var hits = await Store.SearchAsync(new SearchQuery("dân chủ"), CancellationToken.None);
        Assert.Equal(3, hits.Count);
        Assert.Equal("22/BC-UBND", hits[0].Document.Number);
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public async Task ACommonQueryRanksTheNewestCandidatesOnly()
    {
        await StoreReportsAsync(Store);
        await using var capped = new SqliteDocumentStore(_path, new SqliteStoreOptions { RankedCandidates = 2 });
        await capped.InitializeAsync(CancellationToken.None);
        var hits = await capped.SearchAsync(new SearchQuery("dan chu"), CancellationToken.None);
        // The two rows stored last are the candidates; 21/BC-UBND (stored first) is beyond the cap.
        Assert.Equal(["22/BC-UBND", "23/BC-UBND"], hits.Select(h => h.Document.Number!).Order(StringComparer.Ordinal));
    }

    private static async Task<long> CommunesMatchingAsync(IDocumentStore store, string words) =>
        (await store.CountMatchesAsync(new MatchFacetQuery(new SearchQuery(words) { Level = "commune" }, [DocumentField.Province]), CancellationToken.None)).Total;

    [Fact]
    public async Task FacetsFollowNewFilesReplacedFilesAndWritesOfAnotherProcess()
    {
        await StoreReportsAsync(Store);
        Assert.Equal(1, await CommunesMatchingAsync(Store, "huong uoc"));
        // Another store object on the same file (another process: an ingest while the API serves) adds a report.
        await using (IDocumentStore other = new SqliteDocumentStore(_path))
        {
            await other.InitializeAsync(CancellationToken.None);
            var more = Document("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 30/BC-UBND\nBáo cáo xây dựng hương ước, quy ước", new string('e', 64));
            await other.StoreAsync(new FileRecord(more.Source.Sha256, "/archive/x.txt", 1), [more], CancellationToken.None);
        }
        Assert.Equal(2, await CommunesMatchingAsync(Store, "huong uoc"));
        // The same path with new bytes: the old report goes at the sweep, and its row id may be given to a new document.
        var changed = Document("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 31/BC-UBND\nBáo cáo tiếp công dân", new string('f', 64));
        await Store.StoreAsync(new FileRecord(changed.Source.Sha256, "/archive/x.txt", 1), [changed], CancellationToken.None);
        await Store.SweepAsync(CancellationToken.None);
        Assert.Equal(1, await CommunesMatchingAsync(Store, "huong uoc"));
        Assert.Equal(1, await CommunesMatchingAsync(Store, "tiep cong dan"));
    }

    [Fact]
    public async Task ARepeatedQueryIsAnsweredFromTheCacheUntilTheNextWrite()
    {
        await StoreReportsAsync(Store);
        var query = new SearchQuery("dan chu") { Level = "commune" };
        var first = await Store.SearchAsync(query, CancellationToken.None);
        Assert.Same(first, await Store.SearchAsync(query with { }, CancellationToken.None));
        var cited = CitationQuery.Parse("Nghị định 61/2023");
        var citing = await Store.FindCitingAsync(cited, CancellationToken.None);
        Assert.Same(citing, await Store.FindCitingAsync(cited, CancellationToken.None));

        var more = Document("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 30/BC-UBND\nBáo cáo dân chủ ở cơ sở theo Nghị định số 61/2023/NĐ-CP", new string('e', 64));
        await Store.StoreAsync(new FileRecord(more.Source.Sha256, "/archive/x.txt", 1), [more], CancellationToken.None);
        Assert.Equal(first.Count + 1, (await Store.SearchAsync(query, CancellationToken.None)).Count);
        Assert.Equal(citing.Count + 1, (await Store.FindCitingAsync(cited, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WithTheCacheOffEveryQueryIsComputedAgain()
    {
        await StoreReportsAsync(Store);
        await using IDocumentStore uncached = new SqliteDocumentStore(_path, new SqliteStoreOptions { CachedAnswers = 0 });
        await uncached.InitializeAsync(CancellationToken.None);
        var query = new SearchQuery("dan chu");
        var first = await uncached.SearchAsync(query, CancellationToken.None);
        var second = await uncached.SearchAsync(query, CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal(first.Select(h => h.Document.Id), second.Select(h => h.Document.Id));
    }

    [Fact]
    public async Task ASchema2StoreIsMigratedInPlace()
    {
        await StoreReportsAsync(Store);
        await Store.DisposeAsync();
        // Take the file back to schema 2: citation edges without the citing document's fields, an FTS index of one column.
        await using (var c = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DROP INDEX citations_cited; DROP INDEX citations_label; DROP INDEX citations_by_number; DROP INDEX documents_facets;
                ALTER TABLE citations DROP COLUMN level; ALTER TABLE citations DROP COLUMN province; ALTER TABLE citations DROP COLUMN province_key;
                ALTER TABLE citations DROP COLUMN issuer_name; ALTER TABLE citations DROP COLUMN commune; ALTER TABLE citations DROP COLUMN issued_date;
                CREATE INDEX citations_key ON citations(base_key, relation); CREATE INDEX citations_num ON citations(num, year);
                CREATE INDEX documents_date ON documents(issued_date);
                DROP TABLE documents_fts_vocab; DROP TABLE documents_fts;
                CREATE VIRTUAL TABLE documents_fts USING fts5(folded, content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 2");
                PRAGMA user_version = 2;
                """;
            await cmd.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        await using var migrated = new SqliteDocumentStore(_path);
        await migrated.InitializeAsync(CancellationToken.None);
        Assert.Equal(3, (await migrated.SearchAsync(new SearchQuery("dan chu") { Level = "commune" }, CancellationToken.None)).Count);
        Assert.Equal(2, (await migrated.FindCitingAsync(CitationQuery.Parse("59/2023/NĐ-CP"), new CitingFilter { Level = "commune" }, CancellationToken.None)).Count);
        var byCommune = await migrated.CountCitationsAsync(new CitationFacetQuery([CitationField.Commune]) { Cited = CitationQuery.Parse("61/2023/NĐ-CP") }, CancellationToken.None);
        Assert.Equal(2, byCommune.Sum(f => f.Count));
    }

    [Theory]
    [InlineData("Thực hiện dân chủ ở cơ sở", "dan chu", 7, new[] { 1, 1 })]
    [InlineData("Dân chủ, DÂN CHỦ và dân-chủ", "dan chu", 7, new[] { 3, 3 })]
    [InlineData("Đảng ủy xã; đang họp", "dang", 5, new[] { 2 })]
    [InlineData("Nghị định số 59/2023/NĐ-CP", "nd cp 2023", 7, new[] { 1, 1, 1 })]
    [InlineData("dânchủ", "dan", 1, new[] { 0 })]
    public void TermsCountAsWholeFoldedTokens(string text, string query, int tokens, int[] expected)
    {
        var terms = query.Split(' ');
        var tf = new int[terms.Length];
        Assert.Equal(tokens, Bm25.Count(text, terms, tf));
        Assert.Equal(expected, tf);
    }
}
