using DocIntel.Ingest.Layout;
using DocIntel.Ingest.Ocr;

namespace DocIntel.Ingest.Tests.Ocr;

/// <summary>What is dropped from an OCR reading as scanner dust, and how low-resolution pages are scaled before OCR.</summary>
public sealed class OcrNoiseTests
{
    // Boxes and confidences as Tesseract gave them on make-scan's c019 scan300 pages (300 dpi).
    public static readonly TheoryData<string, double, double, double?, bool> Words = new()
    {
        { ":", 2, 2, 0.0, true },           // dust speck
        { "_", 3, 3, 0.0, true },
        { "-_", 2, 2, 20.2, true },
        { ".", 3, 3, 67.6, true },          // tiny even when fairly sure
        { ":", 4, 3, 31.2, true },
        { "~", 12, 8, 70.6, true },         // not tiny, but unsure
        { "-", 15, 5, 93.1, false },        // dash of a list item
        { ":", 7, 7, 92.5, false },
        { "./.", 30, 8, 88.0, false },      // end mark of a document
        { "ý", 28, 54, 96.5, false },       // letters are never specks
        { "đ", 2, 2, 10.0, false },
        { "5", 3, 3, 0.0, false },          // nor digits
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void SpecksAreTinyOrUnsureWordsWithoutLettersOrDigits(string text, double width, double height, double? confidence, bool speck)
    {
        var word = new LayoutWord(text, 100, 200, 100 + width, 200 + height, confidence);
        Assert.Equal(speck, OcrService.IsSpeck(word, 300));
    }

    [Fact]
    public void ABilevel200DpiPageIsScaledToGrey300Dpi()
    {
        NativeSetup.EnsureLoaded();
        using var bilevel = LeptPix.Wrap(TesseractNative.pixCreate(200, 100, 1))!;
        bilevel.SetResolution(200);
        using var scaled = bilevel.ScaleGray(1.5, 300);
        Assert.Equal((300, 150, 8, 300), (scaled.Width, scaled.Height, scaled.Depth, scaled.XResolution));
    }
}
