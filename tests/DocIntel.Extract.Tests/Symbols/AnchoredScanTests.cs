using System.Text.RegularExpressions;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DocIntel.Extract.Tests.Symbols;

/// <summary>The scans tried only at candidate places find exactly what the whole-text regexes find.</summary>
public sealed class AnchoredScanTests
{
    private static readonly string[] Documents =
    [
        .. Directory.GetFiles(RepoPaths.TestData("seeds"), "*.txt"),
        .. Directory.GetFiles(RepoPaths.TestData("dev"), "*.txt"),
    ];

    public static TheoryData<string> Files() => [.. Documents.Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    private static string Normalized(string name) =>
        VietnameseNormalizer.Default.Normalize(File.ReadAllText(Documents.Single(d => Path.GetFileName(d) == name))).Text;

    private static (int, int, string)[] Shape(IEnumerable<Match> matches) => matches.Select(m => (m.Index, m.Length, m.Value)).ToArray();

    private static List<Match> ScanLaws(string text) =>
        AnchoredScan.Matches(CitationFinder.NamedLawAt(), text, AnchoredScan.PositionsOf(text, "Bộ luật", "Luật", "Pháp lệnh"));

    [Theory]
    [MemberData(nameof(Files))]
    public void SymbolScanFindsWhatTheSymbolRegexFinds(string file)
    {
        var text = Normalized(file);
        Assert.Equal(Shape(SymbolPattern.InText().Matches(text)), Shape(SymbolPattern.FindInText(text)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LawScanFindsWhatTheLawRegexFinds(string file)
    {
        var text = Normalized(file);
        var whole = CitationFinder.NamedLaw().Matches(text);
        var scanned = ScanLaws(text);
        Assert.Equal(Shape(whole), Shape(scanned));
        Assert.Equal(
            whole.Select(m => (m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["y"].Value)),
            scanned.Select(m => (m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["y"].Value)));
    }

    [Theory]
    [InlineData("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023", "59/2023/NĐ-CP")]
    [InlineData("các Nghị quyết số 18-\nNQ/TW, 19-NQ/TW", "18-\nNQ/TW|19-NQ/TW")]
    [InlineData("Kế hoạch 26- KH/TU và số145/2020/NĐ-CP", "26- KH/TU|145/2020/NĐ-CP")]
    [InlineData("ngày 10/11/2022, điện thoại 0203.3825.123", "")]
    public void SymbolScanFindsSymbolsInRunningText(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', SymbolPattern.FindInText(text).Select(m => m.Value)));

    // Fragments where symbols, dates, spaces, line breaks and OCR look-alikes meet.
    private static readonly string[] Pieces =
    [
        "59", "2023", "/", "-", " ", "\n", "NĐ", "CP", "Ð", "QH15", "số", "Số", "O4", "l20", "I", "l", "O", "KL", "TW", "18", "NQ",
        "145", "2020", "ngày", "14/8/2023", ",", ".", "a", "Luật", "Bộ luật", "Pháp lệnh", "Đất đai", "năm", "và", "X", "UBND", "1",
    ];

    public static Arbitrary<string> SymbolLike() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500, Arbitrary = [typeof(AnchoredScanTests)])]
    public bool SymbolScanMatchesTheRegexOnAnyText(string text) =>
        Shape(SymbolPattern.InText().Matches(text)).SequenceEqual(Shape(SymbolPattern.FindInText(text)));

    [Property(MaxTest = 500, Arbitrary = [typeof(AnchoredScanTests)])]
    public bool LawScanMatchesTheRegexOnAnyText(string text) =>
        Shape(CitationFinder.NamedLaw().Matches(text)).SequenceEqual(Shape(ScanLaws(text)));
}
