using DocIntel.Extract.Citations;
using DocIntel.Extract.Documents;

namespace DocIntel.Index.Store;

/// <summary>A file as the ledger knows it: identity by content hash, the path it was seen under.</summary>
/// <remarks>Paths inside a zip archive read <c>/archive/2024.zip!/xa-tan-thanh/bao-cao.txt</c>.</remarks>
public sealed record FileRecord(string Sha256, string Path, long Size)
{
    /// <summary>How long the file took, if measured (the ledger keeps it for the report; it is not content).</summary>
    public FileTimings? Timings { get; init; }
}

/// <summary>What one file cost: reading and hashing, the pipeline (read, OCR, normalise, extract), and its pages.</summary>
public sealed record FileTimings(double ReadMs, double PipelineMs, int Pages, int OcrPages);

public enum FileStatus
{
    Done,
    Failed,
    Skipped,
}

/// <summary>The ledger's line for one file.</summary>
public sealed record LedgerEntry(string Sha256, string Path, FileStatus Status, string? Reason, int Documents);

/// <summary>One path the ledger remembers, and the content it had when last seen.</summary>
public sealed record PathEntry(string Path, string Sha256);

/// <summary>
/// One change to the store. A batch of them is applied atomically: after a crash either the whole batch is there or
/// none of it, so a rerun of the same load ends with the store a clean run gives.
/// </summary>
public abstract record LedgerWrite(string Path);

/// <summary>The file was read: its documents replace whatever the same content stored before; status done.</summary>
/// <remarks>The documents are flattened (<see cref="IndexedDocument"/>) when the write is made, on the caller's thread.</remarks>
public sealed record StoreFile(FileRecord File, IReadOnlyList<ExtractedDocument> Documents) : LedgerWrite(File.Path)
{
    public IReadOnlyList<IndexedDocument> Indexed { get; } = Documents.Select(IndexedDocument.From).ToList();
}

/// <summary>The file could not be read; the reason goes to the ledger, status failed. Nothing stored is lost.</summary>
public sealed record FailFile(FileRecord File, string Reason) : LedgerWrite(File.Path);

/// <summary>Identical content is already stored (or being stored): only the extra path is remembered.</summary>
public sealed record SeenFile(FileRecord File) : LedgerWrite(File.Path);

/// <summary>The path no longer exists: forget it; content left with no path at all is removed with its documents.</summary>
public sealed record ForgetPath(string Missing) : LedgerWrite(Missing);

/// <summary>Full-text search with filters. Diacritics are ignored unless <see cref="Exact"/>.</summary>
public sealed record SearchQuery(string Text)
{
    public string? DocType { get; init; }

    /// <summary>Issuer level: central, province, district, commune, other.</summary>
    public string? Level { get; init; }

    /// <summary>Province of the issuer; case and diacritics ignored ("an giang" = "An Giang").</summary>
    public string? Province { get; init; }

    /// <summary>Part of the issuer's name; case and diacritics ignored.</summary>
    public string? Issuer { get; init; }

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Only documents that cite this one.</summary>
    public CitationQuery? Cites { get; init; }

    /// <summary>Match the phrase with its diacritics (case still ignored).</summary>
    public bool Exact { get; init; }

    public int Limit { get; init; } = 20;
    public int Offset { get; init; }
}

/// <summary>One stored document in a result list.</summary>
public sealed record DocumentSummary(string Id, string Path, int Part, string DocType, string? Number, DateOnly? IssuedDate, string? IssuerName, string? Level, string? Province, string? District, string? Commune, string? Subject);

public sealed record SearchHit(DocumentSummary Document, double Score, string Snippet);

/// <summary>A document that cites the queried one, with how it cites it.</summary>
public sealed record CitingDocument(DocumentSummary Document, string Key, string? CitedAs, string Relation);

/// <summary>Which citing documents to keep: by the citing document's issuer and date, and by the relation.</summary>
public sealed record CitingFilter
{
    public static readonly CitingFilter None = new();

    public string? Level { get; init; }
    public string? Province { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>basis (căn cứ), implements (thực hiện), forwards (sao gửi), mentions.</summary>
    public string? Relation { get; init; }
}

/// <summary>
/// A page of "who cites X": citing documents ordered by the citing document's province, issuer, date and id (unknown
/// province and issuer last), so a page holds whole groups as far as it can.
/// </summary>
public sealed record CitingPage(int Offset, int Limit)
{
    /// <summary>The order every backend pages in.</summary>
    public static IEnumerable<CitingDocument> Order(IEnumerable<CitingDocument> citing) => citing
        .OrderBy(c => c.Document.Province is null ? 1 : 0).ThenBy(c => c.Document.Province, StringComparer.Ordinal)
        .ThenBy(c => c.Document.IssuerName is null ? 1 : 0).ThenBy(c => c.Document.IssuerName, StringComparer.Ordinal)
        .ThenBy(c => c.Document.IssuedDate is null ? 0 : 1).ThenBy(c => c.Document.IssuedDate).ThenBy(c => c.Document.Id, StringComparer.Ordinal)
        .ThenBy(c => c.Key, StringComparer.Ordinal);
}

/// <summary>A citation as stored: an edge from a stored document to a cited document (stored or not).</summary>
public sealed record StoredCitation(string DocId, string Key, string? Type, string? Number, string? Title, DateOnly? Date, string? Issuer, string Relation)
{
    /// <summary>How a person would name the cited document: "Nghị định 59/2023/NĐ-CP", "Luật Thực hiện dân chủ ở cơ sở".</summary>
    public string Label => CitationLabels.Of(Type, Number, Title, Key);
}

/// <summary>A stored document in full: its summary, the extract contract's JSON, its citations and every path of its file.</summary>
public sealed record StoredDocument(DocumentSummary Summary, string Json, IReadOnlyList<StoredCitation> Citations, IReadOnlyList<string> Paths);

/// <summary>Fields a document facet can group by.</summary>
public enum DocumentField
{
    DocType,
    Level,
    Province,
    Issuer,
    Year,
    Month,
}

/// <summary>Fields a citation facet can group by: the cited document, or a property of the citing one.</summary>
public enum CitationField
{
    CitedKey,
    Relation,
    Level,
    Province,
    Issuer,
    Commune,
    Year,
    Month,
}

/// <summary>Counts of documents grouped by one or two fields, over all documents or over a search's matches.</summary>
public sealed record DocumentFacetQuery(IReadOnlyList<DocumentField> GroupBy)
{
    /// <summary>Restrict to a search's matches (its text may be empty: filters only).</summary>
    public SearchQuery? Filter { get; init; }

    public int Limit { get; init; } = 1000;
}

/// <summary>Counts of citation edges grouped by one or two fields.</summary>
public sealed record CitationFacetQuery(IReadOnlyList<CitationField> GroupBy)
{
    /// <summary>Only edges to this cited document.</summary>
    public CitationQuery? Cited { get; init; }

    public CitingFilter Filter { get; init; } = CitingFilter.None;

    public int Limit { get; init; } = 1000;
}

/// <summary>One group: its values (one per grouping field, null where unknown), its count, and a label for cited keys.</summary>
public sealed record FacetCount(IReadOnlyList<string?> Values, long Count)
{
    public string? Label { get; init; }
}

/// <summary>A result page's facets: a search's matches counted by several fields at once.</summary>
public sealed record MatchFacetQuery(SearchQuery Filter, IReadOnlyList<DocumentField> Fields)
{
    /// <summary>Groups kept per field, the largest first.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>How many documents match, and their counts by each field asked for (in the order asked).</summary>
public sealed record MatchFacets(long Total, IReadOnlyList<IReadOnlyList<FacetCount>> ByField);

public sealed record StoreCounts(int Files, int FailedFiles, int Documents, int Citations);

/// <summary>
/// Where extracted documents live and how they are queried. The embedded SQLite store implements it; a scale-out
/// backend implements the same contract (<c>DocumentStoreContract</c> in the tests). Callers see records, never SQL:
/// every field is a keyword (exact values, folded for names), a date, or folded full text.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a batch atomically. A path now holding other content (a changed file) is moved to the new content; content
    /// left with no path is removed with its documents.
    /// </summary>
    Task WriteAsync(IReadOnlyList<LedgerWrite> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Removes content that no path refers to any more (a changed or pruned file), with its documents; returns how many.
    /// Done once at the end of a load, so the order in which a batch's writes land never matters.
    /// </summary>
    Task<int> SweepAsync(CancellationToken cancellationToken);

    /// <summary>Every path the ledger remembers under a prefix (all when null), in ordinal order.</summary>
    Task<IReadOnlyList<PathEntry>> ListPathsAsync(string? prefix, CancellationToken cancellationToken);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CancellationToken cancellationToken);

    /// <summary>One page of the citing documents (see <see cref="CitingPage"/> for the order). This default reads them all.</summary>
    async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CitingPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var all = await FindCitingAsync(query, filter, cancellationToken).ConfigureAwait(false);
        return CitingPage.Order(all).Skip(Math.Max(0, page.Offset)).Take(Math.Max(0, page.Limit)).ToList();
    }

    /// <summary>One document with its citations and every path of its file; null when unknown.</summary>
    Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The normalised text of one document (its part of the file), which the evidence spans of its contract JSON point
    /// into; null when unknown or when a backend does not keep the text.
    /// </summary>
    Task<string?> GetTextAsync(string id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>The citations made by these documents.</summary>
    Task<IReadOnlyList<StoredCitation>> GetCitationsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken);

    /// <summary>Stored documents whose own number has this symbol key ("12/BC-UBND", "59/2023/NĐ-CP").</summary>
    Task<IReadOnlyList<DocumentSummary>> FindBySymbolAsync(string symbolKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<FacetCount>> CountDocumentsAsync(DocumentFacetQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<FacetCount>> CountCitationsAsync(CitationFacetQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The facets of a search: its matches counted by each field, and the total. A backend that can count every field in
    /// one pass over the matches should (the embedded store does); this default asks one grouped count per field.
    /// </summary>
    async Task<MatchFacets> CountMatchesAsync(MatchFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.Filter with { Limit = 20, Offset = 0 };
        var byField = new List<IReadOnlyList<FacetCount>>(query.Fields.Count);
        foreach (var f in query.Fields)
            byField.Add(await CountDocumentsAsync(new DocumentFacetQuery([f]) { Filter = filter, Limit = query.Limit }, cancellationToken).ConfigureAwait(false));
        // Every document has a type, so the type counts add up to the matches.
        var types = await CountDocumentsAsync(new DocumentFacetQuery([DocumentField.DocType]) { Filter = filter, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        return new MatchFacets(types.Sum(t => t.Count), byField);
    }

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Stores a file's documents atomically, replacing what the same content stored before, and marks it done.</summary>
    Task StoreAsync(FileRecord file, IReadOnlyList<ExtractedDocument> documents, CancellationToken cancellationToken) =>
        WriteAsync([new StoreFile(file, documents)], cancellationToken);

    /// <summary>Records that a file was seen again under another path (identical bytes are stored once).</summary>
    Task AddPathAsync(FileRecord file, CancellationToken cancellationToken) => WriteAsync([new SeenFile(file)], cancellationToken);

    Task RecordFailureAsync(FileRecord file, string reason, CancellationToken cancellationToken) =>
        WriteAsync([new FailFile(file, reason)], cancellationToken);

    Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CancellationToken cancellationToken) =>
        FindCitingAsync(query, CitingFilter.None, cancellationToken);
}
