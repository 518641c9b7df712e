using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Sqlite;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli;

/// <summary>The objects every verb needs, built once per run.</summary>
internal sealed class AppServices
{
    private readonly Lazy<ReferenceData> _reference = new(ReferenceData.LoadEmbedded);

    public ReferenceData Reference => _reference.Value;

    public DocumentPipeline CreatePipeline() =>
        new(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference, ExtractionOptions.Default));

    public static async Task<SqliteDocumentStore> OpenStoreAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new SqliteDocumentStore(full);
        await store.InitializeAsync(ct).ConfigureAwait(false);
        return store;
    }
}
