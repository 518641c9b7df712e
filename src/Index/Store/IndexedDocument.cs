using System.Globalization;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;

namespace DocIntel.Index.Store;

/// <summary>One citation edge as a backend stores it: keyword fields only.</summary>
public sealed record IndexedCitation(int Seq, string Key, string BaseKey, string? Number, string? Num, int? Year, string? Type, string? TypeFolded, string? Title, string Relation, string? Date, string? Issuer);

/// <summary>
/// A document flattened for storage, the same for every backend: keyword fields (exact values, plus folded keys for
/// names), ISO dates, the contract JSON, the part's text and its folded form for full-text search, and its citation
/// edges. Computed by the loader's workers (in parallel), so the single writer only writes.
/// </summary>
public sealed record IndexedDocument(
    string Id, string Sha256, int Part, string Path, string DocType, string? Number, string? SymbolKey, string? IssuedDate, string? Place,
    string? IssuerName, string? IssuerKey, string? IssuerParent, string? Level, string? Province, string? ProvinceKey, string? District,
    string? Commune, string? Subject, string? SignerName, string Json, string Text, string FoldedText, IReadOnlyList<IndexedCitation> Citations)
{
    public static IndexedDocument From(ExtractedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Analysis;
        var text = doc.Text.Substring(a.PartSpan.Start, a.PartSpan.Length);
        var number = a.Number?.Value;
        var citations = a.Citations.Select((c, seq) =>
        {
            DocumentSymbol? symbol = null;
            if (c.Number is not null) DocumentSymbol.TryParse(c.Number, out symbol);
            int? year = symbol?.Year ?? (symbol is not null ? c.Date?.Year : null);
            var num = symbol is null ? null : symbol.Number.TrimStart('0') is { Length: > 0 } n ? n : "0";
            return new IndexedCitation(seq, c.Key, BaseKeyOf(c.Key), c.Number, num, year, c.Type, c.Type is null ? null : SearchFolding.Fold(c.Type),
                c.Title, c.Relation, Iso(c.Date), c.Issuer);
        }).ToList();
        return new IndexedDocument(doc.Id, doc.Source.Sha256, doc.Source.Part, doc.Source.Path, a.DocType, number,
            number is null ? null : DocumentSymbol.Normalize(number), Iso(a.IssuedDate?.Value), a.Place?.Value, a.Issuer?.Name, KeyOf(a.Issuer?.Name),
            a.Issuer?.Parent, a.Issuer?.Level, a.Issuer?.Province, KeyOf(a.Issuer?.Province), a.Issuer?.District, a.Issuer?.Commune,
            a.Subject?.Value, a.Signer?.Name, ExtractJson.ToJson(doc).ToJsonString(ExtractJson.Compact), text, SearchFolding.Fold(text), citations);
    }

    /// <summary>Registry keys may carry a disambiguating suffix (<c>KEY@date</c>); queries match the base.</summary>
    public static string BaseKeyOf(string key) => key.Split('@')[0];

    /// <summary>The folded form of a name used as a keyword: "An Giang" and "an giang" are one province.</summary>
    public static string? KeyOf(string? name) => name is null ? null : SearchFolding.Fold(name).Trim();

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
