using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using System.CommandLine;
using DocIntel.Cli.Commands;
using DocIntel.Index.Elasticsearch;
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
    /// <summary>
    /// Opens the store the verb's --store/--es-url chose: the SQLite file (which must exist unless <paramref name="create"/>),
    /// or Elasticsearch (templates and indices made when missing). Null after printing why not.
    /// </summary>
    public static async Task<IDocumentStore?> OpenSelectedStoreAsync(ParseResult pr, string dbPath, CancellationToken ct, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(pr);
        if (pr.GetValue<string>(StoreSelection.StoreOption) != "es")
            return create ? await OpenStoreAsync(dbPath, ct).ConfigureAwait(false) : await OpenExistingStoreAsync(dbPath, ct).ConfigureAwait(false);
        var store = await OpenElasticsearchAsync(pr.GetValue<string?>(StoreSelection.EsUrlOption), ct).ConfigureAwait(false);
        return store;
    }

    public static async Task<ElasticsearchDocumentStore?> OpenElasticsearchAsync(string? url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            await Console.Error.WriteLineAsync("docintel: --store es needs --es-url URL (or DOCINTEL_ES_URL)").ConfigureAwait(false);
            return null;
        }
        ElasticsearchDocumentStore? store = null;
        try
        {
            store = new ElasticsearchDocumentStore(EsConnection.FromEnvironment(url));
            await store.InitializeAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch (Exception ex) when (ex is ElasticsearchException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync("docintel: " + ex.Message).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Where a store is, for reports: the SQLite file, or the cluster (never its credentials).</summary>
    public static string Describe(IDocumentStore store) => store switch
    {
        SqliteDocumentStore s => s.Path,
        ElasticsearchDocumentStore e => $"Elasticsearch {EsConnection.Describe(e.Options)} (aliases {e.Design.Documents}, {e.Design.Citations})",
        _ => store.GetType().Name,
    };
}
