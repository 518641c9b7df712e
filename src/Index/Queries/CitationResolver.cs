using DocIntel.Extract.Resolution;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Store;

namespace DocIntel.Index.Queries;

/// <summary>
/// Resolution over a store: the candidates are the stored documents bearing the cited symbol, and the choice is
/// <see cref="CitationResolutionRule"/>'s, so every backend resolves alike. Candidates are cached per symbol for the
/// life of one query (a graph walk asks for the same symbols again and again).
/// </summary>
public sealed class CitationResolver(IDocumentStore store) : ICitationResolver
{
    private readonly Dictionary<string, IReadOnlyList<DocumentSummary>> _candidates = new(StringComparer.Ordinal);

    public async Task<DocumentSummary?> ResolveAsync(StoredCitation citation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.Number is null) return null;
        var candidates = await CandidatesAsync(citation.Number, cancellationToken).ConfigureAwait(false);
        return Pick(citation, candidates);
    }

    async Task<ArchiveDocumentRef?> ICitationResolver.ResolveAsync(CitedReference citation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var candidates = await CandidatesAsync(citation.Number, cancellationToken).ConfigureAwait(false);
        return CitationResolutionRule.Pick(citation, candidates.Select(RefOf).ToList());
    }

    /// <summary>The rule over stored records: which of the documents bearing the cited symbol is the cited one, if any.</summary>
    public static DocumentSummary? Pick(StoredCitation citation, IReadOnlyList<DocumentSummary> candidates)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(candidates);
        if (citation.Number is null) return null;
        var picked = CitationResolutionRule.Pick(new CitedReference(citation.DocId, citation.Number, citation.Date, citation.Issuer), candidates.Select(RefOf).ToList());
        return picked is null ? null : candidates.First(d => d.Id == picked.Id);
    }

    private async Task<IReadOnlyList<DocumentSummary>> CandidatesAsync(string number, CancellationToken cancellationToken)
    {
        var key = DocumentSymbol.Normalize(number);
        if (!_candidates.TryGetValue(key, out var candidates))
        {
            candidates = await store.FindBySymbolAsync(key, cancellationToken).ConfigureAwait(false);
            _candidates[key] = candidates;
        }
        return candidates;
    }

    private static ArchiveDocumentRef RefOf(DocumentSummary d) => new(d.Id, d.Number, d.IssuedDate, d.IssuerName);
}
