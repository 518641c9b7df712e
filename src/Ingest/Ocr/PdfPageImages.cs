using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Page images of a PDF, one page at a time (never the whole document in memory). A page that is one full-page image
/// gives that image straight out of the file (JPEG and JPEG 2000 bytes decode in Leptonica; CCITT and Flate through
/// PdfPig); any other page is rasterised by pdftoppm to PGM (PNG encoding costs about 1 s a page, PGM almost nothing).
/// </summary>
public sealed class PdfPageImages : IPageImageSource, IRenderedPageText
{
    private PdfDocument? _pdf;
    private readonly string _path;
    private readonly byte[] _bytes;
    private readonly string? _password;
    private readonly ImageLimits _limits;
    private readonly int _dpi;
    private string? _tempCopy;

    public PdfPageImages(string path, byte[] bytes, string? password, int pageCount, int dpi, ImageLimits limits)
    {
        PageCount = pageCount;
        _path = path;
        _bytes = bytes;
        _password = password;
        _dpi = dpi;
        _limits = limits;
    }

    public int PageCount { get; }

    /// <summary>The image of page <paramref name="number"/> (1-based).</summary>
    public PageImage Get(int number, CancellationToken cancellationToken)
    {
        // PdfPig documents are not thread-safe; OCR workers take their page images one at a time (the cheap part).
        lock (_gate)
        {
            _pdf ??= PdfDocument.Open(_bytes, new ParsingOptions { Password = _password ?? "" });
            var page = _pdf.GetPage(number);
            return TryEmbedded(page) ?? Rasterise(page, cancellationToken);
        }
    }

    private readonly Lock _gate = new();

    /// <summary>
    /// The page's text as poppler draws it, widget appearances included: signing systems (VGCA) stamp the number and the
    /// day into signature fields whose appearance streams hold real text, which PdfPig's page content does not show.
    /// </summary>
    public string? RenderedText(int number, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-q", "-layout", "-enc", "UTF-8", "-f", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (_password is not null) { args.Add("-upw"); args.Add(_password); }
        string file;
        lock (_gate) file = FileForTools();
        args.Add(file);
        args.Add("-");
        try
        {
            return System.Text.Encoding.UTF8.GetString(Run("pdftotext", args, cancellationToken));
        }
        catch (PageImageException)
        {
            return null; // no text, or the tool is missing: the caller falls back to OCR
        }
    }

    /// <summary>Share of the page covered by images (0–1): a page mostly image with little text is a scan.</summary>
    public static double ImageCoverage(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var area = page.Width * page.Height;
        if (area <= 0) return 0;
        try
        {
            var covered = page.GetImages().Sum(i => Math.Abs(i.BoundingBox.Width * i.BoundingBox.Height));
            return Math.Clamp(covered / area, 0, 1);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private PageImage? TryEmbedded(Page page)
    {
        if (page.Rotation.Value != 0) return null;
        List<IPdfImage> images;
        try { images = page.GetImages().ToList(); }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException) { return null; }
        if (images.Count != 1) return null;
        var img = images[0];
        var b = img.BoundingBox;
        if (img.IsImageMask || b.Width <= 0 || b.Height <= 0 || b.Width * b.Height < 0.8 * page.Width * page.Height) return null;
        if ((long)img.WidthInSamples * img.HeightInSamples > _limits.MaxPixelsPerPage)
            throw new PageImageException($"page {page.Number}: image of {img.WidthInSamples}×{img.HeightInSamples} pixels is over the limit of {_limits.MaxPixelsPerPage / 1_000_000} megapixels (decompression bomb?)");
        var dpi = (int)Math.Round(img.WidthInSamples / (b.Width / 72.0));
        var filter = FilterOf(img);
        LeptPix? pix = null;
        string via;
        if (filter is "DCTDecode" or "JPXDecode")
        {
            // PdfPig does not decode JPEG; its raw bytes are the JPEG file itself.
            pix = ImageDecoder.DecodeEmbedded(img.RawMemory.Span);
            via = filter == "DCTDecode" ? "jpeg" : "jpeg2000";
        }
        else
        {
            via = filter is "CCITTFaxDecode" ? "ccitt" : filter is "JBIG2Decode" ? "jbig2" : "flate";
            if (filter != "JBIG2Decode" && img.TryGetPng(out var png)) pix = ImageDecoder.DecodeEmbedded(png);
        }
        if (pix is null) return null;
        pix.SetResolution(dpi);
        return new PageImage(pix, page.Number, dpi, via);
    }

    private static string? FilterOf(IPdfImage img)
    {
        if (!img.ImageDictionary.TryGet(NameToken.Filter, out var token)) return null;
        return token switch
        {
            NameToken n => n.Data,
            ArrayToken { Data.Count: > 0 } a => (a.Data[^1] as NameToken)?.Data,
            _ => null,
        };
    }

    private PageImage Rasterise(Page page, CancellationToken cancellationToken)
    {
        // Lower the resolution for oversized pages so the raster stays under the pixel limit.
        var dpi = _dpi;
        double w = page.Width / 72.0, h = page.Height / 72.0;
        while (dpi > 72 && w * dpi * h * dpi > _limits.MaxPixelsPerPage) dpi -= 25;
        if (w * dpi * h * dpi > _limits.MaxPixelsPerPage)
            throw new PageImageException($"page {page.Number} is {w:F0}×{h:F0} inches: too large to rasterise");
        var file = FileForTools();
        // pdftoppm writes the PGM to a file that Leptonica reads: the page's pixels never pass through a managed buffer.
        var prefix = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"docintel-{Guid.NewGuid():N}");
        var args = new List<string> { "-f", page.Number.ToString(), "-l", page.Number.ToString(), "-r", dpi.ToString(), "-gray", "-singlefile" };
        if (_password is not null) { args.Add("-upw"); args.Add(_password); }
        args.Add(file);
        args.Add(prefix);
        LeptPix pix;
        try
        {
            Run("pdftoppm", args, cancellationToken, output: false);
            pix = ImageDecoder.DecodeFile(prefix + ".pgm") ?? throw new PageImageException($"page {page.Number}: pdftoppm gave no image");
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
        pix.SetResolution(dpi);
        return new PageImage(pix, page.Number, dpi, "raster");
    }

    private string FileForTools()
    {
        if (File.Exists(_path) && new FileInfo(_path).Length == _bytes.LongLength) return _path;
        if (_tempCopy is null)
        {
            _tempCopy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"docintel-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(_tempCopy, _bytes);
        }
        return _tempCopy;
    }

    /// <summary>Runs a poppler tool; its standard output, which must not be empty when <paramref name="output"/> is expected.</summary>
    internal static byte[] Run(string tool, IEnumerable<string> args, CancellationToken cancellationToken, bool output = true)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new PageImageException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new PageImageException($"{tool} is not installed (poppler-utils); run scripts/setup.sh");
        }
        using (p)
        using (cancellationToken.Register(() => { try { p.Kill(); } catch (InvalidOperationException) { } }))
        {
            var err = p.StandardError.ReadToEndAsync(cancellationToken);
            using var ms = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(ms);
            p.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            if (p.ExitCode != 0 || (output && ms.Length == 0))
                throw new PageImageException($"{tool} failed (exit {p.ExitCode}): {err.Result.Split('\n')[0].Trim()}");
            return ms.ToArray();
        }
    }

    public void Dispose()
    {
        _pdf?.Dispose();
        _pdf = null;
        if (_tempCopy is null) return;
        try { File.Delete(_tempCopy); }
        catch (IOException) { }
        _tempCopy = null;
    }
}
