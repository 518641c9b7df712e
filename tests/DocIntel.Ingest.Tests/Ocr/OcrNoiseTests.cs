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

/// <summary>Capitals read for small letters of the same shape (make-scan pages: "ở CƠ SỞ", "các SỞ, ban").</summary>
public sealed class CaseTwinsTests
{
    [Theory]
    [InlineData("thực hiện dân chủ ở CƠ SỞ trên địa bàn", "thực hiện dân chủ ở cơ sở trên địa bàn")]
    [InlineData("các SỞ, ban, ngành", "các sở, ban, ngành")]
    [InlineData("đơn VỊ CÓ liên quan", "đơn VỊ CÓ liên quan")]          // Ị is not a twin letter: left alone
    [InlineData("nếu CÓ vướng mắc", "nếu có vướng mắc")]
    [InlineData("Quốc hội khóa XV đã thông qua", "Quốc hội khóa XV đã thông qua")]   // numeral
    [InlineData("theo mẫu CV số 3", "theo mẫu CV số 3")]                 // code
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")]
    [InlineData("BAN CHỈ ĐẠO CƠ SỞ", "BAN CHỈ ĐẠO CƠ SỞ")]               // heading: no small letters around
    [InlineData("Sở Nội vụ", "Sở Nội vụ")]
    public void CapitalsOfTwinLettersBetweenSmallWordsBecomeSmall(string read, string expected)
    {
        var words = read.Split(' ').Select((w, i) => new LayoutWord(w, i * 100, 0, i * 100 + 80, 30)).ToList();
        Assert.Equal(expected, string.Join(" ", CaseTwins.Fix(words).Select(w => w.Text)));
    }
}
