using System.Text;
using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Tests.Normalization;

public sealed class VietnameseNormalizerTests
{
    private static string N(string s) => VietnameseNormalizer.Default.Normalize(s).Text;

    public static TheoryData<string, string> Repairs => new()
    {
        // PDF fonts whose ToUnicode map points ư at "oi" (seed 001)
        { "phƣơng hƣớng, nhiệm vụ năm 2024", "phương hướng, nhiệm vụ năm 2024" },
        { "NGƢỜI ĐỨNG ĐẦU", "NGƯỜI ĐỨNG ĐẦU" },
        // one tone placement: the traditional one of the gazetteer and most official texts
        { "Uỷ ban nhân dân xã", "Ủy ban nhân dân xã" },
        { "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
        { "Khánh Hoà", "Khánh Hòa" },
        { "thuỷ lợi, tuỳ theo", "thủy lợi, tùy theo" },
        { "sức khoẻ", "sức khỏe" },
        { "Đảng bộ khoá XIII", "Đảng bộ khóa XIII" },
        // misplaced mark before a final consonant (seed 003)
        { "Trên đây là Kế họach", "Trên đây là Kế hoạch" },
        // qu- keeps its mark where it is: quý, quả are the same in both styles
        { "quý IV, kết quả", "quý IV, kết quả" },
        // dashes, spaces, invisible characters
        { "Nghị định số 59/2023/NĐ‐CP", "Nghị định số 59/2023/NĐ-CP" },
        { "Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc" },
        { "Số:\u00A004/BC-UBND", "Số: 04/BC-UBND" },
        { "dân\u200B chủ", "dân chủ" },
        { "Nghị\u00ADđịnh", "Nghịđịnh" },
        // Icelandic eth from VISCII or OCR
        { "59/2023/NÐ-CP", "59/2023/NĐ-CP" },
        // markdown residue of web pages (seed 000)
        { "**ĐẢNG BỘ HUYỆN BÌNH SƠN**", "ĐẢNG BỘ HUYỆN BÌNH SƠN" },
        { "### **3. Ban chỉ đạo**", "3. Ban chỉ đạo" },
        { "*Bình Chương, ngày 06 tháng 8 năm 2024*", "Bình Chương, ngày 06 tháng 8 năm 2024" },
        { "\\*", "*" },
        // symbols cut at a line end (seed 001)
        { "Nghị quyết số 18-\nNQ/TW", "Nghị quyết số 18-NQ/TW" },
        { "Pháp lệnh số 34/2007/PL-\nUBTVQH11 về", "Pháp lệnh số 34/2007/PL-UBTVQH11 về" },
        // ... but not a phrase broken after a spaced dash
        { "kinh tế -\nxã hội", "kinh tế -\nxã hội" },
        // white space
        { "Song Vân, ngày  11 tháng 01", "Song Vân, ngày 11 tháng 01" },
        { "dòng một \n\n\n\ndòng hai", "dòng một\n\ndòng hai" },
    };

    [Theory]
    [MemberData(nameof(Repairs))]
    public void RepairsRealDamage(string raw, string expected) => Assert.Equal(expected, N(raw));

    public static TheoryData<string> CleanText => new()
    {
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị",
        "The quick brown fox, 2024.",
        "Điều 5. Quyền và nghĩa vụ",
    };

    [Theory]
    [MemberData(nameof(CleanText))]
    public void LeavesCleanTextAlone(string clean)
    {
        var n = VietnameseNormalizer.Default.Normalize(clean);
        Assert.Equal(clean, n.Text);
        Assert.DoesNotContain(n.Repairs, r => r.Kind is RepairKind.Glyph or RepairKind.Tone);
    }

    [Theory]
    [InlineData("Nghị định số 59/2023/NĐ-CP của Chính phủ")]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("Thực hiện dân chủ ở cơ sở, Uỷ ban nhân dân")]
    public void DecomposedInputGivesTheSameTextAsComposed(string text)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(text, nfd);
        Assert.Equal(N(text), N(nfd));
    }

    [Fact]
    public void OffsetsMapRepairedTextBackToTheRawText()
    {
        var raw = "Ý kiến  **phƣơng hƣớng**  Uỷ ban";
        var n = VietnameseNormalizer.Default.Normalize(raw);
        var at = n.Text.IndexOf("phương", StringComparison.Ordinal);
        Assert.Equal("phƣơng", n.RawSlice(new Text.TextSpan(at, at + "phương".Length)));
        var uy = n.Text.IndexOf("Ủy", StringComparison.Ordinal);
        Assert.Equal("Uỷ", n.RawSlice(new Text.TextSpan(uy, uy + 2)));
    }

    [Fact]
    public void RecordsEveryGlyphRepairWithItsRawPosition()
    {
        var raw = "nhà nƣớc";
        var n = VietnameseNormalizer.Default.Normalize(raw);
        var repair = Assert.Single(n.Repairs, r => r.Kind == RepairKind.Glyph);
        Assert.Equal(5, repair.RawSpan.Start);
        Assert.Equal("ƣ", repair.Before);
        Assert.Equal("ư", repair.After);
    }

    [Fact]
    public void SeedWithDamagedTextLayerComesOutWithoutOi()
    {
        var raw = File.ReadAllText(RepoPaths.TestData("seeds", "001_bf2fac1579fa6850.txt"));
        var text = N(raw);
        Assert.DoesNotContain('ƣ', text);
        Assert.Contains("phương hướng, nhiệm vụ năm 2024", text, StringComparison.Ordinal);
        Assert.Contains("34/2007/PL-UBTVQH11", text, StringComparison.Ordinal);
        Assert.Contains("18-NQ/TW", text, StringComparison.Ordinal);
    }
}
