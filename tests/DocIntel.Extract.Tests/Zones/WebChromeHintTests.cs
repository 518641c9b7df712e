using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;
using DocIntel.Extract.Zones;

namespace DocIntel.Extract.Tests.Zones;

/// <summary>The vectorised pre-check before the hint search changes no answer.</summary>
public sealed class WebChromeHintTests
{
    private static bool ContainsAHint(string line) => WebChrome.Hints.Any(h => line.Contains(h, StringComparison.OrdinalIgnoreCase));

    public static TheoryData<string> Files() =>
    [
        .. new[] { "seeds", "dev" }.SelectMany(d => Directory.GetFiles(RepoPaths.TestData(d), "*.txt")).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_line_of_a_real_document_gets_the_plain_searchs_answer(string file)
    {
        var path = new[] { "seeds", "dev" }.SelectMany(d => Directory.GetFiles(RepoPaths.TestData(d), "*.txt")).Single(p => Path.GetFileName(p) == file);
        var raw = File.ReadAllText(path);
        foreach (var line in raw.Split('\n').Concat(VietnameseNormalizer.Default.Normalize(raw).Text.Split('\n')))
        {
            Assert.Equal(ContainsAHint(line), WebChrome.HasHint(line));
        }
    }

    [Theory]
    [InlineData("Bài viết liên quan: THƯ VIỆN PHÁP LUẬT cập nhật", true)]
    [InlineData("thư viện pháp luật", true)]
    [InlineData("PHAP LUAT không dấu", false)]
    [InlineData("XIN LỖI, trang này chưa có bản dịch", true)]
    [InlineData("ĐANG TẢI văn bản", true)]
    [InlineData("Nội dung văn bản đang được cập nhật", false)]
    [InlineData("CHƯA CẬP NHẬT", true)]
    [InlineData("phapluat.vn", true)]
    public void Hints_ignore_case_as_the_plain_search_does(string line, bool expected)
    {
        Assert.Equal(expected, WebChrome.HasHint(line));
        Assert.Equal(ContainsAHint(line), WebChrome.HasHint(line));
    }

    [Theory]
    [InlineData('ậ', "Ậậ")]
    [InlineData('Đ', "Đđ")]
    [InlineData('ư', "Ưư")]
    public void Chars_equal_ignoring_case_are_found_by_trying_all(char c, string expected) =>
        Assert.Equal(expected.Order(), CaselessPhrases.EqualIgnoringCase(c).Order());
}

/// <summary>The quick case variants where Vietnamese letters live are exactly the chars the framework holds equal ignoring case.</summary>
public sealed class CaselessPhrasesTests
{
    [Fact]
    public void Case_variants_of_every_char_where_vietnamese_letters_live_are_those_found_by_trying_all()
    {
        var latin = Enumerable.Range(0, 65536).Select(i => (char)i).Where(CaselessPhrases.IsVietnameseLetterRange).ToList();
        Assert.Contains('ư', latin);
        Assert.Contains('Ỹ', latin);
        var differ = latin.Where(c => !CaselessPhrases.CaseVariants(c).SequenceEqual(CaselessPhrases.EqualIgnoringCase(c).Order())).ToList();
        Assert.Empty(differ);
    }

    [Theory]
    [InlineData("hoàn thành TRƯỚC NGÀY 10/5/2024", true)]
    [InlineData("Chậm Nhất là ngày 15", true)]
    [InlineData("ĐẾN THÁNG 12/2024", true)]
    [InlineData("truoc ngay 10/5/2024", false)]
    [InlineData("định kỳ 6 tháng", false)]
    public void Finds_a_phrase_in_any_case(string text, bool expected)
    {
        var phrases = new CaselessPhrases(["trước", "chậm nhất", "hạn chót", "hoàn thành trong", "đến tháng"]);
        Assert.Equal(expected, phrases.ContainsAny(text));
        Assert.Equal(phrases.Phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)), phrases.ContainsAny(text));
    }
}
