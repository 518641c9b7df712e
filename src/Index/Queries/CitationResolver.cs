using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Store;

namespace DocIntel.Index.Queries;

/// <summary>
/// Links a citation to the stored document it names, by symbol + issuer + year. Local numbers repeat across issuers
/// (every commune has a 12/BC-UBND), so a citation resolves only when the year agrees and the issuer is compatible, or
/// when the symbol is a nationwide one (N/YYYY/TYPE-ISSUER, laws) — otherwise it stays unresolved rather than guessed.
/// </summary>
public sealed class CitationResolver(IDocumentStore store)
{
    private readonly Dictionary<string, IReadOnlyList<DocumentSummary>> _candidates = new(StringComparer.Ordinal);

    public async Task<DocumentSummary?> ResolveAsync(StoredCitation citation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.Number is null) return null;
        var key = DocumentSymbol.Normalize(citation.Number);
        if (!_candidates.TryGetValue(key, out var candidates))
        {
            candidates = await store.FindBySymbolAsync(key, cancellationToken).ConfigureAwait(false);
            _candidates[key] = candidates;
        }
        return Pick(citation, candidates);
    }

    /// <summary>The rule itself, pure: which of the documents bearing the cited symbol is the cited one, if any.</summary>
    public static DocumentSummary? Pick(StoredCitation citation, IReadOnlyList<DocumentSummary> candidates)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(candidates);
        if (citation.Number is null || candidates.Count == 0) return null;
        DocumentSymbol.TryParse(citation.Number, out var symbol);
        var citedYear = symbol?.Year ?? citation.Date?.Year;
        var nationwide = symbol?.System is SymbolSystem.Normative or SymbolSystem.Legislative;
        var fit = candidates
            .Where(d => d.Id != citation.DocId)
            .Where(d => citedYear is { } y && YearOf(d) == y)
            .Where(d => citation.Issuer is null || d.IssuerName is null || IssuersAgree(citation.Issuer, d.IssuerName))
            .ToList();
        if (fit.Count == 0) return null;
        if (citation.Date is { } date && fit.Count(d => d.IssuedDate == date) == 1) return fit.Single(d => d.IssuedDate == date);
        if (fit.Count > 1) return null;
        // Without an issuer, only a nationwide symbol or a single same-year bearer is trusted.
        return citation.Issuer is not null || nationwide || candidates.Count(d => d.Id != citation.DocId) == 1 ? fit[0] : null;
    }

    private static int? YearOf(DocumentSummary d) =>
        d.Number is not null && DocumentSymbol.TryParse(d.Number, out var s) && s.Year is { } y ? y : d.IssuedDate?.Year;

    /// <summary>"UBND huyện Bình Sơn" agrees with "Ủy ban nhân dân huyện Bình Sơn"; "Chính phủ" does not agree with a commune.</summary>
    public static bool IssuersAgree(string cited, string issuer)
    {
        var a = Expand(cited);
        var b = Expand(issuer);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    private static string Expand(string name)
    {
        var f = " " + string.Join(' ', SearchFolding.Fold(name).Split([' ', '\n', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries)) + " ";
        f = f.Replace(" ubnd ", " uy ban nhan dan ", StringComparison.Ordinal)
            .Replace(" hdnd ", " hoi dong nhan dan ", StringComparison.Ordinal)
            .Replace(" tw ", " trung uong ", StringComparison.Ordinal)
            .Replace(" bch ", " ban chap hanh ", StringComparison.Ordinal);
        return f.Trim();
    }
}
