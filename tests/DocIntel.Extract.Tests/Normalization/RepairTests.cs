using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Normalization;

/// <summary>Repairs of damaged text: dropped PDF glyphs, legacy encodings, look-alike letters; and what must stay as it is.</summary>
public sealed partial class RepairTests
{
    private static string N(string s) => VietnameseNormalizer.Default.Normalize(s).Text;

    private static string Seed001 => File.ReadAllText(RepoPaths.TestData("seeds", "001_bf2fac1579fa6850.txt"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Theory]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("KẾT QUẢ THỰC HIỆN PHÁP LUẬT VỀ DÂN CHỦ TRỰC TIẾP")] // a heading on two lines: header lines are never joined
    [InlineData("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024")]
    [InlineData("2. Hạn chế và nguyên nhân")]
    [InlineData("KIẾN NGHỊ, ĐỀ XUẤT")]
    [InlineData("II - CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI")]
    [InlineData("3. Hoạt động của Mặt trận Tổ quốc Việt Nam")]
    [InlineData("IV- ĐÁNH GIÁ CHUNG")]
    [InlineData("PHÓ CHỦ TỊCH")]
    public void Seed001ComesOutRepaired(string expected)
    {
        var text = Spaces().Replace(N(Seed001), " ");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain('ƣ', text);
    }

    public static TheoryData<string, string> DroppedGlyphs => new()
    {
        // seed 001: the font printed a space for every glyph it could not map
        { "CỘNG HÒA XÃ HỘI CH  NG Ĩ  VIỆT NAM ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
        { "III- KẾT QUẢ T ỰC  IỆN PHÁP LUẬT", "III- KẾT QUẢ THỰC HIỆN PHÁP LUẬT" },
        { "II - CÔNG TÁC LÃNH ĐẠO, C Ỉ ĐẠO TRIỂN KHAI ", "II - CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI" },
        { "V- P ƢƠNG  ƢỚNG, N IỆM V  NĂM 2024 ", "V- PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" },
        { "IV- ĐÁN  GIÁ CHUNG ", "IV- ĐÁNH GIÁ CHUNG" },
        { "VI - KIẾN NG Ị, ĐỀ  UẤT ", "VI - KIẾN NGHỊ, ĐỀ XUẤT" },
        { "TIẾP VÀ QUY C Ế DÂN C   Ở CƠ SỞ ", "TIẾP VÀ QUY CHẾ DÂN CHỦ Ở CƠ SỞ" },
        { "KT. CH  TỊCH ", "KT. CHỦ TỊCH" },
    };

    [Theory]
    [MemberData(nameof(DroppedGlyphs))]
    public void RestoresDroppedGlyphs(string raw, string expected) => Assert.Equal(expected, N(raw));

    [Fact]
    public void RestoresALostCapitalAtTheStartOfAListItem()
    {
        // "3.  oạt động" in seed 001: the lost H starts a numbered heading, so it is a capital.
        var text = N(Seed001);
        Assert.Contains("3. Hoạt động của Mặt trận", text, StringComparison.Ordinal);
        Assert.Contains("4. Hoạt động của Ban Chỉ đạo", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Song Vân, ngày  11 tháng 01 năm 2024")] // a double space that is only a double space
    [InlineData("đã phối hợp tổ chức 03 cuộc giám sát, 07  cuộc khảo sát.")]
    [InlineData("Chủ tịch UBND xãquan tâm chỉ đạo")] // a lost space is not a lost glyph
    [InlineData("Tinh thần, trách nhiệm của một số thành viên Ban Chỉ đao QCDC")] // a typo, and valid syllables
    [InlineData("- CT và các Phó CT UBND Tỉnh;")] // abbreviations
    [InlineData("Các nội dung của VB này được VB khác thay đổi")]
    [InlineData("T/M BỘ CHÍNH TRỊ")]
    [InlineData("Ban  Chỉ đạo và  các thôn")] // double spaces between real words
    [InlineData("To be  or not to  be, that is the question.")] // English
    public void NeverRepairsValidText(string clean)
    {
        var n = VietnameseNormalizer.Default.Normalize(clean);
        Assert.DoesNotContain(n.Repairs, r => r.Kind is RepairKind.Glyph or RepairKind.Encoding);
    }

    [Fact]
    public void GlyphRepairsAreRecordedAndMapToTheSpacesTheyFill()
    {
        var raw = "III- KẾT QUẢ T ỰC  IỆN PHÁP LUẬT";
        var n = VietnameseNormalizer.Default.Normalize(raw);
        var repair = Assert.Single(n.Repairs, r => r.Kind == RepairKind.Glyph && r.After == "THỰC");
        Assert.Equal("T ỰC", raw.Substring(repair.RawSpan.Start, repair.RawSpan.Length));
        var at = n.Text.IndexOf("THỰC", StringComparison.Ordinal);
        Assert.Equal("T ỰC", n.RawSlice(new TextSpan(at, at + 4)));
    }

    public static TheoryData<string, string> LegacyEncodings => new()
    {
        // TCVN3 (ABC) read as Windows-1252; U+00AD (soft hyphen) is TCVN3's ư (GUIDE §5.3)
        { "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam" },
        { "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc" },
        { "QuyÕt ®Þnh cña Bé tr\u00ADëng vÒ viÖc thùc hiÖn", "Quyết định của Bộ trưởng về việc thực hiện" },
        { "Uû ban nh©n d©n tØnh", "Ủy ban nhân dân tỉnh" },
        // VNI-Windows read as Windows-1252: a letter and its mark bytes
        { "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
        { "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc" },
        // VISCII read as Latin-1
        { "Cµng hòa xã hµi chü nghîa Vi®t Nam, Ðµc l§p - Tñ do - HÕnh phúc", "Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc" },
    };

    [Theory]
    [MemberData(nameof(LegacyEncodings))]
    public void ConvertsLegacyEncodings(string raw, string expected)
    {
        var n = VietnameseNormalizer.Default.Normalize(raw);
        Assert.Equal(expected, n.Text);
        Assert.Contains(n.Repairs, r => r.Kind == RepairKind.Encoding);
    }

    [Theory]
    [InlineData("Nhiệt độ bảo quản từ -20°C đến +50°C; ghi chú «xem Phụ lục».")] // signature characters in clean Unicode
    [InlineData("The café served crème brûlée and jalapeño ñandú; Müller, Ørsted, Straße.")] // English and European names
    [InlineData("Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch")]
    public void LegacyDetectionDoesNotFireOnCleanUnicodeOrEnglish(string clean)
    {
        var n = VietnameseNormalizer.Default.Normalize(clean);
        Assert.DoesNotContain(n.Repairs, r => r.Kind == RepairKind.Encoding);
    }

    [Fact]
    public void ConvertsATcvn3FileReadAsWindows1252()
    {
        var bytes = File.ReadAllBytes(RepoPaths.TestData("encodings", "sample.tcvn3.txt"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var raw = System.Text.Encoding.GetEncoding(1252).GetString(bytes);
        var expected = File.ReadAllText(RepoPaths.TestData("encodings", "sample.utf8.txt")).ToLowerInvariant();
        Assert.Equal(N(expected), N(raw));
    }

    [Theory]
    [InlineData("Cộng hоà xã hội", "Cộng hòa xã hội")] // Cyrillic о
    [InlineData("Việt Nаm", "Việt Nam")] // Cyrillic а
    [InlineData("ỦY ВAN NHÂN DÂN", "ỦY BAN NHÂN DÂN")] // Cyrillic В
    [InlineData("Ѕở Nội vụ", "Sở Nội vụ")] // Cyrillic Ѕ
    [InlineData("Ｓố: ０４/BC-UBND", "Số: 04/BC-UBND")] // full-width Latin and digits
    [InlineData("Москва", "Москва")] // a Russian word stays Russian
    public void ReplacesLatinLookAlikesInsideLatinWords(string raw, string expected) => Assert.Equal(expected, N(raw));
}
