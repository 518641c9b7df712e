using DocIntel.Extract.Misreadings;
using DocIntel.Extract.Text;
using FsCheck.Xunit;

namespace DocIntel.Extract.Tests.Misreadings;

public sealed class RecognisedTextTests
{
    [Theory]
    [InlineData(0, 5, true)]
    [InlineData(10, 20, true)] // two touching spans are one
    [InlineData(15, 31, false)]
    [InlineData(40, 45, false)]
    [InlineData(29, 30, true)]
    public void CoversOnlySpansWhollyInsideRecognisedText(int start, int end, bool expected)
    {
        var recognised = new RecognisedText([new TextSpan(0, 15), new TextSpan(15, 30), new TextSpan(50, 60)]);
        Assert.Equal(expected, recognised.Covers(new TextSpan(start, end)));
    }

    [Fact]
    public void NothingIsRecognisedInTypedText() => Assert.False(RecognisedText.None.Covers(new TextSpan(0, 1)));

    [Property(MaxTest = 300)]
    public bool CoversAgreesWithCheckingEveryCharacter(int seed)
    {
        var random = new Random(seed);
        var spans = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, 100)).Select(s => new TextSpan(s, s + random.Next(0, 20))).ToList();
        var recognised = new RecognisedText(spans);
        for (var k = 0; k < 30; k++)
        {
            var a = random.Next(0, 120);
            var span = new TextSpan(a, a + random.Next(1, 25));
            var everyCharacter = Enumerable.Range(span.Start, span.Length).All(i => spans.Any(s => s.Contains(i)));
            if (recognised.Covers(span) != everyCharacter) return false;
        }
        return true;
    }
}
