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
    public void ReadsIssuerParentLevelAndProvince(string raw, string name, string? parent, string level, string? province) =>
        AssertIssuer(raw, name, parent, level, province, scanned: false);

    // Headers as OCR read the generated scans of the seeds and the dev set (make-scan sets a header block on one line).
    public static TheoryData<string, string, string?, string, string?> ScannedHeaders => new()
    {
        // seed 000 at 200 dpi: both bodies on one line, Ả read as Ă
        { "ĐĂNG BỘ HUYỆN BÌNH SƠN ĐĂNG ỦY XÃ BÌNH CHƯƠNG\nẪ h\nSế585-CV/ĐU\nTiếp tục thực hiện Quy chế dân chủ ở cơ sở năm 2024\nĐÁNG CỘNG SẢN VIỆT NAM\nBình Chương, ngày 06 tháng 8 năm 2024",
          "Đảng ủy xã Bình Chương", "Đảng bộ huyện Bình Sơn", "commune", "Quảng Ngãi" },
        // seed 004 part 2 at 300 dpi
        { "TỈNH ỦY THÁI BÌNH BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ.\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Bình, ngày 25 tháng 3 năm 2024\nSố 44 -CV/BCĐ",
          "Ban Chỉ đạo thực hiện dân chủ ở cơ sở", "Tỉnh ủy Thái Bình", "province", "Thái Bình" },
        // dev c011 at 200 dpi: the marks of the province and its unit word
        { "ỦY BAN NHÂN DÂN\nTÌNH THANH HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\nThanh Hóa, ngày 20 tháng 11 năm 2025",
          "Ủy ban nhân dân tỉnh Thanh Hóa", null, "province", "Thanh Hóa" },
        // dev c007 at 200 dpi
        { "ỦY BAN NHÂN DÂN\nTHÀNH PHÕ CÂN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2874/UBND-KT\nCần Thơ, ngày 18 tháng 11 năm 2025",
          "Ủy ban nhân dân thành phố Cần Thơ", null, "province", "Cần Thơ" },
        // dev c008 at 300 dpi: a speck before the body
        { "ˆ ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 010/CT-UBND\nĐắk Lắk, ngày 17 tháng 11 năm 2025",
          "Ủy ban nhân dân tỉnh Đắk Lắk", null, "province", "Đắk Lắk" },
        // dev c020 at 300 dpi: a ministry and its department on one line, "SỐ:" in capitals
        { "BỘ TÀI CHÍNH CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSỐ:\n5680/CT-CS\nV⁄ thuế TNCN từ tiền lương, tiền công.\nHà Nội, ngày 01 tháng 12 năm 2025",
          "Cục Thuế", "Bộ Tài chính", "central", null },
        // dev c014 at 200 dpi: the motto read with a full stop in it
        { "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT.NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:. -\n37/2025/NQ-HĐND\n*Thành phố Huế, ngày 18 tháng 11 năm 2025 *",
          "Hội đồng nhân dân thành phố Huế", null, "province", "Huế" },
    };

    [Theory]
    [MemberData(nameof(ScannedHeaders))]
    public void ReadsTheIssuerOfAScannedHeader(string raw, string name, string? parent, string level, string? province) =>
        AssertIssuer(raw, name, parent, level, province, scanned: true);

    public static TheoryData<string, string> OneBodyLines => new()
    {
        // one body, though a word inside folds to a body's first word
        { "UBND THÀNH PHỐ ĐỒNG HỚI\nSố: 12/KH-UBND\nĐồng Hới, ngày 02 tháng 4 năm 2024", "Ủy ban nhân dân thành phố Đồng Hới" },
        { "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH\nSố: 12/KH-UBND\nThái Bình, ngày 02 tháng 4 năm 2024", "Ủy ban nhân dân tỉnh Thái Bình" },
        // "SỐ" in a name is no number label
        { "UBND TỈNH NGHỆ AN\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\nSố: 12/KH-BCĐ\nNghệ An, ngày 02 tháng 4 năm 2024", "Ban Chỉ đạo chuyển đổi số" },
    };

    [Theory]
    [MemberData(nameof(OneBodyLines))]
    public void AOneBodyLineIsNotSplit(string raw, string name) => Assert.Equal(name, Parse(raw, scanned: false)?.Issuer.Name);

    [Fact]
    public void ATypedHeaderIsNotRespelt()
    {
        // What a typist wrote stays: only OCR's misreadings are the machine's to undo.
        const string raw = "ỦY BAN NHÂN DÂN\nTÌNH THANH HÓA\nSố: 45/KH-UBND";
        var lines = TextLine.Split(raw, new TextSpan(0, raw.Length));
        var r = new IssuerParser(TestReference.Value.Gazetteer).Parse(raw, lines, 2, null, null, null);
        Assert.Equal("Ủy ban nhân dân tình thanh hóa", r?.Issuer.Name);
    }

    private static IssuerParser.Result? Parse(string raw, bool scanned)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        var lines = TextLine.Split(text, new TextSpan(0, text.Length));
        var number = DocumentNumberFinder.Find(text, lines, 40);
        var date = Extract.Dates.IssueDateFinder.Find(text, lines, 40);
        return new IssuerParser(TestReference.Value.Gazetteer).Parse(text, lines, number?.LineIndex ?? -1, number?.Symbol, date?.Date?.Value, date?.Place?.Value,
            recognised: scanned ? Extract.Misreadings.RecognisedText.All(text.Length) : null);
    }

    private static void AssertIssuer(string raw, string name, string? parent, string level, string? province, bool scanned)
    {
        var r = Parse(raw, scanned);
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
