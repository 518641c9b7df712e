using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;

namespace DocIntel.Extract.Tests.Types;

public sealed class DocumentTypeClassifierTests
{
    private static string TypeOf(string raw) =>
        new DocumentExtractor(TestReference.Value, ExtractionOptions.Default).Extract(VietnameseNormalizer.Default.Normalize(raw))[0].DocType;

    public static TheoryData<string, string> Headers => new()
    {
        // dev c020: a công văn of Cục Thuế, whose symbol's CT is not chỉ thị
        { "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5680/CT-CS\nV/v thuế TNCN từ tiền lương, tiền công\nHà Nội, ngày 01 tháng 12 năm 2025\nKính gửi: Ban Tuyên giáo và Dân vận Trung ương", "cong_van" },
        // the same scanned at 300 dpi: "V/v" read as "V⁄"
        { "BỘ TÀI CHÍNH CỤC THUẾ\nSỐ:\n5680/CT-CS\nV⁄ thuế TNCN từ tiền lương, tiền công.\nHà Nội, ngày 01 tháng 12 năm 2025\nKính gửi: Ban Tuyên giáo và Dân vận Trung ương", "cong_van" },
        { "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/CT-UBND\nNghệ An, ngày 05 tháng 3 năm 2025\nCHỈ THỊ\nVề tăng cường công tác bảo vệ bí mật nhà nước", "chi_thi" },
        { "UBND XÃ SONG VÂN\nSố: 04/BC-UBND\nSong Vân, ngày 11 tháng 01 năm 2024\nBÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2023", "bao_cao" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void TypesADocumentByItsTitleOrItsVvLine(string header, string expected) => Assert.Equal(expected, TypeOf(header));
}
