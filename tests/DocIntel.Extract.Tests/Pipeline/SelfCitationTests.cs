using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;

namespace DocIntel.Extract.Tests.Pipeline;

public sealed class SelfCitationTests
{
    private static readonly DocumentExtractor Extractor = new(TestReference.Value, ExtractionOptions.Default);

    private static IEnumerable<string> Keys(string devFile) =>
        Extractor.Extract(VietnameseNormalizer.Default.Normalize(File.ReadAllText(RepoPaths.TestData("dev", devFile))))[0].Citations.Select(c => c.Key);

    [Fact]
    public void TheCharterDoesNotCiteItself() => Assert.DoesNotContain("ĐIỀU-LỆ-ĐẢNG", Keys("c004.txt"));

    [Fact]
    public void ARegulationBasedOnTheCharterStillCitesIt() => Assert.Contains("ĐIỀU-LỆ-ĐẢNG", Keys("c001.txt"));

    [Fact]
    public void ADocumentsOwnNumberInItsClosingIsNotACitation() => Assert.DoesNotContain("221-KL/TW", Keys("c002.txt"));
}
