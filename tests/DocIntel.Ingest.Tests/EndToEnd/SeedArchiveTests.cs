using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using DocIntel.Ingest.Bulk;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.EndToEnd;

/// <summary>From a folder of real documents to answers: ingest the seeds, then ask who cites what.</summary>
public sealed class SeedArchiveTests : IAsyncLifetime
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);
    private readonly TempDir _dir = new();
    private IDocumentStore _store = null!;
    private BulkLoadReport _report = null!;

    private BulkLoader Loader() => new(new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference.Value, ExtractionOptions.Default)), _store);

    public async Task InitializeAsync()
    {
        var store = new SqliteDocumentStore(_dir.File("store.db"));
        await store.InitializeAsync(CancellationToken.None);
        _store = store;
        _report = await Loader().LoadAsync([RepoPaths.TestData("seeds")], new BulkLoadOptions(), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<string[]> CitingAsync(string spelling)
    {
        var citing = await _store.FindCitingAsync(CitationQuery.Parse(spelling, Reference.Value.Registry), CancellationToken.None);
        return citing.Select(c => $"{Path.GetFileName(c.Document.Path)[..3]}#{c.Document.Part}").Distinct().Order().ToArray();
    }

    [Fact]
    public void IngestsEverySeedFileAndSplitsTheBundle()
    {
        Assert.Equal(5, _report.FilesRead);
        Assert.Equal(6, _report.Documents);
        Assert.Empty(_report.Failures);
    }

    [Theory]
    [InlineData("59/2023/NĐ-CP")]
    [InlineData("Nghị định 59/2023")]
    [InlineData("NĐ 59/2023")]
    [InlineData("nghi dinh 59/2023")]
    public async Task FourDocumentsCiteDecree59(string spelling) =>
        Assert.Equal(["000#1", "002#1", "003#1", "004#2"], await CitingAsync(spelling));

    [Fact]
    public async Task TwoDocumentsCiteDecree61() =>
        Assert.Equal(["002#1", "003#1"], await CitingAsync("61/2023/NĐ-CP"));

    [Fact]
    public async Task CitingDocumentsComeWithIssuerLevelAndProvince()
    {
        var citing = await _store.FindCitingAsync(CitationQuery.Parse("61/2023/NĐ-CP"), CancellationToken.None);
        var commune = citing.Single(c => Path.GetFileName(c.Document.Path).StartsWith("003", StringComparison.Ordinal)).Document;
        Assert.Equal("Ủy ban nhân dân xã Tân Thạnh", commune.IssuerName);
        Assert.Equal("commune", commune.Level);
        Assert.Equal("An Giang", commune.Province);
    }

    [Theory]
    [InlineData("dan chu", 6)]
    [InlineData("huong uoc", 3)]
    [InlineData("Đảng ủy xã Bình Chương", 1)]
    public async Task SearchFindsSeedsWithoutDiacritics(string query, int atLeast) =>
        Assert.True((await _store.SearchAsync(new SearchQuery(query), CancellationToken.None)).Count >= atLeast);

    [Fact]
    public async Task RunningTheSameLoadAgainAddsNothing()
    {
        var before = await _store.CountAsync(CancellationToken.None);
        var again = await Loader().LoadAsync([RepoPaths.TestData("seeds")], new BulkLoadOptions(), null, CancellationToken.None);
        Assert.Equal(0, again.FilesRead);
        Assert.Equal(5, again.FilesSkipped);
        Assert.Equal(before, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ABadFileIsRecordedWithItsReasonAndTheRestStays()
    {
        var bad = _dir.File("broken.pdf");
        await File.WriteAllTextAsync(bad, "not a pdf");
        var report = await Loader().LoadAsync([bad], new BulkLoadOptions(), null, CancellationToken.None);
        var (path, reason) = Assert.Single(report.Failures);
        Assert.Equal(bad, path);
        Assert.Contains("not a PDF", reason, StringComparison.Ordinal);
        var counts = await _store.CountAsync(CancellationToken.None);
        Assert.Equal(6, counts.Documents);
        Assert.Equal(1, counts.FailedFiles);
    }
}
