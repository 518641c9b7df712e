using DocIntel.Extract.Citations;

namespace DocIntel.Index.Store;

/// <summary>
/// An optional capability of a store: co-citation counted where the data lives (one grouped query) instead of reading
/// every citing document's citations back. <c>ArchiveQueries.RelatedAsync</c> uses it when the store has it and falls
/// back to <see cref="IDocumentStore.FindCitingAsync(CitationQuery, CitingFilter, CancellationToken)"/> +
/// <see cref="IDocumentStore.GetCitationsAsync"/> otherwise, with the same answer.
/// </summary>
public interface ICoCitationCounter
{
    /// <summary>
    /// Cited documents (by base key) most often cited by the documents that cite the queried one, with the number of such
    /// documents; the queried document's own edges do not count. Values[0] is the key; Label names it as the first
    /// co-citing edge (by citing document id, then position) spells it. Most documents first, then by key.
    /// </summary>
    Task<IReadOnlyList<FacetCount>> CountCoCitedAsync(CitationQuery query, int limit, CancellationToken cancellationToken);
}
