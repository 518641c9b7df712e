using DocIntel.Extract.Dates;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Dates;

public sealed class VietnameseDateTests
{
    [Theory]
    [InlineData("Song Vân, ngày 11 tháng 01 năm 2024", "2024-01-11")]
    [InlineData("ngày 06 tháng 8 năm 2024", "2024-08-06")]
    [InlineData("ngày 14/8/2023", "2023-08-14")]
    [InlineData("7:57, Thứ Sáu, 1-3-2024", "2024-03-01")]
    [InlineData("ngày 25 tháng 3 nàm 2024", "2024-03-25")]
    [InlineData("ngày O1 thảng 02 năm 2020", "2020-02-01")]
    [InlineData("Thái Bình, ngày 29 tháng 3 năm 2024", "2024-03-29")]
    [InlineData("Đồng Tháp, ngày 27 tháng 11-năm 2025", "2025-11-27")] // dev c013 scanned: a hyphen where a space was
    [InlineData("Hà Nội, ngày 05. tháng 12 năm 2025", "2025-12-05")]
    [InlineData("Cần Thơ, ngày 18 tháng 11 năm. 2025", "2025-11-18")] // dev c007 at 300 dpi
    public void ReadsDatesAsWritten(string text, string iso)
    {
        var found = VietnameseDate.FindAll(text, new TextSpan(0, text.Length)).First();
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), found.Value);
    }

    [Theory]
    [InlineData("ngày 31 tháng 02 năm 2024")]
    [InlineData("ngày 32/1/2024")]
    [InlineData("ngày … tháng … năm 2024")]
    [InlineData("ngày 10 tháng 13 năm 2024")]
    public void RejectsImpossibleOrBlankDates(string text) => Assert.Empty(VietnameseDate.FindAll(text, new TextSpan(0, text.Length)));

    public static TheoryData<string, string?, string?> DateLines => new()
    {
        // seed 001: number and date on one line
        { "SONG VÂN\n\nSố: 04/BC-UBND Song Vân, ngày 11 tháng 01 năm 2024\n\nBÁO CÁO", "2024-01-11", "Song Vân" },
        // seed 000: italic markers already removed
        { "Số 585-CV/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Chương, ngày 06 tháng 8 năm 2024", "2024-08-06", "Bình Chương" },
        // corpus c009: the date line wraps
        { "Số: 1026/KH-UBND\nNghệ An, ngày 26\ntháng 11 năm 2025", "2025-11-26", "Nghệ An" },
        // a căn cứ line is a cited document's date, not the document's
        { "KẾ HOẠCH\nCăn cứ kế hoạch số 142-KH/BTC, ngày 16 tháng 4 năm 2024 của Ban tổ chức", null, null },
        // a news page: the dateline
        { "Triển khai thực hiện quy chế dân chủ\n\n7:57, Thứ Sáu, 1-3-2024\n\nUBND tỉnh vừa ban hành", "2024-03-01", null },
        // born-digital p001: the layout reader puts the number and the place on one line
        { "Số: 3367/TTr-SNV Bình Thuận, ngày 28 tháng 11 năm 2024", "2024-11-28", "Bình Thuận" },
        // dev c023 at 300 dpi: a decree's title wraps after the symbol it amends; that date is the amended decree's
        { "CHÍNH PHỦ- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 16/2025/NĐ-CP\nNGHỊ ĐỊNH\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP\nNGÀY 30 THÁNG 6 NĂM 2020 CỦA CHÍNH PHỦ", null, null },
        // unfilled template: the place stands, the date is unknown (corpus p008)
        { "Hà Nội, ngày    tháng    năm 2025", null, "Hà Nội" },
    };

    [Theory]
    [MemberData(nameof(DateLines))]
    public void FindsTheDocumentsOwnDateAndPlace(string header, string? iso, string? place)
    {
        var lines = TextLine.Split(header, new TextSpan(0, header.Length));
        var r = IssueDateFinder.Find(header, lines, 40);
        Assert.Equal(iso, r?.Date?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(place, r?.Place?.Value);
    }
}
