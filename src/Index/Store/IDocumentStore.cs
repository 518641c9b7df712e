using DocIntel.Extract.Citations;
using DocIntel.Extract.Documents;

namespace DocIntel.Index.Store;

/// <summary>A file as the ledger knows it: identity by content hash, every path it was seen under.</summary>
public sealed record FileRecord(string Sha256, string Path, long Size);

public enum FileStatus
{
    Done,
    Failed,
    Skipped,
}

/// <summary>The ledger's line for one file.</summary>
public sealed record LedgerEntry(string Sha256, string Path, FileStatus Status, string? Reason, int Documents);

/// <summary>Full-text search with filters. Diacritics are ignored unless <see cref="Exact"/>.</summary>
public sealed record SearchQuery(string Text)
{
    public string? DocType { get; init; }
    public string? Level { get; init; }
    public string? Province { get; init; }
    public string? Issuer { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Exact { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>One stored document in a result list.</summary>
public sealed record DocumentSummary(string Id, string Path, int Part, string DocType, string? Number, DateOnly? IssuedDate, string? IssuerName, string? Level, string? Province, string? District, string? Commune, string? Subject);

public sealed record SearchHit(DocumentSummary Document, double Score, string Snippet);

/// <summary>A document that cites the queried one, with how it cites it.</summary>
public sealed record CitingDocument(DocumentSummary Document, string Key, string? CitedAs, string Relation);

public sealed record StoreCounts(int Files, int FailedFiles, int Documents, int Citations);

/// <summary>
/// Where extracted documents live and how they are queried. The embedded SQLite store implements it;
/// a scale-out backend implements the same contract. Callers see records, never SQL.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores a file's documents atomically, replacing what the same file stored before, and marks it done.</summary>
    Task StoreAsync(FileRecord file, IReadOnlyList<ExtractedDocument> documents, CancellationToken cancellationToken);

    /// <summary>Records that a file was seen again under another path (identical bytes are stored once).</summary>
    Task AddPathAsync(FileRecord file, CancellationToken cancellationToken);

    Task RecordFailureAsync(FileRecord file, string reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CancellationToken cancellationToken);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);
}
