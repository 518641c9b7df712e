using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Queries;

/// <summary>The store's resolver applies Extract's rule to stored records (the rule's own table is in the Extract tests).</summary>
public sealed class CitationResolverTests
{
    private static DocumentSummary Doc(string id, string number, string date, string issuer) =>
        new(id, "/a/" + id, 1, "ke_hoach", number, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), issuer, "district", "Quảng Ngãi", null, null, null);

    private static readonly DocumentSummary BinhSon = Doc("bs-1", "142-KH/UBND", "2024-04-16", "Ủy ban nhân dân huyện Bình Sơn");
    private static readonly DocumentSummary SonTinh = Doc("st-1", "142-KH/UBND", "2024-05-02", "Ủy ban nhân dân huyện Sơn Tịnh");
    private static readonly DocumentSummary BinhSon2023 = Doc("bs-0", "142-KH/UBND", "2023-04-10", "Ủy ban nhân dân huyện Bình Sơn");
    private static readonly DocumentSummary Decree = Doc("nd-1", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ");

    private static StoredCitation Cite(string number, string? date, string? issuer) =>
        new("citing-1", number, "Kế hoạch", number, null, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), issuer, "implements");

    public static TheoryData<StoredCitation, string?> Cases => new()
    {
        // issuer spelled out, year from the date: the one Bình Sơn plan of 2024
        { Cite("142-KH/UBND", "2024-04-16", "Ủy ban nhân dân huyện Bình Sơn"), "bs-1" },
        // abbreviated issuer, same
        { Cite("142-KH/UBND", "2024-04-16", "UBND huyện Bình Sơn"), "bs-1" },
        // another district's plan with the same number
        { Cite("142-KH/UBND", "2024-05-02", "UBND huyện Sơn Tịnh"), "st-1" },
        // the 2023 plan, by year
        { Cite("142-KH/UBND", "2023-04-10", "UBND huyện Bình Sơn"), "bs-0" },
        // no issuer, no date: three bearers, unresolved
        { Cite("142-KH/UBND", null, null), null },
        // an issuer that bears none of them
        { Cite("142-KH/UBND", "2024-04-16", "Ủy ban nhân dân tỉnh Thái Bình"), null },
        // a nationwide symbol resolves without an issuer
        { Cite("59/2023/NĐ-CP", null, null), "nd-1" },
        // a symbol nobody bears
        { Cite("61/2023/NĐ-CP", null, null), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResolvesBySymbolYearAndIssuer(StoredCitation citation, string? expected)
    {
        DocumentSummary[] all = [BinhSon, SonTinh, BinhSon2023, Decree];
        var candidates = all.Where(d => d.Number == citation.Number).ToList();
        Assert.Equal(expected, CitationResolver.Pick(citation, candidates)?.Id);
    }

    [Fact]
    public void ADocumentNeverResolvesToItself() =>
        Assert.Null(CitationResolver.Pick(Cite("59/2023/NĐ-CP", null, null) with { DocId = "nd-1" }, [Decree]));
}
