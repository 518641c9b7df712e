using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Queries;

/// <summary>
/// The store's resolver hands stored records to Extract's <c>CitationResolutionRule</c> and gives back the stored
/// document it picked (the rule's own table of cases is in the Extract tests).
/// </summary>
public sealed class CitationResolverTests
{
    private static DocumentSummary Doc(string id, string number, string date, string issuer) =>
        new(id, "/a/" + id, 1, "ke_hoach", number, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), issuer, "district", "Quảng Ngãi", null, null, null);

    private static readonly DocumentSummary BinhSon = Doc("bs-1", "142-KH/UBND", "2024-04-16", "Ủy ban nhân dân huyện Bình Sơn");
    private static readonly DocumentSummary SonTinh = Doc("st-1", "142-KH/UBND", "2024-05-02", "Ủy ban nhân dân huyện Sơn Tịnh");

    private static StoredCitation Cite(string? issuer) =>
        new("citing-1", "142-KH/UBND", "Kế hoạch", "142-KH/UBND", null, new DateOnly(2024, 4, 16), issuer, "implements");

    [Fact]
    public void GivesBackTheStoredDocumentTheRulePicks() =>
        Assert.Same(BinhSon, CitationResolver.Pick(Cite("UBND huyện Bình Sơn"), [SonTinh, BinhSon]));

    [Fact]
    public void LeavesAnAmbiguousCitationUnresolved() =>
        Assert.Null(CitationResolver.Pick(Cite(null) with { Date = null }, [SonTinh, BinhSon]));

    [Fact]
    public void ACitationWithoutANumberIsNeverResolved() =>
        Assert.Null(CitationResolver.Pick(Cite("UBND huyện Bình Sơn") with { Number = null }, [BinhSon]));
}
