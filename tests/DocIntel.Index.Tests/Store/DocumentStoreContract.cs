using DocIntel.Extract.Citations;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Store;

/// <summary>
/// What every store must do, whatever its engine. A backend's test class derives from this and says how to open
/// an empty store; the same cases then run against it.
/// </summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);
    private IDocumentStore? _store;

    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("not initialised");

    protected abstract Task<IDocumentStore> OpenEmptyStoreAsync();

    public async Task InitializeAsync() => _store = await OpenEmptyStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    // Real snippets: a commune report citing two decrees, a provincial letter citing one, a Party letter.
    private const string CommuneReport = """
        ỦY BAN NHÂN DÂN
        XÃ TÂN THẠNH
        Số: 12/BC-UBND
        Tân Thạnh, ngày 10 tháng 5 năm 2024
        BÁO CÁO
        Kết quả thực hiện dân chủ ở cơ sở
        Tuyên truyền Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ và Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về hương ước.
        """;

    private const string ProvincialLetter = """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI BÌNH
        Số: 1140/UBND-NCKS
        Thái Bình, ngày 29 tháng 3 năm 2024
        V/v đẩy mạnh thực hiện dân chủ ở cơ sở
        Các sở, ban, ngành triển khai Nghị định số 59/2023/NĐ-CP của Chính phủ, phát huy vai trò của Đảng.
        """;

    private const string PartyLetter = """
        ĐẢNG BỘ HUYỆN BÌNH SƠN
        ĐẢNG ỦY XÃ BÌNH CHƯƠNG
        Số 585-CV/ĐU
        Bình Chương, ngày 06 tháng 8 năm 2024
        Tiếp tục thực hiện Kết luận số 120-KL/TW của Bộ Chính trị về quy chế dân chủ.
        """;

    protected static ExtractedDocument Document(string text, string sha)
    {
        var n = VietnameseNormalizer.Default.Normalize(text);
        var a = new DocumentExtractor(Reference.Value, ExtractionOptions.Default).Extract(n)[0];
        return new ExtractedDocument(new SourceInfo($"/archive/{sha[..4]}.txt", sha, a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), n.Text);
    }

    private static string Sha(char c) => new(c, 64);

    private async Task LoadAsync()
    {
        foreach (var (text, c) in new[] { (CommuneReport, 'a'), (ProvincialLetter, 'b'), (PartyLetter, 'c') })
        {
            var doc = Document(text, Sha(c));
            await Store.StoreAsync(new FileRecord(Sha(c), doc.Source.Path, text.Length), [doc], CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("dan chu", 3)]
    [InlineData("dân chủ", 3)]
    [InlineData("nghi dinh", 2)]
    [InlineData("dang", 2)]
    [InlineData("huong uoc", 1)]
    [InlineData("không có ở đâu", 0)]
    public async Task SearchIgnoresDiacriticsAndDStroke(string query, int hits)
    {
        await LoadAsync();
        var result = await Store.SearchAsync(new SearchQuery(query), CancellationToken.None);
        Assert.Equal(hits, result.Count);
    }

    [Fact]
    public async Task SearchFiltersByLevelTypeAndDate()
    {
        await LoadAsync();
        var communes = await Store.SearchAsync(new SearchQuery("dan chu") { Level = "commune" }, CancellationToken.None);
        Assert.All(communes, h => Assert.Equal("commune", h.Document.Level));
        Assert.Equal(2, communes.Count);
        var reports = await Store.SearchAsync(new SearchQuery("dan chu") { DocType = "bao_cao" }, CancellationToken.None);
        Assert.Equal("12/BC-UBND", Assert.Single(reports).Document.Number);
        var spring = await Store.SearchAsync(new SearchQuery("dan chu") { From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 5, 31) }, CancellationToken.None);
        Assert.Equal(2, spring.Count);
    }

    [Fact]
    public async Task SearchSnippetShowsTheOriginalWordsAroundTheMatch()
    {
        await LoadAsync();
        var hit = Assert.Single(await Store.SearchAsync(new SearchQuery("huong uoc"), CancellationToken.None));
        Assert.Contains("[hương ước]", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("59/2023/NĐ-CP", 2)]
    [InlineData("Nghị định 59/2023", 2)]
    [InlineData("nghi dinh 59/2023", 2)]
    [InlineData("NĐ 59/2023", 2)]
    [InlineData("Nghị định 61/2023", 1)]
    [InlineData("Kết luận 120", 1)]
    [InlineData("Nghị định 62/2023", 0)]
    public async Task FindsCitingDocumentsByAnySpelling(string spelling, int count)
    {
        await LoadAsync();
        var q = CitationQuery.Parse(spelling, Reference.Value.Registry);
        Assert.Equal(count, (await Store.FindCitingAsync(q, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CitingDocumentsCarryIssuerLevelAndProvince()
    {
        await LoadAsync();
        var citing = await Store.FindCitingAsync(CitationQuery.Parse("61/2023/NĐ-CP"), CancellationToken.None);
        var d = Assert.Single(citing).Document;
        Assert.Equal("Ủy ban nhân dân xã Tân Thạnh", d.IssuerName);
        Assert.Equal("commune", d.Level);
        Assert.Equal("12/BC-UBND", d.Number);
    }

    [Fact]
    public async Task StoringAFileAgainReplacesItsDocuments()
    {
        await LoadAsync();
        await LoadAsync();
        var counts = await Store.CountAsync(CancellationToken.None);
        Assert.Equal(3, counts.Documents);
        Assert.Equal(3, counts.Files);
        Assert.Equal(3, (await Store.SearchAsync(new SearchQuery("dan chu"), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TheLedgerRemembersDoneAndFailedFiles()
    {
        await LoadAsync();
        var done = await Store.GetFileAsync(Sha('a'), CancellationToken.None);
        Assert.Equal(FileStatus.Done, done?.Status);
        Assert.Equal(1, done?.Documents);
        await Store.RecordFailureAsync(new FileRecord(Sha('f'), "/archive/bad.pdf", 10), "PDF is encrypted", CancellationToken.None);
        var failed = await Store.GetFileAsync(Sha('f'), CancellationToken.None);
        Assert.Equal(FileStatus.Failed, failed?.Status);
        Assert.Equal("PDF is encrypted", failed?.Reason);
        Assert.Null(await Store.GetFileAsync(Sha('9'), CancellationToken.None));
    }

    // ---- ledger: batches, paths, changed files, prune -------------------------------------------------------------

    private static FileRecord File(char sha, string path) => new(Sha(sha), path, 100);

    [Fact]
    public async Task IdenticalContentIsStoredOnceAndEveryPathIsRemembered()
    {
        var doc = Document(CommuneReport, Sha('a'));
        await Store.WriteAsync([new StoreFile(File('a', "/archive/a.txt"), [doc]), new SeenFile(File('a', "/archive/copy/a.txt")), new SeenFile(File('a', "/b.zip!/x/a.txt"))], CancellationToken.None);
        Assert.Equal(1, (await Store.CountAsync(CancellationToken.None)).Documents);
        var stored = await Store.GetDocumentAsync(doc.Id, CancellationToken.None);
        Assert.Equal(["/archive/a.txt", "/archive/copy/a.txt", "/b.zip!/x/a.txt"], stored!.Paths);
        Assert.Equal(3, (await Store.ListPathsAsync(null, CancellationToken.None)).Count);
        Assert.Equal(["/archive/a.txt", "/archive/copy/a.txt"], (await Store.ListPathsAsync("/archive/", CancellationToken.None)).Select(p => p.Path));
    }

    [Fact]
    public async Task AChangedFileReplacesItsDocumentsAfterTheSweep()
    {
        await Store.StoreAsync(File('a', "/archive/x.txt"), [Document(CommuneReport, Sha('a'))], CancellationToken.None);
        // Same path, new bytes: the new content takes the path; the old content has no path left and goes.
        await Store.StoreAsync(File('b', "/archive/x.txt"), [Document(ProvincialLetter, Sha('b'))], CancellationToken.None);
        Assert.Equal(1, await Store.SweepAsync(CancellationToken.None));
        var counts = await Store.CountAsync(CancellationToken.None);
        Assert.Equal((1, 1), (counts.Files, counts.Documents));
        Assert.Null(await Store.GetFileAsync(Sha('a'), CancellationToken.None));
        Assert.Empty(await Store.FindCitingAsync(CitationQuery.Parse("61/2023/NĐ-CP"), CancellationToken.None));
        Assert.Empty(await Store.SearchAsync(new SearchQuery("huong uoc"), CancellationToken.None));
        Assert.Equal(0, await Store.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ContentStillHeldByAnotherPathSurvivesTheChange()
    {
        var doc = Document(CommuneReport, Sha('a'));
        await Store.WriteAsync([new StoreFile(File('a', "/archive/x.txt"), [doc]), new SeenFile(File('a', "/archive/y.txt"))], CancellationToken.None);
        await Store.StoreAsync(File('b', "/archive/x.txt"), [Document(ProvincialLetter, Sha('b'))], CancellationToken.None);
        Assert.Equal(0, await Store.SweepAsync(CancellationToken.None));
        var stored = await Store.GetDocumentAsync(doc.Id, CancellationToken.None);
        Assert.Equal(["/archive/y.txt"], stored!.Paths);
        Assert.Equal("/archive/y.txt", stored.Summary.Path);
    }

    [Fact]
    public async Task ForgottenPathsArePrunedWithTheirDocuments()
    {
        await LoadAsync();
        var gone = (await Store.ListPathsAsync(null, CancellationToken.None)).First(p => p.Sha256 == Sha('c'));
        await Store.WriteAsync([new ForgetPath(gone.Path)], CancellationToken.None);
        Assert.Equal(1, await Store.SweepAsync(CancellationToken.None));
        Assert.Equal(2, (await Store.CountAsync(CancellationToken.None)).Documents);
        Assert.Empty(await Store.FindCitingAsync(CitationQuery.Parse("Kết luận 120"), CancellationToken.None));
    }

    [Fact]
    public async Task AFailureNeverRemovesStoredContent()
    {
        await LoadAsync();
        await Store.RecordFailureAsync(File('a', "/elsewhere/a.txt"), "cannot read file: I/O error", CancellationToken.None);
        Assert.Equal(FileStatus.Done, (await Store.GetFileAsync(Sha('a'), CancellationToken.None))?.Status);
        Assert.Equal(3, (await Store.CountAsync(CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task ABatchIsAllOrNothing()
    {
        var good = new StoreFile(File('a', "/a.txt"), [Document(CommuneReport, Sha('a'))]);
        await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync([good, new BrokenWrite()], CancellationToken.None));
        Assert.Equal(0, (await Store.CountAsync(CancellationToken.None)).Documents);
        Assert.Empty(await Store.ListPathsAsync(null, CancellationToken.None));
    }

    private sealed record BrokenWrite() : LedgerWrite("/broken");

    // ---- search -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Thái Bình", null, 1)]
    [InlineData("thai binh", null, 1)]
    [InlineData("An Giang", null, 0)]
    [InlineData(null, "tan thanh", 1)]
    [InlineData(null, "Ủy ban nhân dân", 2)]
    public async Task SearchFiltersByProvinceAndIssuerIgnoringDiacritics(string? province, string? issuer, int hits)
    {
        await LoadAsync();
        var result = await Store.SearchAsync(new SearchQuery("dan chu") { Province = province, Issuer = issuer }, CancellationToken.None);
        Assert.Equal(hits, result.Count);
    }

    [Fact]
    public async Task SearchFiltersByCitedDocument()
    {
        await LoadAsync();
        var q = CitationQuery.Parse("Nghị định 61/2023", Reference.Value.Registry);
        var hit = Assert.Single(await Store.SearchAsync(new SearchQuery("dan chu") { Cites = q }, CancellationToken.None));
        Assert.Equal("12/BC-UBND", hit.Document.Number);
        Assert.Equal(2, (await Store.SearchAsync(new SearchQuery("") { Cites = CitationQuery.Parse("59/2023/NĐ-CP") }, CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("dân chủ", 3)]
    [InlineData("DÂN CHỦ", 3)]
    [InlineData("dan chu", 0)]
    [InlineData("Đảng", 2)]
    [InlineData("đang", 0)]
    public async Task ExactSearchKeepsDiacritics(string phrase, int hits)
    {
        await LoadAsync();
        Assert.Equal(hits, (await Store.SearchAsync(new SearchQuery(phrase) { Exact = true }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SearchRanksPagesAndNeverReadsQueryAsSyntax()
    {
        await LoadAsync();
        var all = await Store.SearchAsync(new SearchQuery("dan chu") { Limit = 10 }, CancellationToken.None);
        var page2 = await Store.SearchAsync(new SearchQuery("dan chu") { Limit = 2, Offset = 2 }, CancellationToken.None);
        Assert.Equal(all.Skip(2).Select(h => h.Document.Id), page2.Select(h => h.Document.Id));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(await Store.SearchAsync(new SearchQuery("\"dan OR chu* NEAR("), CancellationToken.None));
    }

    // ---- citations, documents, facets ------------------------------------------------------------------------------

    [Fact]
    public async Task CitingFilterKeepsCommunesOfAProvinceAndARelation()
    {
        await LoadAsync();
        var q = CitationQuery.Parse("59/2023/NĐ-CP");
        Assert.Single(await Store.FindCitingAsync(q, new CitingFilter { Level = "commune" }, CancellationToken.None));
        Assert.Single(await Store.FindCitingAsync(q, new CitingFilter { Province = "thai binh" }, CancellationToken.None));
        Assert.Empty(await Store.FindCitingAsync(q, new CitingFilter { From = new DateOnly(2024, 6, 1) }, CancellationToken.None));
        var all = await Store.FindCitingAsync(q, CancellationToken.None);
        var relation = all[0].Relation;
        Assert.All(await Store.FindCitingAsync(q, new CitingFilter { Relation = relation }, CancellationToken.None), c => Assert.Equal(relation, c.Relation));
    }

    [Fact]
    public async Task ADocumentComesWithItsCitationsJsonAndFiles()
    {
        await LoadAsync();
        var doc = Document(CommuneReport, Sha('a'));
        var stored = await Store.GetDocumentAsync(doc.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("12/BC-UBND", stored.Summary.Number);
        Assert.Contains(stored.Citations, c => c.Key == "59/2023/NĐ-CP" && c.Label == "Nghị định 59/2023/NĐ-CP");
        Assert.Contains("\"number\":\"12/BC-UBND\"", stored.Json, StringComparison.Ordinal);
        Assert.Equal(["/archive/aaaa.txt"], stored.Paths);
        Assert.Null(await Store.GetDocumentAsync("0000000000000000-1", CancellationToken.None));
        var edges = await Store.GetCitationsAsync([doc.Id, Document(PartyLetter, Sha('c')).Id], CancellationToken.None);
        Assert.Equal(stored.Citations.Count + 1, edges.Count);
    }

    [Theory]
    [InlineData("12/BC-UBND", 1)]
    [InlineData("12/bc-ubnd", 1)]
    [InlineData("585-CV/ĐU", 1)]
    [InlineData("13/BC-UBND", 0)]
    public async Task FindsStoredDocumentsByTheirOwnSymbol(string symbol, int count)
    {
        await LoadAsync();
        Assert.Equal(count, (await Store.FindBySymbolAsync(symbol, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CountsCitationsByCitedDocumentWithALabel()
    {
        await LoadAsync();
        var top = await Store.CountCitationsAsync(new CitationFacetQuery([CitationField.CitedKey]), CancellationToken.None);
        Assert.Equal(["59/2023/NĐ-CP"], top[0].Values);
        Assert.Equal(2, top[0].Count);
        Assert.Equal("Nghị định 59/2023/NĐ-CP", top[0].Label);
        var byLevel = await Store.CountCitationsAsync(new CitationFacetQuery([CitationField.Level]) { Cited = CitationQuery.Parse("59/2023/NĐ-CP") }, CancellationToken.None);
        Assert.Equal([("commune", 1L), ("province", 1L)], byLevel.Select(f => (f.Values[0]!, f.Count)).Order());
        var communes = await Store.CountCitationsAsync(new CitationFacetQuery([CitationField.Province, CitationField.Commune]) { Filter = new CitingFilter { Level = "commune" } }, CancellationToken.None);
        Assert.All(communes, f => Assert.Equal(2, f.Values.Count));
    }

    [Fact]
    public async Task CountsDocumentsByTypeAndMonthOverASearch()
    {
        await LoadAsync();
        var byMonth = await Store.CountDocumentsAsync(new DocumentFacetQuery([DocumentField.Month]), CancellationToken.None);
        Assert.Equal(3, byMonth.Sum(f => f.Count));
        Assert.Contains(byMonth, f => f.Values[0] == "2024-05" && f.Count == 1);
        var types = await Store.CountDocumentsAsync(new DocumentFacetQuery([DocumentField.DocType, DocumentField.Level]) { Filter = new SearchQuery("nghi dinh") }, CancellationToken.None);
        Assert.Equal(2, types.Sum(f => f.Count));
    }
    public static TheoryData<string, SearchQuery, long> FacetedSearches => new()
    {
        { "words", new SearchQuery("dan chu"), 3 },
        { "words with diacritics", new SearchQuery("dân chủ"), 3 },
        { "level", new SearchQuery("dan chu") { Level = "commune" }, 2 },
        { "type", new SearchQuery("dan chu") { DocType = "bao_cao" }, 1 },
        { "province, any spelling", new SearchQuery("nghi dinh") { Province = "thai binh" }, 1 },
        { "issuer", new SearchQuery("dan chu") { Issuer = "tan thanh" }, 1 },
        { "dates", new SearchQuery("dan chu") { From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 5, 31) }, 2 },
        { "cites", new SearchQuery("dan chu") { Cites = CitationQuery.Parse("59/2023/NĐ-CP") }, 2 },
        { "exact phrase", new SearchQuery("hương ước") { Exact = true }, 1 },
        { "no words, filters only", new SearchQuery("") { Level = "commune" }, 2 },
        { "no words, no filters", new SearchQuery(""), 3 },
        { "an unknown level", new SearchQuery("dan chu") { Level = "central" }, 0 },
        { "no match", new SearchQuery("không có ở đâu"), 0 },
    };

    [Theory]
    [MemberData(nameof(FacetedSearches))]
    public async Task FacetsOfASearchAgreeWithOneGroupedCountPerField(string name, SearchQuery query, long matches)
    {
        await LoadAsync();
        DocumentField[] fields = [DocumentField.DocType, DocumentField.Level, DocumentField.Province, DocumentField.Year, DocumentField.Issuer, DocumentField.Month];
        var facets = await Store.CountMatchesAsync(new MatchFacetQuery(query, fields), CancellationToken.None);
        Assert.True(matches == facets.Total, $"{name}: {facets.Total} matches, expected {matches}");
        for (var i = 0; i < fields.Length; i++)
        {
            var one = await Store.CountDocumentsAsync(new DocumentFacetQuery([fields[i]]) { Filter = query, Limit = 100 }, CancellationToken.None);
            Assert.Equal(one.Select(f => (f.Values[0], f.Count)), facets.ByField[i].Select(f => (f.Values[0], f.Count)));
            Assert.Equal(matches, facets.ByField[i].Sum(f => f.Count));
        }
    }

    [Fact]
    public async Task FacetsNameTheValuesAsStored()
    {
        await LoadAsync();
        var facets = await Store.CountMatchesAsync(new MatchFacetQuery(new SearchQuery("dan chu"), [DocumentField.Province, DocumentField.Year, DocumentField.Level]), CancellationToken.None);
        Assert.Contains(facets.ByField[0], f => f.Values[0] == "Thái Bình" && f.Count == 1);
        Assert.Equal([("2024", 3L)], facets.ByField[1].Select(f => (f.Values[0]!, f.Count)));
        Assert.Equal(("commune", 2L), (facets.ByField[2][0].Values[0]!, facets.ByField[2][0].Count));
    }
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task CitingDocumentsComeInPagesThatAddUpToTheWholeList(int size)
    {
        await LoadAsync();
        var doc = Document(CommuneReport.Replace("12/BC-UBND", "13/BC-UBND", StringComparison.Ordinal).Replace("10 tháng 5", "11 tháng 6", StringComparison.Ordinal), Sha('d'));
        await Store.StoreAsync(new FileRecord(Sha('d'), doc.Source.Path, 1), [doc], CancellationToken.None);
        var q = CitationQuery.Parse("59/2023/NĐ-CP");
        var all = CitingPage.Order(await Store.FindCitingAsync(q, CitingFilter.None, CancellationToken.None)).ToList();
        Assert.Equal(3, all.Count);
        var paged = new List<CitingDocument>();
        for (var offset = 0; offset < all.Count + size; offset += size)
            paged.AddRange(await Store.FindCitingAsync(q, CitingFilter.None, new CitingPage(offset, size), CancellationToken.None));
        Assert.Equal(all.Select(c => c.Document.Id), paged.Select(c => c.Document.Id));
        // Thái Bình's letter, then the commune's two reports by date (their header names no province: unknown comes last).
        Assert.Equal(["1140/UBND-NCKS", "12/BC-UBND", "13/BC-UBND"], paged.Select(c => c.Document.Number!));
        var communes = await Store.FindCitingAsync(q, new CitingFilter { Level = "commune" }, new CitingPage(1, 10), CancellationToken.None);
        Assert.Equal("13/BC-UBND", Assert.Single(communes).Document.Number);
    }
}
