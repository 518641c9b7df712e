using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Resolution;
using DocIntel.Index.Graph;
using DocIntel.Index.Queries;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Queries;

/// <summary>
/// The questions over a small archive where documents cite each other: a district plan implementing Decree 61/2023,
/// two communes implementing the district plan, one of them also citing the Decree and the Law on grassroots democracy.
/// </summary>
public sealed class ArchiveQueriesTests : IAsyncLifetime
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"docintel-q-{Guid.NewGuid():N}.db");
    private SqliteDocumentStore _store = null!;
    private ArchiveQueries _q = null!;

    private const string District = """
        ỦY BAN NHÂN DÂN
        HUYỆN BÌNH SƠN
        Số: 142/KH-UBND
        Bình Sơn, ngày 16 tháng 4 năm 2024
        KẾ HOẠCH
        Thực hiện dân chủ ở cơ sở năm 2024
        Căn cứ Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư;
        """;

    private const string CommuneA = """
        ỦY BAN NHÂN DÂN
        XÃ BÌNH CHƯƠNG
        Số: 12/BC-UBND
        Bình Chương, ngày 10 tháng 5 năm 2024
        BÁO CÁO
        Kết quả thực hiện dân chủ ở cơ sở
        Thực hiện Kế hoạch số 142/KH-UBND ngày 16/4/2024 của UBND huyện Bình Sơn, Ủy ban nhân dân xã báo cáo như sau. Tuyên truyền Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ và Luật Thực hiện dân chủ ở cơ sở.
        """;

    private const string CommuneB = """
        ỦY BAN NHÂN DÂN
        XÃ BÌNH HÒA
        Số: 20/BC-UBND
        Bình Hòa, ngày 12 tháng 6 năm 2024
        BÁO CÁO
        Kết quả thực hiện dân chủ ở cơ sở
        Thực hiện Kế hoạch số 142/KH-UBND ngày 16/4/2024 của UBND huyện Bình Sơn, Ủy ban nhân dân xã báo cáo như sau.
        """;

    private static ExtractedDocument Doc(string text, char c)
    {
        var sha = new string(c, 64);
        var n = VietnameseNormalizer.Default.Normalize(text);
        var a = new DocumentExtractor(Reference.Value, ExtractionOptions.Default).Extract(n)[0];
        return new ExtractedDocument(new SourceInfo($"/archive/{c}.txt", sha, a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), n.Text);
    }

    private static readonly string DistrictId = new string('a', 16) + "-1";
    private static readonly string CommuneAId = new string('b', 16) + "-1";
    private static readonly string CommuneBId = new string('c', 16) + "-1";

    public async Task InitializeAsync()
    {
        _store = new SqliteDocumentStore(_path);
        await _store.InitializeAsync(CancellationToken.None);
        var docs = new[] { Doc(District, 'a'), Doc(CommuneA, 'b'), Doc(CommuneB, 'c') };
        await _store.WriteAsync(docs.Select(d => (LedgerWrite)new StoreFile(new FileRecord(d.Source.Sha256, d.Source.Path, 1), [d])).ToList(), CancellationToken.None);
        _q = new ArchiveQueries(_store, Reference.Value.Registry);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task WhoCitesListsCommunesWithTheirDocuments()
    {
        var who = await _q.WhoCitesAsync("Nghị định 61/2023", new CitingFilter { Level = "commune" }, CancellationToken.None);
        var issuer = Assert.Single(who.Issuers);
        Assert.Equal("Ủy ban nhân dân xã Bình Chương", issuer.Name);
        Assert.Equal("Quảng Ngãi", issuer.Province);
        Assert.Equal("12/BC-UBND", Assert.Single(issuer.Documents).Document.Number);
        Assert.Contains("61/2023/NĐ-CP", who.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoCitesCountsByLevel()
    {
        var table = await _q.CountCitingAsync("61/2023/NĐ-CP", CitingFilter.None, CitationField.Level, CancellationToken.None);
        Assert.Equal(["level", "documents"], table.Columns);
        Assert.Equal([["commune", "1"], ["district", "1"]], table.Rows.Select(r => r.ToArray()).OrderBy(r => r[0]).ToArray());
    }

    [Fact]
    public async Task ArchiveDocumentsLinkToEachOtherInTheGraph()
    {
        var graph = await _q.GraphAsync(DistrictId, GraphDirection.Both, 1, 100, CancellationToken.None);
        Assert.Equal(DistrictId, graph.Root);
        // Both communes' "Thực hiện Kế hoạch số 142/KH-UBND … của UBND huyện Bình Sơn" resolve to the district's plan.
        Assert.Contains(graph.Edges, e => e.From == CommuneAId && e.To == DistrictId);
        Assert.Contains(graph.Edges, e => e.From == CommuneBId && e.To == DistrictId);
        Assert.True(graph.Edges.Any(e => e.From == DistrictId && e.To == "ext:61/2023/NĐ-CP" && e.Relation == "basis"), string.Join("; ", graph.Edges));
        Assert.Equal(GraphNode.ExternalKind, graph.Nodes.Single(n => n.Id == "ext:61/2023/NĐ-CP").Kind);
    }

    [Fact]
    public async Task TheGraphOfALawReachesTheDocumentsImplementingItsImplementers()
    {
        var depth1 = await _q.GraphAsync("Nghị định 61/2023", GraphDirection.In, 1, 100, CancellationToken.None);
        var depth2 = await _q.GraphAsync("Nghị định 61/2023", GraphDirection.In, 2, 100, CancellationToken.None);
        Assert.Equal(3, depth1.Nodes.Count);
        Assert.Contains(depth2.Nodes, n => n.Id == CommuneBId);
        foreach (var format in new[] { "json", "graphml", "dot" })
            Assert.Contains(CommuneBId, GraphWriters.Write(depth2, format), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelatedCountsDocumentsCitedTogether()
    {
        var related = await _q.RelatedAsync("61/2023/NĐ-CP", 10, CancellationToken.None);
        Assert.Contains(related, r => r.Key == "142/KH-UBND" && r.Documents == 1);
        Assert.DoesNotContain(related, r => r.Key == "61/2023/NĐ-CP");
    }

    [Fact]
    public async Task ShowResolvesCitationsAndListsWhoCitesTheDocument()
    {
        var details = await _q.ShowAsync(CommuneAId, CancellationToken.None);
        Assert.NotNull(details);
        Assert.Equal(DistrictId, details.Citations.Single(c => c.Citation.Key == "142/KH-UBND").Target?.Id);
        Assert.Null(details.Citations.Single(c => c.Citation.Key == "61/2023/NĐ-CP").Target);
        var district = await _q.ShowAsync(DistrictId, CancellationToken.None);
        Assert.Equal([CommuneAId, CommuneBId], district!.CitedBy.Select(d => d.Id).Order());
        Assert.Null(await _q.ShowAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task TheStoreResolvesThroughExtractsResolverInterface()
    {
        ICitationResolver resolver = new CitationResolver(_store);
        var plan = new CitedReference(CommuneAId, "142/KH-UBND", new DateOnly(2024, 4, 16), "UBND huyện Bình Sơn");
        Assert.Equal(DistrictId, (await resolver.ResolveAsync(plan, CancellationToken.None))?.Id);
        // the decree is not in the archive: it stays external
        Assert.Null(await resolver.ResolveAsync(new CitedReference(CommuneAId, "61/2023/NĐ-CP", null, "Chính phủ"), CancellationToken.None));
        // another district's plan with the same number is not this one
        Assert.Null(await resolver.ResolveAsync(plan with { Issuer = "UBND huyện Sơn Tịnh" }, CancellationToken.None));
    }

    [Fact]
    public async Task StatsGiveEveryTableTheDashboardDraws()
    {
        var tables = await _q.StatsAsync(new StatsQuery(), CancellationToken.None);
        Assert.Equal(["most_cited", "most_cited_basis", "most_cited_implements", "citations_by_province", "citations_by_level", "citations_by_month", "documents_by_type", "documents_by_level"],
            tables.Select(t => t.Name));
        var top = tables[0].Rows[0];
        Assert.Equal(["2"], top.Skip(2));
        Assert.Contains(tables.Single(t => t.Name == "most_cited_basis").Rows, r => r[1] == "61/2023/NĐ-CP");
        Assert.Contains(tables.Single(t => t.Name == "documents_by_level").Rows, r => r[0] == "2024-05" && r[1] == "commune" && r[2] == "1");
    }
}
