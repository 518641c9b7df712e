using System.Text;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Ingest.Ocr;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Readers;

/// <summary>Every kind of bad input gives one clear reason naming what is wrong; nothing throws.</summary>
public sealed class BadInputTests
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);

    internal static DocumentPipeline Pipeline(ReadOptions? options = null) =>
        new DocumentPipeline(FileReaders.Default, VietnameseNormalizer.Default, new DocumentExtractor(Reference.Value, ExtractionOptions.Default))
            .With(options ?? ReadOptions.Default);

    private static byte[] Scan(string name) => File.ReadAllBytes(RepoPaths.TestData("scans", name));

    [Fact]
    public async Task ZeroByteFile()
    {
        var r = await Pipeline().RunAsync("empty.pdf", [], CancellationToken.None);
        Assert.Equal("empty file (0 bytes)", r.Error);
    }

    [Fact]
    public async Task TruncatedPdf()
    {
        var bytes = Scan("000_1afb2497f3ceea48.pdf");
        var r = await Pipeline().RunAsync("cut.pdf", bytes[..(bytes.Length / 3)], CancellationToken.None);
        Assert.False(r.Succeeded);
        Assert.Contains("PDF cannot be parsed (corrupt or truncated)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncryptedPdfWithoutPasswordSaysSo()
    {
        var r = await Pipeline().RunAsync("secret.pdf", Scan("000-encrypted.pdf"), CancellationToken.None);
        Assert.Equal("PDF is encrypted: give its password with --password", r.Error);
    }

    [Fact]
    public async Task EncryptedPdfWithAWrongPassword()
    {
        var r = await Pipeline(new ReadOptions { Password = "wrong" }).RunAsync("secret.pdf", Scan("000-encrypted.pdf"), CancellationToken.None);
        Assert.Contains("password given does not open it", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncryptedPdfOpensWithItsPassword()
    {
        var r = await Pipeline(new ReadOptions { Password = "docintel" }).RunAsync("secret.pdf", Scan("000-encrypted.pdf"), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        Assert.Contains("Ủy ban", r.Documents[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, byte[], string> LyingFiles => new()
    {
        { "photo.pdf", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], "not a PDF (no %PDF header): the extension does not match the content (it is a JPEG image)" },
        { "scan.tif", Encoding.ASCII.GetBytes("<html><body>not a tiff</body></html>"), "not an image: the content does not match the extension '.tif'" },
        { "table.xlsx", [0x50, 0x4B, 3, 4, 0, 0], "unsupported file type '.xlsx'" },
        { "letter.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "unsupported file type '.doc'" },
        { "word.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip"), "DOCX cannot be opened" },
    };

    [Theory]
    [MemberData(nameof(LyingFiles))]
    public async Task FileWhoseExtensionLiesOrIsUnsupported(string name, byte[] bytes, string reason)
    {
        var r = await Pipeline().RunAsync(name, bytes, CancellationToken.None);
        Assert.False(r.Succeeded);
        Assert.StartsWith(reason, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecompressionBombIsRefusedFromItsHeader()
    {
        var r = await Pipeline().RunAsync("bomb.png", TestPdfs.PngHeader(60_000, 60_000), CancellationToken.None);
        Assert.False(r.Succeeded);
        Assert.Contains("60000×60000 pixels is over the limit", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScannedPageOverThePixelLimitIsReportedNotDecoded()
    {
        var options = new ReadOptions { Limits = new ImageLimits { MaxPixelsPerPage = 1_000_000 } };
        var r = await Pipeline(options).RunAsync("scan.pdf", Scan("002_209883ea81caa762.scan300.pdf"), CancellationToken.None);
        Assert.False(r.Succeeded);
        Assert.Contains("over the limit of 1 megapixels", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfWithMorePagesThanTheLimit()
    {
        var pdf = TestPdfs.TextPages(12, p => $"Trang {p}");
        var r = await Pipeline(new ReadOptions { Limits = new ImageLimits { MaxPages = 10 } }).RunAsync("long.pdf", pdf, CancellationToken.None);
        Assert.Equal("PDF has 12 pages, more than the limit of 10", r.Error);
    }

    [Fact]
    public async Task ThousandPagePdfIsReadPageByPageInBoundedMemory()
    {
        var pdf = TestPdfs.TextPages(1000, p => $"Uy ban nhan dan tinh Thai Binh, cong van so {p}/UBND-NC ve viec trien khai thuc hien dan chu o co so");
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var read = await FileReaders.Create(ReadOptions.Default).ReadAsync("long.pdf", pdf, "sha", CancellationToken.None);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(1000, read.Text!.Pages.Count);
        Assert.Contains("so 1000/UBND-NC", read.Text.Pages[^1].Text, StringComparison.Ordinal);
        // What stays is the text (about 100 KB here), not the parsed pages.
        Assert.True(after - before < 50_000_000, $"{(after - before) / 1_000_000} MB retained");
        read.Text.Images?.Dispose();
    }

    [Fact]
    public async Task TruncatedJpegIsReadWithAWarningOrRefusedClearly()
    {
        var jpeg = Scan("004-top.jpg");
        var r = await Pipeline().RunAsync("cut.jpg", jpeg[..(jpeg.Length / 2)], CancellationToken.None);
        if (r.Succeeded) Assert.Contains(r.Documents[0].Quality.Warnings, w => w.Contains("JPEG is truncated", StringComparison.Ordinal));
        else Assert.Contains("truncated", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedScanWhoseStampLivesInAnAnnotationHasNoPageTextAndNeedsOcr()
    {
        // The signature box of these Bộ Công an copies is a form-field appearance, not page content (pdftotext shows it,
        // PdfPig's page text does not): the page reads as empty and goes to OCR.
        var path = RepoPaths.TestData("pdf", "p004_4409-BCA-C04.signed.pdf");
        var read = await FileReaders.Create(ReadOptions.Default with { Ocr = false }).ReadAsync(path, await File.ReadAllBytesAsync(path), "sha", CancellationToken.None);
        Assert.True(read.Succeeded, read.Error);
        var first = read.Text!.Pages[0];
        Assert.DoesNotContain("Thời gian ký", first.Text, StringComparison.Ordinal);
        var verdict = PageGate.Assess(first);
        Assert.True(verdict.NeedsOcr);
        Assert.Equal("no text layer", verdict.Reason);
        Assert.True(first.ImageCoverage > 0.8);
    }
}
