using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.TextTests;

/// <summary>The inline character tests give the framework's answer for every char, not only the Vietnamese ones.</summary>
public sealed class CharsTests
{
    [Fact]
    public void White_space_is_the_frameworks_for_every_char()
    {
        var differ = Enumerable.Range(0, 65536).Select(i => (char)i).Where(c => Chars.IsWhiteSpace(c) != char.IsWhiteSpace(c)).ToList();
        Assert.Empty(differ);
    }

    [Fact]
    public void Letter_or_digit_is_the_frameworks_for_every_char()
    {
        var differ = Enumerable.Range(0, 65536).Select(i => (char)i).Where(c => Chars.IsLetterOrDigit(c) != char.IsLetterOrDigit(c)).ToList();
        Assert.Empty(differ);
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\u00A0', true)]
    [InlineData('\u3000', true)]
    [InlineData('ư', false)]
    [InlineData('ệ', false)]
    public void White_space_on_sample_chars(char c, bool expected) => Assert.Equal(expected, Chars.IsWhiteSpace(c));

    [Theory]
    [InlineData('Đ', true)]
    [InlineData('ữ', true)]
    [InlineData('7', true)]
    [InlineData('/', false)]
    [InlineData('-', false)]
    [InlineData('[', false)]
    [InlineData('`', false)]
    public void Letter_or_digit_on_sample_chars(char c, bool expected) => Assert.Equal(expected, Chars.IsLetterOrDigit(c));

    [Fact]
    public void Upper_case_is_the_frameworks_for_every_char()
    {
        var differ = Enumerable.Range(0, 65536).Select(i => (char)i).Where(c => Chars.ToUpperInvariant(c) != char.ToUpperInvariant(c)).ToList();
        Assert.Empty(differ);
    }

    [Theory]
    [InlineData("luật thực hiện dân chủ ở cơ sở", "LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ")]
    [InlineData("Nghị quyết số 27-NQ/TW", "NGHỊ QUYẾT SỐ 27-NQ/TW")]
    [InlineData("đảng ủy xã ea tul", "ĐẢNG ỦY XÃ EA TUL")]
    [InlineData("HIẾN PHÁP 2013", "HIẾN PHÁP 2013")] // already capitals: the same string back
    [InlineData("ǆ ß ﬁ", "Ǆ ß ﬁ")] // the framework's simple mappings, whatever they are (ß has no one-letter capital)
    [InlineData("ἀρχή", "ἈΡΧΉ")] // beyond the table: the framework's own call
    [InlineData("", "")]
    public void Upper_case_of_strings_is_the_frameworks(string s, string expected)
    {
        Assert.Equal(s.ToUpperInvariant(), Chars.ToUpperInvariant(s));
        Assert.Equal(expected, Chars.ToUpperInvariant(s));
    }

    [Fact]
    public void Upper_case_of_a_string_holding_every_table_char_is_the_frameworks()
    {
        var all = new string(Enumerable.Range(0, 0x1F00).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());
        Assert.Equal(all.ToUpperInvariant(), Chars.ToUpperInvariant(all));
    }
}
