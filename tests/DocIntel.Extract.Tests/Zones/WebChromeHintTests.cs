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
