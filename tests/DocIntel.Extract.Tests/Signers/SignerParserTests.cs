using DocIntel.Extract.Layout;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Signers;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Signers;

public sealed class SignerParserTests
{
    public static TheoryData<string, string?, string?, string?> Blocks => new()
    {
        // seed 000: Party slashes, OCR-damaged position
        { "Nơi nhân:\n\n- Như trên,\n  - Lưu VPĐU.\n\n**T/M BAN THƯỜNG VỤ  \nPHÓ BÍ THU'**\n\n\n\n# Phạm Thị Hiền", "Phạm Thị Hiền", "Phó Bí thư", "TM" },
        // seed 001: dropped glyphs in the capitals
        { "Nơi nhận: \n- UBND huyện(b/c); \n- Lưu: VT. \nKT. CH  TỊCH \nPHÓ CH  TỊCH \nGiáp Quốc Mạnh ", "Giáp Quốc Mạnh", "Phó Chủ tịch", "KT" },
        // seed 003
        { "Nơi nhận:\n- Lưu: VT, nthung.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Quốc Hải", "Lê Quốc Hải", "Phó Chủ tịch", "KT" },
        // seed 004 part 2: stamp residue between position lines
        { "- Lưu Ban Dân vận Tỉnh ủy.\n\nỦY VIÊN BAN THƯỜNG VỤ\n\nKiểm\n\nPHÓ BAN CHỈ ĐẠO\n\n\n\nNguyễn Văn Giang", "Nguyễn Văn Giang", "Phó Ban Chỉ đạo", null },
        // seed 004 part 1: only the name survived
        { "Nơi nhận:\n\n- Như trên;\n- Lưu: VT, NCKS.\n\n\n\nLại Văn Hoàn", "Lại Văn Hoàn", null, null },
        // state prefixes with dots
        { "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An", "Nguyễn Văn An", "Chủ tịch", "TM" },
        // a chapter heading is not a name (corpus c004, a Party charter without signer)
        { "*Chương XII*\n**CHẤP HÀNH ĐIỀU LỆ ĐẢNG**\n**Điều 48.**\nChỉ Đại hội đại biểu toàn quốc mới có quyền sửa đổi Điều lệ Đảng.", null, null, null },
        // Party prefix wrapped over two lines (corpus c002)
        { "- Lưu Văn phòng Trung ương Đảng.\n|\n**T/M BỘ CHÍNH\nTRỊ**\nTrần Cẩm Tú", "Trần Cẩm Tú", null, "TM" },
        { "TL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n\nTrần Thị Bình", "Trần Thị Bình", "Chánh Văn phòng", "TL" },
        // no signer at all
        { "Xem chi tiết\n\nCác tin khác\nChi tiết bài viết tạm thời không có.", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void ReadsNamePositionAndAuthority(string raw, string? name, string? position, string? authority)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        var s = SignerParser.Parse(text, TextLine.Split(text, new TextSpan(0, text.Length)));
        Assert.Equal(name, s?.Name);
        Assert.Equal(position, s?.Position);
        Assert.Equal(authority, s?.Authority);
    }
}
