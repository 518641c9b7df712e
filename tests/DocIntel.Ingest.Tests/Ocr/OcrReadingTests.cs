using DocIntel.Ingest.Readers;
using DocIntel.Ingest.Tests.Readers;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace DocIntel.Ingest.Tests.Ocr;

/// <summary>
/// OCR end to end on the committed scans (testdata/scans, made by scripts/make-scans.sh). OCR costs 2–5 s a page on
/// the project's 2-core machines, so these few tests use one- and two-page inputs or small crops.
/// </summary>
public sealed class OcrReadingTests
{
    private static string Scan(string name) => RepoPaths.TestData("scans", name);

    [Fact]
    public async Task ImageOnlyPdfOfSeed004GivesTheFactsOfItsTextVersion()
    {
        var pipeline = BadInputTests.Pipeline();
        var text = await pipeline.RunAsync(RepoPaths.TestData("seeds", "004_5eb50ab86d8b2fa5.txt"), CancellationToken.None);
        var scan = await pipeline.RunAsync(Scan("004_5eb50ab86d8b2fa5.scan300.pdf"), CancellationToken.None);
        Assert.True(scan.Succeeded, scan.Error);
        Assert.Equal("ocr", scan.Documents[0].Source.TextOrigin);
        // Both documents of the file: the cover letter and the forwarded Ban Chỉ đạo letter (whose scan puts its parent
        // and its own name on one header line, and reads 59/2023/NĐ-CP as 99/2023/NĐ-CP once).
        Assert.Equal(text.Documents.Count, scan.Documents.Count);
        foreach (var (t, s) in text.Documents.Select(d => d.Analysis).Zip(scan.Documents.Select(d => d.Analysis)))
        {
            Assert.Equal(t.Number?.Value, s.Number?.Value);
            Assert.Equal(t.IssuedDate?.Value, s.IssuedDate?.Value);
            Assert.Equal(t.Issuer?.Name, s.Issuer?.Name);
            Assert.Equal(t.Issuer?.Parent, s.Issuer?.Parent);
            Assert.Equal(t.Citations.Select(c => c.Key).Order(), s.Citations.Select(c => c.Key).Order());
        }
        var pages = scan.Documents[0].Quality.Pages!;
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.True(p.Origin == "ocr" && p.OcrConfidence > 80, $"page {p.Page}: {p.Origin} {p.OcrConfidence}"));
    }

    [Theory]
    [InlineData("004-top.jpg")]
    [InlineData("004-top.png")]
    [InlineData("004-top.webp")]
    public async Task ReadsTheHeaderOfAScannedPageInEachImageFormat(string file)
    {
        var r = await BadInputTests.Pipeline().RunAsync(Scan(file), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        var doc = r.Documents[0];
        // The hyphen of "UBND-NCKS" is sometimes read as ":" or "- " (the Debian fast model); the number's start is stable.
        Assert.StartsWith("1140/UBND", doc.Analysis.Number?.Value, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", doc.Text, StringComparison.Ordinal);
        Assert.Contains("ngày 29 tháng 3 năm 2024", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiPageG4TiffIsReadPageByPage()
    {
        var r = await BadInputTests.Pipeline().RunAsync(Scan("000_1afb2497f3ceea48.harsh200.tif"), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        var doc = r.Documents[0];
        Assert.Equal(2, doc.Quality.Pages!.Count);
        var truth = await File.ReadAllTextAsync(Scan("000_1afb2497f3ceea48.gt.txt"));
        var cer = Cer.Of(truth, string.Join(" ", r.Documents.Select(d => d.Text)));
        // Target is 3 %; these pages measure about 1.2 % (isolated specks removed from the bilevel image, scaled to 300 dpi,
        // speck words dropped, one block read by the psm 6 retry, skew straightened in the layout; 8 % at first, 3.2 %
        // before the last two). A regression guard:
        Assert.True(cer <= 0.025, $"CER {cer:P2}");
    }

    [Fact]
    public async Task MixedPdfKeepsTheTextLayerPageAndOcrsTheScannedPage()
    {
        var r = await BadInputTests.Pipeline().RunAsync(Scan("000-mixed.pdf"), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        var doc = r.Documents[0];
        Assert.Equal(TextOrigins.Mixed, doc.Source.TextOrigin);
        Assert.Equal(["text-layer", "ocr"], doc.Quality.Pages!.Select(p => p.Origin));
        Assert.Null(doc.Quality.Pages![0].OcrConfidence);
        Assert.Equal("no text layer", doc.Quality.Pages![1].Note);
    }

    [Fact]
    public async Task ScannedImageBecomesASearchablePdf()
    {
        using var dir = new TempDir();
        var r = await BadInputTests.Pipeline(new ReadOptions { SearchablePdfDirectory = dir.Path }).RunAsync(Scan("004-top.png"), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(dir.File("004-top.pdf"), r.SearchablePdf);
        using var pdf = PdfDocument.Open(r.SearchablePdf!);
        Assert.Equal(1, pdf.NumberOfPages);
        // Tesseract's invisible text follows the scan's slight skew; PdfPig's default word extractor scrambles such lines
        // (also on the tesseract CLI's own PDF), the nearest-neighbour one our PDF reader uses reads them in order.
        var words = pdf.GetPage(1).GetWords(NearestNeighbourWordExtractor.Instance).Select(w => w.Text);
        Assert.Contains("1140/UBND", string.Join(" ", words), StringComparison.Ordinal);
    }
}

/// <summary>Character error rate as the scan tool's cer.py computes it: NFC, whitespace collapsed, edit distance / reference length.</summary>
internal static class Cer
{
    public static double Of(string reference, string hypothesis)
    {
        static string Clean(string s) => string.Join(' ', s.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var (r, h) = (Clean(reference), Clean(hypothesis));
        var prev = new int[h.Length + 1];
        var cur = new int[h.Length + 1];
        for (var j = 0; j <= h.Length; j++) prev[j] = j;
        for (var i = 1; i <= r.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= h.Length; j++) cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return r.Length == 0 ? 0 : (double)prev[h.Length] / r.Length;
    }
}
