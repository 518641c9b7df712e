using System.Diagnostics;
using DocIntel.Ingest.Ocr;
using DocIntel.Ingest.Readers;
using Xunit.Abstractions;

namespace DocIntel.Ingest.Tests.Ocr;

/// <summary>
/// Memory of the per-page image path of a long scanned PDF (everything OCR does to a page except Tesseract itself:
/// the page's image out of the PDF, the 200 → 300 dpi scaling, the uncovered-ink check, disposal). OCR would cost
/// 2.5 CPU-s a page; this path costs about 0.1, so many pages fit in a test. The full run with OCR is
/// scripts/bench-ocr.sh section 4 (docs/benchmarks.md).
/// </summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class PageImageMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// 60 pages, each its own image object (seed 004's 3-page scan copied under 20 names and joined by qpdf, so no two
    /// pages share an image): after 15 pages of warm-up, the next 45 may not add more than a page or two's worth.
    /// </summary>
    [Fact]
    public void LongScannedPdfIsTurnedIntoPageImagesInBoundedMemory()
    {
        using var dir = new TempDir();
        var scan = RepoPaths.TestData("scans", "004_5eb50ab86d8b2fa5.scan300.pdf");
        var parts = Enumerable.Range(0, 20).Select(i =>
        {
            var copy = dir.File($"part{i}.pdf");
            File.Copy(scan, copy);
            return copy;
        }).ToList();
        var joined = dir.File("long.pdf");
        Run("qpdf", ["--empty", "--pages", .. parts, "--", joined]);
        parts.ForEach(File.Delete);
        var bytes = File.ReadAllBytes(joined);
        using var images = new PdfPageImages(joined, bytes, null, 60, 300, ImageLimits.Default);
        var (managed0, rss0) = (0L, 0L);
        for (var n = 1; n <= 60; n++)
        {
            using (var image = images.Get(n, CancellationToken.None))
            {
                Assert.Equal("jpeg", image.Via);
                var blank = new OcrPageResult("", 0, [], image.Width, image.Height, image.Dpi, 0, false);
                Assert.InRange(OcrService.UncoveredInk(image.Pix, blank), 0.5, 1.0);
                using var scaled = image.Pix.ScaleGray(1.5, 450);
                Assert.Equal(image.Width * 3 / 2, scaled.Width, 2.0);
            }
            if (n == 15) (managed0, rss0) = (ManagedBytes(), RssBytes());
        }
        var (managed, rss) = (ManagedBytes(), RssBytes());
        output.WriteLine($"file {bytes.Length / 1_000_000} MB; after 15 pages: managed {managed0 / 1_000_000} MB, RSS {rss0 / 1_000_000} MB; after 60: managed {managed / 1_000_000} MB, RSS {rss / 1_000_000} MB; GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1_000_000} MB");
        // One 300 dpi A4 page is 8.7 MB as 8-bit grey; 45 pages kept would be 390 MB. Measured before the fix (a managed
        // 8-bit copy a page in UncoveredInk, the JPEG bytes copied out of PdfPig): RSS +114 MB over these 45 pages, GC
        // committed 333 MB for 72 MB live; after: +1 MB, 104 MB committed.
        Assert.True(managed - managed0 < 10_000_000, $"managed heap grew {(managed - managed0) / 1_000_000} MB over 45 pages");
        Assert.True(rss - rss0 < 40_000_000, $"RSS grew {(rss - rss0) / 1_000_000} MB over 45 pages");
    }

    /// <summary>A page that is not one image is drawn by pdftoppm (PGM through a temp file, read by Leptonica).</summary>
    [Fact]
    public void PageThatIsNotOneImageIsRasterisedAndItsTempFileRemoved()
    {
        var path = RepoPaths.TestData("scans", "004_5eb50ab86d8b2fa5.pdf");
        var before = Directory.GetFiles(Path.GetTempPath(), "docintel-*.pgm").Length;
        using var images = new PdfPageImages(path, File.ReadAllBytes(path), null, 3, 300, ImageLimits.Default);
        using var page = images.Get(2, CancellationToken.None);
        Assert.Equal(("raster", 300, 8), (page.Via, page.Dpi, page.Pix.Depth));
        Assert.InRange(page.Width, 2470, 2490); // A4 at 300 dpi
        var blank = new OcrPageResult("", 0, [], page.Width, page.Height, page.Dpi, 0, false);
        Assert.InRange(OcrService.UncoveredInk(page.Pix, blank), 0.99, 1.0);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "docintel-*.pgm").Length);
    }

    /// <summary>The in-place row count agrees with counting an 8-bit copy of the page, on a bilevel and a grey page.</summary>
    [Theory]
    [InlineData("000_1afb2497f3ceea48.harsh200.tif", 1)]
    [InlineData("004-top.png", 8)]
    public void DarkPixelsPerRowAreCountedInPlaceAsInAGreyCopy(string file, int depth)
    {
        using var page = ImageDecoder.Decode(File.ReadAllBytes(RepoPaths.TestData("scans", file)), 0, 300, ImageLimits.Default);
        var pix = page.Pix;
        using var grey = depth == 8 ? null : LeptPix.Wrap(TesseractNative.pixConvertTo8(pix.Pointer, 0));
        Assert.Equal(depth, grey is null ? pix.Depth : 1);
        var bytes = pix.ToGray8();
        int w = pix.Width, h = pix.Height, left = w / 20, right = w - w / 20;
        var counts = new int[h];
        pix.CountDarkPerRow(left, right, counts);
        var expected = Enumerable.Range(0, h).Select(y => bytes.AsSpan(y * w + left, right - left).ToArray().Count(b => b < 128)).ToArray();
        Assert.Equal(expected, counts);
        Assert.True(counts.Sum() > 1000);
    }

    private static long ManagedBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>VmRSS of this process (/proc/self/status), in bytes.</summary>
    private static long RssBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static void Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode is 0 or 3, $"{tool}: {err}"); // 3: warnings only
    }
}

/// <summary>
/// Tests that measure the whole process's memory (RSS) run alone: xunit runs the other test classes in parallel, and their
/// OCR engines and pages would count in the figures (84 MB "growth" measured that way).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "process memory";
}

/// <summary>Isolated specks of a bilevel page go before OCR; marks beside their letters and larger marks stay.</summary>
public sealed class BilevelSpeckTests
{
    /// <summary>A 1 bpp image with black rectangles (x, y, width, height).</summary>
    private static LeptPix Bilevel(int width, int height, params (int X, int Y, int W, int H)[] boxes)
    {
        var pix = LeptPix.Wrap(TesseractNative.pixCreate(width, height, 1))!;
        var data = TesseractNative.pixGetData(pix.Pointer);
        var wpl = TesseractNative.pixGetWpl(pix.Pointer);
        foreach (var (x0, y0, w, h) in boxes)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    var at = data + (y * wpl + (x >> 5)) * 4;
                    System.Runtime.InteropServices.Marshal.WriteInt32(at, System.Runtime.InteropServices.Marshal.ReadInt32(at) | (int)(1u << (31 - (x & 31))));
                }
            }
        }
        return pix;
    }

    private static int Black(LeptPix pix, int left, int right)
    {
        var rows = new int[pix.Height];
        pix.CountDarkPerRow(left, right, rows);
        return rows.Sum();
    }

    [Fact]
    public void IsolatedSpecksGoAndMarksBesideLettersStay()
    {
        using var page = Bilevel(300, 100,
            (50, 30, 20, 30),   // a letter
            (56, 25, 3, 3),     // its tone mark, 2 px above it
            (58, 63, 3, 3),     // a dot below, 3 px under it (its last row is 6 px away: kept whole all the same)
            (150, 70, 3, 3),    // salt noise, far from any letter
            (220, 40, 1, 2),    // a smaller speck
            (250, 10, 8, 8));   // a larger blot: not a speck
        Assert.Equal(20 * 30 + 9 + 9, Black(page, 0, 120));
        using var clean = page.WithoutIsolatedSpecks(5, 5);
        Assert.Equal(20 * 30 + 9 + 9, Black(clean, 0, 120));
        Assert.Equal(0, Black(clean, 120, 240));
        Assert.Equal(64, Black(clean, 240, 300));
        Assert.Equal(Black(page, 0, 300) - 9 - 2, Black(clean, 0, 300));
    }
}

/// <summary>Tesseract run-time variables (--ocr-var NAME=VALUE) reach the engine, and a wrong name says so.</summary>
public sealed class TesseractVariableTests
{
    [Fact]
    public void KnownVariableIsSetAndUnknownOneIsRefusedByName()
    {
        Assert.Empty(OcrOptions.Default.Variables);
        using (TesseractEngine.Create("vie", null, 3, new Dictionary<string, string> { ["textord_heavy_nr"] = "1" })) { }
        var ex = Assert.Throws<OcrUnavailableException>(() => TesseractEngine.Create("vie", null, 3, new Dictionary<string, string> { ["no_such_variable"] = "1" }));
        Assert.Contains("no_such_variable", ex.Message, StringComparison.Ordinal);
    }
}
