using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Queries;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
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

    public ArchiveQueries Queries(IDocumentStore store) => new(store, Reference.Registry);

    public static async Task<SqliteDocumentStore> OpenStoreAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new SqliteDocumentStore(full);
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return store;
    }

    /// <summary>Opens a store that must exist already (the question verbs); null after printing why not.</summary>
    public static async Task<SqliteDocumentStore?> OpenExistingStoreAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"docintel: no store at {path} (run ingest first, or pass --db)").ConfigureAwait(false);
            return null;
        }
        try
        {
            return await OpenStoreAsync(path, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("docintel: " + ex.Message).ConfigureAwait(false);
            return null;
        }
    }
}
