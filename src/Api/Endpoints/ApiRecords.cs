using System.Text.Json.Nodes;
using DocIntel.Index.Graph;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Api.Endpoints;

/// <summary>A span of text: [start, end) in UTF-16 code units.</summary>
public sealed record TextRange(int Start, int End);

/// <summary>One group of a facet and how many documents fall in it.</summary>
public sealed record FacetValue(string? Value, long Count);

/// <summary>Counts of the matching documents per type, issuer level, province and year.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Type, IReadOnlyList<FacetValue> Level, IReadOnlyList<FacetValue> Province, IReadOnlyList<FacetValue> Year);

/// <summary>A match: the document, its BM25 score, a passage of its text and where the query words are in that passage.</summary>
public sealed record SearchResult(DocumentSummary Document, double Score, string Snippet, IReadOnlyList<TextRange> Highlights);

/// <summary>One page of a search, with the total and facets over every match (not only this page); both null with facets=false.</summary>
public sealed record SearchPage(string Query, bool Exact, int Page, int PageSize, long? Total, IReadOnlyList<SearchResult> Results, SearchFacets? Facets);

/// <summary>An extracted value and the span of the normalised text it was read from.</summary>
public sealed record Evidence(string Field, string? Value, int Start, int End);

/// <summary>A citation of the document, and the stored document it resolves to (null: external or not in the archive).</summary>
public sealed record CitationView(string Label, string Key, string? Type, string? Number, string? Title, DateOnly? Date, string? Issuer, string Relation, DocumentSummary? Target);

/// <summary>Everything about one document: metadata, the contract JSON, citations, tasks, files, and the normalised text
/// with the evidence span of every extracted value.</summary>
public sealed record DocumentView(DocumentSummary Document, JsonObject Extracted, IReadOnlyList<CitationView> Citations, IReadOnlyList<TaskLine> Tasks,
    IReadOnlyList<string> Files, IReadOnlyList<DocumentSummary> CitedBy, string? Text, IReadOnlyList<Evidence> Evidence);

/// <summary>The citing documents of one issuer.</summary>
public sealed record CitingGroup(string? Issuer, string? Level, string? Province, string? District, string? Commune, IReadOnlyList<CitingDocument> Documents);

/// <summary>A count of citing documents by one property (province, level …).</summary>
public sealed record CountRow(string? Value, int Documents);

/// <summary>Who cites a document: the query as understood, how many cite it, a page of them grouped by issuer, and counts over all.</summary>
public sealed record WhoCitesView(string Query, string Label, int Documents, IReadOnlyList<CitingGroup> Issuers,
    IReadOnlyList<CountRow> ByProvince, IReadOnlyList<CountRow> ByLevel, ResultTable? Counts)
{
    /// <summary>Which page of the citing documents <see cref="Issuers"/> holds (1-based), and how many a page holds.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; }
}

public sealed record RelatedView(string Query, string Label, IReadOnlyList<CoCited> Related);

/// <summary>The graph in JSON: nodes and typed edges.</summary>
public sealed record GraphView(string Root, bool Truncated, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

public sealed record StatsView(IReadOnlyList<ResultTable> Tables);
