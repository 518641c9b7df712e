using DocIntel.Extract.Layout;
using DocIntel.Extract.Numbers;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Numbers;

public sealed class DocumentNumberFinderTests
{
    private static string? Number(string header)
    {
        var lines = TextLine.Split(header, new TextSpan(0, header.Length));
        return DocumentNumberFinder.Find(header, lines, 40)?.Number.Value;
    }

    public static TheoryData<string, string?> Headers => new()
    {
        { "UBND XÃ SONG VÂN\nSố: 04/BC-UBND\nSong Vân, ngày 11 tháng 01 năm 2024", "04/BC-UBND" },
        { "ĐẢNG ỦY XÃ BÌNH CHƯƠNG\nSố 585-CV/ĐU\nBình Chương, ngày 06 tháng 8 năm 2024", "585-CV/ĐU" },
        // seed 000 scanned at 200 dpi: the mark of "Số" misread, the space lost
        { "ĐĂNG BỘ HUYỆN BÌNH SƠN ĐĂNG ỦY XÃ BÌNH CHƯƠNG\nẪ h\nSế585-CV/ĐU\nTiếp tục thực hiện Quy chế dân chủ", "585-CV/ĐU" },
        { "UỶ BAN NHÂN DÂN\nSô: 1026/KH-UBND", "1026/KH-UBND" },
        // dev c014 scanned: "Số:" and the marks beside it alone, the number below
        { "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố:. -\n37/2025/NQ-HĐND\n*Thành phố Huế, ngày 18 tháng 11 năm 2025 *", "37/2025/NQ-HĐND" },
        // dev c021 scanned: the hyphen read as an apostrophe
        { "BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố:\n37698/TB'CHQ\n*Hà Nội, ngày 21 tháng 11 năm 2025 *", "37698/TB-CHQ" },
        // dev c020 and c021 at 300 dpi: the label in capitals; its S read as Đ
        { "BỘ TÀI CHÍNH CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỐ:\n5680/CT-CS\nV⁄ thuế TNCN từ tiền lương", "5680/CT-CS" },
        { "Độc lập - Tự do - Hạnh phúc\nĐố:\n37698/TB-CHQ\n*Hà Nội, ngày 21 tháng 11 năm 2025.", "37698/TB-CHQ" },
        // dev c003 at 300 dpi: a full stop for the colon
        { "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố.212-KL/TW\nHà Nội, ngày 18 tháng 11 năm 2025", "212-KL/TW" },
        // a blank line between the label and the number (the layout of a scan saw a short line end a paragraph)
        { "BỘ TÀI CHÍNH CỤC THUẾ\nSỐ:\n\n5680/CT-CS\nV⁄ thuế TNCN từ tiền lương", "5680/CT-CS" },
        // dev c014 at 200 dpi: the number lost, a title's "SỐ …" is a cited resolution's, not the document's
        { "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố:. -\n\nNGHỊ QUYẾT\nSỬA ĐỐI, BỐ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH\n2023-2025-BAN HÀNH THEO NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND NGÀY 21", null },
        // "Sở" is a department, never the number's label
        { "SỞ NỘI VỤ\nSở 12/BC-SNV tổng hợp", null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void FindsTheNumberLineAsPrintedOrAsAScanReadsIt(string header, string? expected) => Assert.Equal(expected, Number(header));

    [Fact]
    public void TheSpanOfANumberReadPastAMisreadHyphenCoversItAll()
    {
        const string header = "Số:\n37698/TB'CHQ\nHà Nội";
        var found = DocumentNumberFinder.Find(header, TextLine.Split(header, new TextSpan(0, header.Length)), 40)!;
        Assert.Equal("37698/TB'CHQ", header.Substring(found.Number.Span.Start, found.Number.Span.Length));
    }
}
