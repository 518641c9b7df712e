using DocIntel.Extract.Citations;
using DocIntel.Index.Store;

namespace DocIntel.Index.Queries;

/// <summary>A table of results (a stats section, a grouped count): named columns and rows of text, ready for table, CSV or JSON.</summary>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>An issuing body that cites a document, with the citing documents it issued.</summary>
public sealed record CitingIssuer(string? Name, string? Level, string? Province, string? District, string? Commune, IReadOnlyList<CitingDocument> Documents);

/// <summary>The answer to "who cites X": the query as understood, every citing document, and the same grouped by issuer.</summary>
public sealed record WhoCites(CitationQuery Query, string Label, IReadOnlyList<CitingDocument> Citing, IReadOnlyList<CitingIssuer> Issuers);

/// <summary>A document cited together with the queried one, and in how many documents.</summary>
public sealed record CoCited(string Key, string Label, int Documents);

/// <summary>A citation of a shown document, with the stored document it resolves to (null: external or not in the archive).</summary>
public sealed record ResolvedCitation(StoredCitation Citation, DocumentSummary? Target);

/// <summary>A directive of a shown document.</summary>
public sealed record TaskLine(string Text, string? Assignee, string? Deadline);

/// <summary>Everything about one document: summary, the contract JSON, citations resolved or not, tasks, source files.</summary>
public sealed record DocumentDetails(StoredDocument Stored, IReadOnlyList<ResolvedCitation> Citations, IReadOnlyList<TaskLine> Tasks, IReadOnlyList<DocumentSummary> CitedBy);

/// <summary>What the legal-basis dashboard draws, filtered.</summary>
public sealed record StatsQuery
{
    public string? Relation { get; init; }
    public string? Level { get; init; }
    public string? Province { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Top { get; init; } = 20;

    /// <summary>month or year.</summary>
    public string Interval { get; init; } = "month";
}
