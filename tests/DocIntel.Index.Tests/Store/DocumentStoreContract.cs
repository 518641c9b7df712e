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
}
