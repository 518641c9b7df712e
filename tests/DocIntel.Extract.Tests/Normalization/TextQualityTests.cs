using System.Text;
using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Tests.Normalization;

public sealed class TextQualityTests
{
    private static string Seed001 => File.ReadAllText(RepoPaths.TestData("seeds", "001_bf2fac1579fa6850.txt"));

    private static string Tcvn3Page()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetString(File.ReadAllBytes(RepoPaths.TestData("encodings", "sample.tcvn3.txt")));
    }

    [Fact]
    public void DamagedSeedScoresClearlyBelowItsRepairedFormAndMojibakeBelowBoth()
    {
        var raw = TextQuality.Score(Seed001);
        var repaired = TextQuality.Score(VietnameseNormalizer.Default.Normalize(Seed001).Text);
        var mojibake = TextQuality.Score(Tcvn3Page());
        Assert.True(raw.Score + 0.05 < repaired.Score, $"raw {raw.Score:F3} should be clearly below repaired {repaired.Score:F3}");
        Assert.True(mojibake.Score + 0.3 < raw.Score, $"TCVN3 {mojibake.Score:F3} should be below raw {raw.Score:F3}");
        Assert.Contains(raw.Reasons, r => r.Contains("damaged glyphs", StringComparison.Ordinal));
        Assert.Contains(raw.Reasons, r => r.Contains("broken words", StringComparison.Ordinal));
        Assert.Contains(mojibake.Reasons, r => r.Contains("legacy-encoding", StringComparison.Ordinal));
        Assert.Empty(repaired.Reasons);
    }

    [Fact]
    public void ConvertedLegacyTextScoresLikeCleanText()
    {
        var converted = TextQuality.Score(VietnameseNormalizer.Default.Normalize(Tcvn3Page()).Text);
        Assert.True(converted.Score > 0.95, $"{converted.Score:F3}");
    }

    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Thái Bình tổ chức triển khai thực hiện", 0.95)]
    [InlineData("The quick brown fox jumps over the lazy dog, 2024.", 0.95)] // English is plain text, not damage
    [InlineData("Céng hßa x· héi chñ nghÜa ViÖt Nam", 0.0)]
    [InlineData("CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM, HiÇn nay, trên dËa bàn tÉinh", 0.0)] // a broken font map (corpus p003)
    [InlineData("(cid:12)(cid:45)(cid:77) (cid:3)(cid:9)", 0.0)]
    public void ScoresCleanTextHighAndDamageLow(string text, double atLeast)
    {
        var score = TextQuality.Score(text).Score;
        if (atLeast > 0) Assert.True(score >= atLeast, $"{score}");
        else Assert.True(score < 0.6, $"{score}");
    }
}
