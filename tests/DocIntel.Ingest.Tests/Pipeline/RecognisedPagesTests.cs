using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Pipeline;

/// <summary>Only the pages OCR read have their misread symbols read again; a text layer's page keeps what it says.</summary>
public sealed class RecognisedPagesTests
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);

    private const string Header = "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 12-CV/TW\nHà Nội, ngày 21 tháng 11 năm 2025\nKính gửi: các tỉnh ủy, thành ủy";
    private const string Cited = "Thực hiện văn bản số 213-KIL/TW ngày 21/11/2025 của Ban Bí thư về tổ chức triển khai.";

    private static IReadOnlyList<string> Keys(params (string Text, string Origin)[] pages)
    {
        var pipeline = new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference.Value, ExtractionOptions.Default));
        var source = new SourceText("scan.pdf", new string('a', 64), 1000,
            pages.Select((p, i) => new SourcePage(i + 1, p.Text, p.Origin, p.Origin == TextOrigins.Ocr ? 88 : null)).ToList(), []);
        return pipeline.Extract(source).Single().Analysis.Citations.Select(c => c.Key).ToList();
    }

    [Fact]
    public void AnOcrPagesMisreadCodeIsReadAsTheCodeMeant() =>
        Assert.Equal(["213-KL/TW"], Keys((Header, TextOrigins.Ocr), (Cited, TextOrigins.Ocr)));

    [Fact]
    public void InAMixedFileOnlyTheOcrPageIsReadAgain()
    {
        Assert.Equal(["213-KL/TW"], Keys((Header, TextOrigins.TextLayer), (Cited, TextOrigins.Ocr)));
        Assert.Equal(["213-KIL/TW"], Keys((Header, TextOrigins.Ocr), (Cited, TextOrigins.TextLayer)));
    }
}
