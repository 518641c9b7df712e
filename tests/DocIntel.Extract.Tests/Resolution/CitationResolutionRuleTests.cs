using System.Globalization;
using DocIntel.Extract.Resolution;

namespace DocIntel.Extract.Tests.Resolution;

/// <summary>When a citation names an archive document: symbol + year + issuer, never a guess between look-alikes.</summary>
public sealed class CitationResolutionRuleTests
{
    private static ArchiveDocumentRef Doc(string id, string number, string date, string issuer) =>
        new(id, number, DateOnly.Parse(date, CultureInfo.InvariantCulture), issuer);

    private static readonly ArchiveDocumentRef[] Archive =
    [
        Doc("bs-1", "142-KH/UBND", "2024-04-16", "Ủy ban nhân dân huyện Bình Sơn"),
        Doc("st-1", "142-KH/UBND", "2024-05-02", "Ủy ban nhân dân huyện Sơn Tịnh"),
        Doc("bs-0", "142-KH/UBND", "2023-04-10", "Ủy ban nhân dân huyện Bình Sơn"),
        Doc("nd-1", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ"),
        Doc("bcd-1", "44-CV/BCĐ", "2024-01-03", "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện"),
        Doc("tt-1", "12/BC-UBND", "2024-06-20", "Ủy ban nhân dân xã Tân Thạnh"),
        Doc("sv-1", "12/BC-UBND", "2024-06-21", "Ủy ban nhân dân xã Song Vân"),
    ];

    private static CitedReference Cite(string number, string? date, string? issuer) =>
        new("citing-1", number, date is null ? null : DateOnly.Parse(date, CultureInfo.InvariantCulture), issuer);

    public static TheoryData<CitedReference, string?> Cases => new()
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
        // a Party symbol carries no year: a citation dated in another year does not take this year's bearer
        { Cite("44-CV/BCĐ", "2023-01-03", null), null },
        // a symbol nobody bears
        { Cite("61/2023/NĐ-CP", null, null), null },
        // seed 004: the cover letter's "Văn bản số 44-CV/BCĐ ngày 03/01/2024" names the document it forwards
        { Cite("44-CV/BCĐ", "2024-01-03", null), "bcd-1" },
        // two communes' reports 12/BC-UBND of the same year: without an issuer, no guess
        { Cite("12/BC-UBND", null, null), null },
        // … with the commune named but no year, still none: the year must agree, and nothing says which year
        { Cite("12/BC-UBND", null, "UBND xã Song Vân"), null },
        // … with the commune and the year, the right one
        { Cite("12/BC-UBND", "2024-06-22", "UBND xã Song Vân"), "sv-1" },
        // … with the exact date, the right one
        { Cite("12/BC-UBND", "2024-06-20", null), "tt-1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResolvesBySymbolYearAndIssuer(CitedReference citation, string? expected)
    {
        var candidates = Archive.Where(d => d.Number == citation.Number).ToList();
        Assert.Equal(expected, CitationResolutionRule.Pick(citation, candidates)?.Id);
    }

    [Fact]
    public void ADocumentNeverResolvesToItself() =>
        Assert.Null(CitationResolutionRule.Pick(Cite("59/2023/NĐ-CP", null, null) with { CitingId = "nd-1" }, Archive.Where(d => d.Id == "nd-1").ToList()));

    [Theory]
    [InlineData("UBND huyện Bình Sơn", "Ủy ban nhân dân huyện Bình Sơn", true)]
    [InlineData("Ban Chấp hành Trung ương", "BCH TW", true)]
    [InlineData("Chính phủ", "Ủy ban nhân dân xã Tân Thạnh", false)]
    [InlineData("Ủy ban nhân dân huyện", "Ủy ban nhân dân huyện Bình Sơn", true)]
    [InlineData("HĐND tỉnh An Giang", "Hội đồng nhân dân tỉnh An Giang", true)]
    [InlineData("UBND xã Song Vân", "Ủy ban nhân dân xã Tân Thạnh", false)]
    public void IssuerNamesAgreeAcrossAbbreviations(string cited, string issuer, bool agree) =>
        Assert.Equal(agree, CitationResolutionRule.IssuersAgree(cited, issuer));
}
