using System.Text.Json.Nodes;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Evaluation;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;

namespace DocIntel.Extract.Tests.Pipeline;

/// <summary>The whole extraction stage on the five hand-checked seed documents.</summary>
public sealed class SeedExtractionTests
{
    private static readonly DocumentExtractor Extractor = new(TestReference.Value, ExtractionOptions.Default);

    private static IReadOnlyList<ExtractedDocument> ExtractFile(string name)
    {
        var path = RepoPaths.TestData("seeds", name);
        var n = VietnameseNormalizer.Default.Normalize(File.ReadAllText(path));
        return Extractor.Extract(n)
            .Select(a => new ExtractedDocument(new SourceInfo(path, new string('0', 64), a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), n.Text))
            .ToList();
    }

    [Fact]
    public void EverySeedFieldMatchesTheGoldFile()
    {
        var gold = File.ReadAllLines(RepoPaths.TestData("seeds", "expected.jsonl")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var actual = Directory.EnumerateFiles(RepoPaths.TestData("seeds"), "*.txt").Order()
            .SelectMany(f => ExtractFile(Path.GetFileName(f))).Select(d => ExtractJson.ToJson(d)).ToList();
        var report = new GoldEvaluator(TestReference.Value.Registry).Evaluate(gold, actual);
        Assert.All(report.Fields, f => Assert.True(f.Accuracy == 1.0, $"{f.Field}: {f.Correct}/{f.Total}; " + string.Join("; ", report.Mismatches.Where(m => m.Field == f.Field).Select(m => $"{m.DocumentId} expected {m.Expected} got {m.Actual}"))));
        Assert.True(report.F1 >= 0.95, $"citation F1 {report.F1:F3}");
    }

    [Fact]
    public void SplitsTheCoverLetterFromTheDocumentItForwards()
    {
        var docs = ExtractFile("004_5eb50ab86d8b2fa5.txt");
        Assert.Equal(2, docs.Count);
        Assert.Equal("1140/UBND-NCKS", docs[0].Analysis.Number?.Value);
        Assert.Equal("44-CV/BCĐ", docs[1].Analysis.Number?.Value);
        var forwarded = Assert.Single(docs[0].Analysis.Citations);
        Assert.Equal("forwards", forwarded.Relation);
        Assert.Equal("44-CV/BCĐ", forwarded.Key);
    }

    [Fact]
    public void EveryValueCarriesTheSpanItCameFrom()
    {
        var doc = ExtractFile("000_1afb2497f3ceea48.txt")[0];
        var a = doc.Analysis;
        Assert.Equal("585-CV/ĐU", doc.Text.Substring(a.Number!.Span.Start, a.Number.Span.Length));
        Assert.Contains("ngày 06 tháng 8 năm 2024", doc.Text.Substring(a.IssuedDate!.Span.Start, a.IssuedDate.Span.Length), StringComparison.Ordinal);
        Assert.Equal("Phạm Thị Hiền", doc.Text.Substring(a.Signer!.NameSpan!.Value.Start, a.Signer.NameSpan.Value.Length));
        Assert.All(a.Citations, c => Assert.All(c.Spans, s => Assert.True(s.End <= doc.Text.Length && s.Length > 0)));
        var nd59 = a.Citations.Single(c => c.Key == "59/2023/NĐ-CP");
        Assert.Contains("59/2023/NĐ-CP", doc.Text.Substring(nd59.Spans[0].Start, nd59.Spans[0].Length), StringComparison.Ordinal);
    }

    [Fact]
    public void ProvinceFromTheGazetteerIsMarkedInferred()
    {
        var a = ExtractFile("000_1afb2497f3ceea48.txt")[0].Analysis;
        Assert.Equal("Quảng Ngãi", a.Issuer?.Province);
        Assert.Contains("issuer.province", a.Inferred);
    }
}
