using System.IO.Compression;
using System.Text;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using DocIntel.Ingest.Bulk;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Bulk;

/// <summary>Loading archives as an archivist would: zips read in place, hostile entries refused, reruns idempotent.</summary>
public sealed class BulkLoaderTests : IAsyncLifetime
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);
    private readonly TempDir _dir = new();
    private SqliteDocumentStore _store = null!;

    private const string Letter = """
        ỦY BAN NHÂN DÂN
        XÃ TÂN THẠNH
        Số: 12/BC-UBND
        Tân Thạnh, ngày 10 tháng 5 năm 2024
        BÁO CÁO
        Kết quả thực hiện dân chủ ở cơ sở
        Tuyên truyền Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về hương ước.
        """;

    public async Task InitializeAsync()
    {
        _store = new SqliteDocumentStore(_dir.File("store.db"));
        await _store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private BulkLoader Loader() => new(new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference.Value, ExtractionOptions.Default)), _store);

    private Task<BulkLoadReport> LoadAsync(string root, BulkLoadOptions? options = null) =>
        Loader().LoadAsync([root], options ?? new BulkLoadOptions(), null, CancellationToken.None);

    private string Write(string relative, string text)
    {
        var path = _dir.File(Path.Combine("archive", relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false)); // no BOM: the same bytes as the zip entries
        return path;
    }

    private string Zip(string name, params (string Entry, string Text)[] entries)
    {
        var path = _dir.File(Path.Combine("archive", name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var s = zip.CreateEntry(entry).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    [Fact]
    public async Task ReadsZipEntriesInPlaceKeepingTheirFoldersAsProvenance()
    {
        var zip = Zip("2024.zip", ("an-giang/tan-thanh/bao-cao.txt", Letter), ("readme.bin", "ignored"));
        var report = await LoadAsync(_dir.File("archive"));
        Assert.Equal(1, report.FilesRead);
        var doc = Assert.Single(await ((IDocumentStore)_store).FindCitingAsync(DocIntel.Extract.Citations.CitationQuery.Parse("61/2023/NĐ-CP"), CancellationToken.None));
        Assert.Equal(zip + "!/an-giang/tan-thanh/bao-cao.txt", doc.Document.Path);
    }

    [Theory]
    [InlineData("../../etc/evil.txt", "climbs out")]
    [InlineData("/etc/evil.txt", "absolute")]
    [InlineData("C:/evil.txt", "drive")]
    public async Task ZipSlipEntriesAreRefusedWithAReason(string entry, string why)
    {
        Zip("slip.zip", (entry, Letter), ("ok/bao-cao.txt", Letter + " "));
        var report = await LoadAsync(_dir.File("archive"));
        var failure = Assert.Single(report.Failures);
        Assert.Contains("zip-slip refused", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(why, failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.FilesRead);
    }

    [Fact]
    public async Task AZipBombIsRefusedUnread()
    {
        // 64 MB of zeros compresses about 1000:1.
        var path = _dir.File(Path.Combine("archive", "bomb.zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) s.Write(chunk);
        }
        var report = await LoadAsync(path);
        Assert.Contains("zip bomb refused: compression ratio", Assert.Single(report.Failures).Reason, StringComparison.Ordinal);
        var small = await LoadAsync(path, new BulkLoadOptions { Limits = new ArchiveLimits { MaxFileBytes = 1024 * 1024 } });
        Assert.Contains("zip bomb refused: entry inflates to 64 MB", Assert.Single(small.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivesInsideArchivesAreOpenedToALimit()
    {
        var inner = new MemoryStream();
        using (var z = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = z.CreateEntry("xa/bao-cao.txt").Open();
            s.Write(Encoding.UTF8.GetBytes(Letter));
        }
        var path = _dir.File(Path.Combine("archive", "outer.zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("tinh/inner.zip").Open();
            s.Write(inner.ToArray());
        }
        var report = await LoadAsync(path);
        Assert.Equal(1, report.FilesRead);
        Assert.Equal([path + "!/tinh/inner.zip!/xa/bao-cao.txt"], (await _store.ListPathsAsync(null, CancellationToken.None)).Select(p => p.Path));
        var shallow = await Loader().LoadAsync([path], new BulkLoadOptions { Limits = new ArchiveLimits { MaxNesting = 1 } }, null, CancellationToken.None);
        Assert.Contains("nested archive refused", Assert.Single(shallow.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdenticalFilesAreReadOnceAndEveryPathIsKept()
    {
        Write("a/bao-cao.txt", Letter);
        Write("b/ban-sao.txt", Letter);
        Zip("c.zip", ("x/bao-cao.txt", Letter));
        var report = await LoadAsync(_dir.File("archive"));
        Assert.Equal((1, 2, 1), (report.FilesRead, report.FilesSkipped, report.Documents));
        var doc = (await _store.SearchAsync(new SearchQuery("huong uoc"), CancellationToken.None)).Single().Document;
        var stored = await _store.GetDocumentAsync(doc.Id, CancellationToken.None);
        Assert.Equal(3, stored!.Paths.Count);
    }

    [Fact]
    public async Task AChangedFileReplacesItsDocumentsAndRescanPrunesDeletedOnes()
    {
        var a = Write("a.txt", Letter);
        var b = Write("b.txt", Letter.Replace("12/BC-UBND", "13/BC-UBND", StringComparison.Ordinal));
        await LoadAsync(_dir.File("archive"));
        File.WriteAllText(a, Letter.Replace("12/BC-UBND", "14/BC-UBND", StringComparison.Ordinal).Replace("hương ước", "quy ước", StringComparison.Ordinal));
        var changed = await LoadAsync(_dir.File("archive"));
        Assert.Equal((1, 1, 1), (changed.FilesRead, changed.FilesSkipped, changed.Removed));
        Assert.Empty(await _store.FindBySymbolAsync("12/BC-UBND", CancellationToken.None));
        Assert.Single(await _store.FindBySymbolAsync("14/BC-UBND", CancellationToken.None));

        File.Delete(b);
        var rescan = await LoadAsync(_dir.File("archive"), new BulkLoadOptions { Rescan = true });
        Assert.Equal([b], rescan.Missing);
        Assert.Single(await _store.FindBySymbolAsync("13/BC-UBND", CancellationToken.None));
        var pruned = await LoadAsync(_dir.File("archive"), new BulkLoadOptions { Rescan = true, Prune = true });
        Assert.Equal(1, pruned.Removed);
        Assert.Empty(await _store.FindBySymbolAsync("13/BC-UBND", CancellationToken.None));
        Assert.Equal(1, (await _store.CountAsync(CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task FailedFilesAreSkippedUntilRetried()
    {
        Write("broken.pdf", "not a pdf");
        var first = await LoadAsync(_dir.File("archive"));
        Assert.Contains("not a PDF", Assert.Single(first.Failures).Reason, StringComparison.Ordinal);
        var again = await LoadAsync(_dir.File("archive"));
        Assert.Equal((0, 1), (again.FilesRead, again.FilesSkipped));
        Assert.Single(again.Failures);
        var retried = await LoadAsync(_dir.File("archive"), new BulkLoadOptions { RetryFailed = true });
        Assert.Equal(0, retried.FilesSkipped);
        Assert.Single(retried.Failures);
        Assert.Equal(1, (await _store.CountAsync(CancellationToken.None)).FailedFiles);
    }

    [Fact]
    public async Task OneWorkerAndManyWorkersGiveTheSameStore()
    {
        for (var i = 0; i < 30; i++) Write($"f{i % 4}/{i:00}.txt", Letter.Replace("12/BC-UBND", $"{i + 1}/BC-UBND", StringComparison.Ordinal));
        Write("f0/dup.txt", Letter.Replace("12/BC-UBND", "1/BC-UBND", StringComparison.Ordinal));
        var dumps = new List<string>();
        foreach (var workers in new[] { 1, 4 })
        {
            await using var store = new SqliteDocumentStore(_dir.File($"w{workers}.db"));
            await store.InitializeAsync(CancellationToken.None);
            var loader = new BulkLoader(new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference.Value, ExtractionOptions.Default)), store);
            await loader.LoadAsync([_dir.File("archive")], new BulkLoadOptions { Workers = workers, BatchFiles = 3 }, null, CancellationToken.None);
            var w = new StringWriter();
            await store.DumpAsync(w, CancellationToken.None);
            dumps.Add(w.ToString());
        }
        Assert.Equal(dumps[0], dumps[1]);
        Assert.Contains("integrity\tok", dumps[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressIsReportedUpToTheLastFile()
    {
        for (var i = 0; i < 5; i++) Write($"{i}.txt", Letter + i);
        var seen = new List<BulkLoadProgress>();
        await Loader().LoadAsync([_dir.File("archive")], new BulkLoadOptions(), new Sync(seen.Add), CancellationToken.None);
        Assert.Equal(5, seen[^1].FilesTotal);
        Assert.Equal(5, seen[^1].FilesFinished);
        Assert.Equal(5, seen[^1].Documents);
    }

    [Fact]
    public async Task TheTotalCountedBesideTheLoadIsNeverBelowTheFilesFinished()
    {
        // Files are counted while the load runs (zip entries included): until the count is in, the files seen stand for it.
        for (var i = 0; i < 12; i++) Write($"xa-{i % 3}/{i}.txt", Letter + i);
        Zip("2024.zip", ("bao-cao-1.txt", Letter + "z1"), ("bao-cao-2.txt", Letter + "z2"));
        var seen = new List<BulkLoadProgress>();
        var report = await Loader().LoadAsync([_dir.File("archive")], new BulkLoadOptions { BatchFiles = 2 }, new Sync(seen.Add), CancellationToken.None);
        Assert.Equal(14, report.FilesTotal);
        Assert.All(seen, p => Assert.True(p.FilesFinished <= p.FilesTotal, $"{p.FilesFinished} finished of {p.FilesTotal}"));
        Assert.Equal(14, seen[^1].FilesTotal);
    }

    private sealed class Sync(Action<BulkLoadProgress> a) : IProgress<BulkLoadProgress>
    {
        public void Report(BulkLoadProgress value)
        {
            lock (this) a(value);
        }
    }

    [Theory]
    [InlineData("a/b.txt", null)]
    [InlineData("a/../b.txt", "climbs out with '..'")]
    [InlineData("..", "climbs out with '..'")]
    [InlineData("/b.txt", "is absolute")]
    [InlineData("D:/b.txt", "names a drive")]
    [InlineData("a/..b.txt", null)]
    public void EntryNamesThatEscapeAreUnsafe(string name, string? why) =>
        Assert.Equal(why, ArchiveWalker.Unsafe(name)?.Split("' ")[1]);
}
