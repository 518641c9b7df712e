using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Sqlite;
using DocIntel.Ingest.Bulk;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocIntel.Api.Tests;

/// <summary>
/// An archive loaded once for every API test class, through the real pipeline: the five seeds and the dev set's text
/// files (testdata/README.md). The dev set's PDFs are left out: two of them need OCR, which costs about 45 s here.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "docintel-api-" + Guid.NewGuid().ToString("N")[..12]);

    public string Database => Path.Combine(Folder, "archive.db");

    public int Documents { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var files = Directory.GetFiles(RepoPaths.TestData("seeds"), "*.txt").Concat(Directory.GetFiles(RepoPaths.TestData("dev"), "*.txt")).Order(StringComparer.Ordinal).ToList();
        var store = new SqliteDocumentStore(Database);
        await using (store)
        {
            await store.InitializeAsync(CancellationToken.None);
            var pipeline = new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(ReferenceData.LoadEmbedded(), ExtractionOptions.Default));
            var report = await new BulkLoader(pipeline, store).LoadAsync(files, new BulkLoadOptions(), null, CancellationToken.None);
            Assert.Empty(report.Failures);
            Documents = (await store.CountAsync(CancellationToken.None)).Documents;
        }
    }

    /// <summary>A private copy of the archive, for tests that write to it.</summary>
    public string CopyDatabase()
    {
        var copy = Path.Combine(Folder, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(Database, copy);
        return copy;
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "archive";
}

/// <summary>The API over a given store file, with settings for one test class.</summary>
public sealed class ApiFactory(string database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0f3a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DocIntel:Database", database);
        builder.UseSetting("DocIntel:ApiKey", Key);
        builder.UseSetting("DocIntel:RateLimitPerSecond", "0");
        builder.UseSetting("DocIntel:UploadDirectory", Path.Combine(Path.GetDirectoryName(database)!, "uploads-" + Path.GetFileNameWithoutExtension(database)));
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(k, v);
    }
}
