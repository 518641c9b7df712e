using DocIntel.Extract.Issuers;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Numbers;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Issuers;

public sealed class IssuerParserTests
{
    public static TheoryData<string, string, string?, string, string?> Headers => new()
    {
        // seed 000: Party header, parent and body on two lines
        { "**ĐẢNG BỘ HUYỆN BÌNH SƠN  \nĐẢNG ỦY XÃ BÌNH CHƯƠNG**\n\n\\*\n\nSố 585-CV/ĐU  \nTiếp tục thực hiện\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**  \n*Bình Chương, ngày 06 tháng 8 năm 2024*",
          "Đảng ủy xã Bình Chương", "Đảng bộ huyện Bình Sơn", "commune", "Quảng Ngãi" },
        // seed 004 part 1: an UBND signing for itself
        { "**ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\nSố: 1140/UBND-NCKS\n\nThái Bình, ngày 29 tháng 3 năm 2024",
          "Ủy ban nhân dân tỉnh Thái Bình", null, "province", "Thái Bình" },
        // seed 004 part 2: a steering committee under the provincial Party committee
        { "TỈNH ỦY THÁI BÌNH\nBAN CHỈ ĐẠO\nTHỰC HIỆN DÂN CHỦ Ở CƠ SỞ\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nThái Bình, ngày 25 tháng 3 năm 2024\n\nSố 44 -CV/BCĐ",
          "Ban Chỉ đạo thực hiện dân chủ ở cơ sở", "Tỉnh ủy Thái Bình", "province", "Thái Bình" },
        // corpus c009: markdown table layout
        { "|\n**ỦY BAN NHÂN DÂN**\nTỈNH NGHỆ AN\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 1026/KH-UBND\n|\n*Nghệ An, ngày 26\ntháng 11 năm 2025*",
          "Ủy ban nhân dân tỉnh Nghệ An", null, "province", "Nghệ An" },
        // abbreviations in the parent line
        { "UBND TỈNH THÁI BÌNH\nSỞ NỘI VỤ\n\nSố: 215/SNV-VP\n\nThái Bình, ngày 02 tháng 4 năm 2024", "Sở nội vụ", "Ủy ban nhân dân tỉnh Thái Bình", "province", "Thái Bình" },
        // seed 001: the header kept only the place; the body comes from the symbol, the unit from the text
        { "SONG VÂN\n\nCỘNG HÒA XÃ HỘI CH NG Ĩ VIỆT NAM\n\nSố: 04/BC-UBND Song Vân, ngày 11 tháng 01 năm 2024\n\nBÁO CÁO\n\nSong Vân là xã miền núi nằm ở phía Tây bắc của huyện Tân Yên, tỉnh Bắc Giang",
          "Ủy ban nhân dân xã Song Vân", null, "commune", "Bắc Giang" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void ReadsIssuerParentLevelAndProvince(string raw, string name, string? parent, string level, string? province)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        var lines = TextLine.Split(text, new TextSpan(0, text.Length));
        var number = DocumentNumberFinder.Find(text, lines, 40);
        var date = Extract.Dates.IssueDateFinder.Find(text, lines, 40);
        var r = new IssuerParser(TestReference.Value.Gazetteer).Parse(text, lines, number?.LineIndex ?? -1, number?.Symbol, date?.Date?.Value, date?.Place?.Value);
        Assert.NotNull(r);
        Assert.Equal(name, r.Issuer.Name, ignoreCase: true);
        Assert.Equal(parent, r.Issuer.Parent);
        Assert.Equal(level, r.Issuer.Level);
        Assert.Equal(province, r.Issuer.Province);
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "Ủy ban nhân dân tỉnh Thái Bình")]
    [InlineData("ĐẢNG ỦY XÃ BÌNH CHƯƠNG", "Đảng ủy xã Bình Chương")]
    [InlineData("ĐẢNG BỘ HUYỆN BÌNH SƠN", "Đảng bộ huyện Bình Sơn")]
    [InlineData("TỈNH ỦY THÁI BÌNH", "Tỉnh ủy Thái Bình")]
    [InlineData("BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "Ban Chỉ đạo thực hiện dân chủ ở cơ sở")]
    [InlineData("UBND HUYỆN TÂN YÊN", "Ủy ban nhân dân huyện Tân Yên")]
    [InlineData("HĐND THÀNH PHỐ HÀ NỘI", "Hội đồng nhân dân thành phố Hà Nội")]
    public void WritesBodyNamesInNormalCase(string upper, string expected) => Assert.Equal(expected, BodyNames.ToNormalCase(upper));

    [Fact]
    public void FallsBackToTheClosingSentenceWhenTheHeaderIsLost()
    {
        // seed 003: no header block; the closing sentence names the issuer
        var raw = "KẾ HOẠCH\n\nThực hiện Quy chế dân chủ ở cơ sở năm 2024\n\nTrên đây là Kế họach thực hiện Quy chế dân chủ ở cơ sở của Ủy ban Nhân \n\ndân xã Tân Thạnh./.\n\nthị xã Tân Châu, tỉnh An Giang";
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        var lines = TextLine.Split(text, new TextSpan(0, text.Length));
        var r = new IssuerParser(TestReference.Value.Gazetteer).Parse(text, lines, -1, null, null, null);
        Assert.NotNull(r);
        Assert.Equal("Ủy ban nhân dân xã Tân Thạnh", r.Issuer.Name);
        Assert.Equal("commune", r.Issuer.Level);
        Assert.Equal("An Giang", r.Issuer.Province);
    }
}
