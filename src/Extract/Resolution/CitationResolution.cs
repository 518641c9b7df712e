using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;

namespace DocIntel.Extract.Resolution;

/// <summary>What a citation says of the document it names: the symbol, and the date and issuer when the text gives them.</summary>
/// <param name="CitingId">The citing document, which never resolves to itself.</param>
public sealed record CitedReference(string CitingId, string Number, DateOnly? Date, string? Issuer);

/// <summary>A document of the archive that bears a cited symbol, as far as resolution needs to know it.</summary>
public sealed record ArchiveDocumentRef(string Id, string? Number, DateOnly? IssuedDate, string? IssuerName);

/// <summary>
/// Links a citation to the archive document it names. Finding and normalising citations happen here in Extract, with no
/// store; the store behind an archive implements this (the embedded and scale-out stores in <c>src/Index</c>), and the
/// rule that decides between look-alikes is <see cref="CitationResolutionRule"/>, the same for every implementation.
/// </summary>
public interface ICitationResolver
{
    /// <summary>The archive document the citation names, or null when none is named beyond doubt.</summary>
    Task<ArchiveDocumentRef?> ResolveAsync(CitedReference citation, CancellationToken cancellationToken);
}

/// <summary>
/// Which of the documents bearing a cited symbol is the cited one (giải quyết trích dẫn). Local numbers repeat across
/// issuers (every commune has a 12/BC-UBND), so a citation resolves only when the year agrees and the issuer is
/// compatible, or when the symbol is a nationwide one (N/YYYY/TYPE-ISSUER, laws); otherwise it stays unresolved rather
/// than guessed.
/// </summary>
public static class CitationResolutionRule
{
    public static ArchiveDocumentRef? Pick(CitedReference citation, IReadOnlyList<ArchiveDocumentRef> candidates)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(candidates);
        var others = candidates.Where(d => d.Id != citation.CitingId).ToList();
        if (others.Count == 0) return null;
        DocumentSymbol.TryParse(citation.Number, out var symbol);
        var citedYear = symbol?.Year ?? citation.Date?.Year;
        var nationwide = symbol?.System is SymbolSystem.Normative or SymbolSystem.Legislative;
        var fit = others
            .Where(d => citedYear is { } y && YearOf(d) == y)
            .Where(d => citation.Issuer is null || d.IssuerName is null || IssuersAgree(citation.Issuer, d.IssuerName))
            .ToList();
        if (fit.Count == 0) return null;
        if (citation.Date is { } date && fit.Count(d => d.IssuedDate == date) == 1) return fit.Single(d => d.IssuedDate == date);
        if (fit.Count > 1) return null;
        // Without an issuer, only a nationwide symbol or a single same-year bearer is trusted.
        return citation.Issuer is not null || nationwide || others.Count == 1 ? fit[0] : null;
    }

    private static int? YearOf(ArchiveDocumentRef d) =>
        d.Number is not null && DocumentSymbol.TryParse(d.Number, out var s) && s.Year is { } y ? y : d.IssuedDate?.Year;

    /// <summary>"UBND huyện Bình Sơn" agrees with "Ủy ban nhân dân huyện Bình Sơn"; "Chính phủ" does not agree with a commune.</summary>
    public static bool IssuersAgree(string cited, string issuer)
    {
        ArgumentNullException.ThrowIfNull(cited);
        ArgumentNullException.ThrowIfNull(issuer);
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
