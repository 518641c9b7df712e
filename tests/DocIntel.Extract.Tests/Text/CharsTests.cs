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
}
