using DocIntel.Extract.Normalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DocIntel.Extract.Tests.Normalization;

/// <summary>The span lookup text scoring uses answers exactly what the string key does.</summary>
public sealed class SyllableLexiconTests
{
    private static readonly SyllableLexicon Lexicon = SyllableLexicon.Embedded;

    [Theory]
    [InlineData("thực", true)]
    [InlineData("HIỆN", true)] // capitals
    [InlineData("Nghị", true)]
    [InlineData("hoà", true)] // new tone placement: the key moves the mark (hòa)
    [InlineData("THUỶ", true)] // the same in capitals (thủy)
    [InlineData("khoẻ", true)]
    [InlineData("đảng", true)]
    [InlineData("ƣơng", false)] // a font's broken ư
    [InlineData("thc", false)] // a glyph dropped
    [InlineData("nghiêng", true)]
    [InlineData("qủa", true)] // the mark on the u of qu: the key moves it (quả)
    [InlineData("Ωmega", false)] // a letter beyond the lower-casing table
    public void ContainsWordAnswersAsTheStringKey(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.ContainsWord(word));
        Assert.Equal(Lexicon.Contains(SyllableLexicon.Key(word)), Lexicon.ContainsWord(word));
    }

    private static readonly string[] Letters =
        "a ă â e ê i o ô ơ u ư y á à ả ã ạ ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ é è ẻ ẽ ẹ ế ề ể ễ ệ í ì ỉ ĩ ị ó ò ỏ õ ọ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x A Ă Â Đ Ê Ô Ơ Ư Ó Ò Ủ Ỹ Ệ NG TH Ω"
            .Split(' ');

    public static Arbitrary<string> Words() =>
        Gen.ArrayOf(Gen.Elements(Letters)).Select(parts => string.Concat(parts.Take(6))).Where(w => w.Length > 0).ToArbitrary();

    [Property(MaxTest = 2000, Arbitrary = [typeof(SyllableLexiconTests)])]
    public bool ContainsWordIsContainsOfKey(string word) =>
        Lexicon.ContainsWord(word) == Lexicon.Contains(SyllableLexicon.Key(word));
}
