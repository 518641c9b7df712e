using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Tests.Normalization;

public sealed class TextQualityTests
{
    [Fact]
    public void DamagedSeedScoresBelowItsNormalisedForm()
    {
        var raw = File.ReadAllText(RepoPaths.TestData("seeds", "001_bf2fac1579fa6850.txt"));
        var before = TextQuality.Score(raw);
        var after = TextQuality.Score(VietnameseNormalizer.Default.Normalize(raw).Text);
        Assert.True(before.Score < after.Score, $"raw {before.Score} should be below normalised {after.Score}");
        Assert.NotEmpty(before.Reasons);
    }

    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Thái Bình tổ chức triển khai thực hiện", 0.95)]
    [InlineData("Céng hßa x· héi chñ nghÜa ViÖt Nam", 0.0)]
    public void ScoresCleanVietnameseHighAndMojibakeLow(string text, double atLeast)
    {
        var score = TextQuality.Score(text).Score;
        if (atLeast > 0) Assert.True(score >= atLeast, $"{score}");
        else Assert.True(score < 0.6, $"{score}");
    }
}
