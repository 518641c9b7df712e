using System.Globalization;
using System.Runtime.InteropServices;
using DocIntel.Ingest.Layout;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// One Tesseract engine (TessBaseAPI) initialised once and reused for many pages. Not thread-safe: the
/// <see cref="OcrService"/> hands each engine to one worker at a time.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private IntPtr _api;
    private IntPtr _osd;

    public string Languages { get; }

    public string? DataPath { get; }

    private readonly int _pageSegMode;

    private TesseractEngine(IntPtr api, string languages, string? dataPath, int pageSegMode)
    {
        _api = api;
        _pageSegMode = pageSegMode;
        Languages = languages;
        DataPath = dataPath;
    }

    public static TesseractEngine Create(string languages, string? dataPath, int pageSegMode, IReadOnlyDictionary<string, string>? variables = null)
    {
        NativeSetup.EnsureLoaded();
        var api = TesseractNative.TessBaseAPICreate();
        if (api == IntPtr.Zero) throw new OcrUnavailableException("Tesseract could not create an engine");
        if (TesseractNative.TessBaseAPIInit3(api, dataPath, languages) != 0)
        {
            TesseractNative.TessBaseAPIDelete(api);
            throw new OcrUnavailableException($"Tesseract could not load the language data '{languages}' from {dataPath ?? "its default folder"} (install tesseract-ocr-vie)");
        }
        TesseractNative.TessBaseAPISetPageSegMode(api, pageSegMode);
        // Keep interword spaces as found; no debug output on stderr.
        TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            if (!TesseractNative.TessBaseAPISetVariable(api, name, value))
            {
                TesseractNative.TessBaseAPIDelete(api);
                throw new OcrUnavailableException($"Tesseract has no run-time variable '{name}' (or '{value}' is not a value for it)");
            }
        }
        return new TesseractEngine(api, languages, dataPath, pageSegMode);
    }

    public static string Version()
    {
        NativeSetup.EnsureLoaded();
        return Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "?";
    }

    /// <summary>Reads one page image; the image is copied by Tesseract, so the caller keeps ownership.</summary>
    /// <summary>
    /// With a <paramref name="searchable"/> writer, the page is added to it when <paramref name="addIf"/> accepts the
    /// reading (so a page that will be read again is not added twice).
    /// </summary>
    public OcrPageResult Recognize(LeptPix image, int dpi, int rotation, bool cleanedUp, CancellationToken cancellationToken, SearchablePdfWriter? searchable = null, Func<OcrPageResult, bool>? addIf = null, int? pageSegMode = null)
    {
        ObjectDisposedException.ThrowIf(_api == IntPtr.Zero, this);
        cancellationToken.ThrowIfCancellationRequested();
        TesseractNative.TessBaseAPISetPageSegMode(_api, pageSegMode ?? _pageSegMode);
        TesseractNative.TessBaseAPISetImage2(_api, image.Pointer);
        if (searchable is not null) SetInputImage(image);
        TesseractNative.TessBaseAPISetSourceResolution(_api, dpi);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) throw new OcrUnavailableException("Tesseract failed to recognise the page");
            var text = TakeText(TesseractNative.TessBaseAPIGetUTF8Text(_api));
            var tsv = TakeText(TesseractNative.TessBaseAPIGetTsvText(_api, 0));
            var conf = TesseractNative.TessBaseAPIMeanTextConf(_api);
            var result = new OcrPageResult(text, conf, ParseTsv(tsv), image.Width, image.Height, dpi, rotation, cleanedUp) { AddedToSearchablePdf = false };
            if (searchable is not null && (addIf?.Invoke(result) ?? true))
            {
                searchable.Add(_api);
                result = result with { AddedToSearchablePdf = true };
            }
            return result;
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_api);
        }
    }

    /// <summary>Recognises a page and adds it to a searchable-PDF renderer (image with an invisible text layer).</summary>
    public void RenderPage(SearchablePdfWriter writer, LeptPix image, int dpi)
    {
        TesseractNative.TessBaseAPISetImage2(_api, image.Pointer);
        SetInputImage(image);
        TesseractNative.TessBaseAPISetSourceResolution(_api, dpi);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(_api, IntPtr.Zero) != 0) throw new OcrUnavailableException("Tesseract failed to recognise the page");
            writer.Add(_api);
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_api);
        }
    }

    /// <summary>Page orientation by Tesseract OSD (osd.traineddata): degrees the page must be turned clockwise, and confidence.</summary>
    public (int Degrees, double Confidence)? DetectOrientation(LeptPix image, int dpi)
    {
        if (_osd == IntPtr.Zero)
        {
            var osd = TesseractNative.TessBaseAPICreate();
            if (TesseractNative.TessBaseAPIInit3(osd, DataPath, "osd") != 0 && TesseractNative.TessBaseAPIInit3(osd, null, "osd") != 0)
            {
                TesseractNative.TessBaseAPIDelete(osd);
                return null;
            }
            TesseractNative.TessBaseAPISetPageSegMode(osd, 0);
            _osd = osd;
        }
        TesseractNative.TessBaseAPISetImage2(_osd, image.Pointer);
        TesseractNative.TessBaseAPISetSourceResolution(_osd, dpi);
        try
        {
            // The script name is not ours to free: it points into the OSD engine's own unicharset (baseapi.cpp), whatever
            // capi.h says about TessDeleteText; freeing it corrupted the heap, and the engine freed it again when deleted.
            if (!TesseractNative.TessBaseAPIDetectOrientationScript(_osd, out var deg, out var conf, out _, out _)) return null;
            return (deg, conf);
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_osd);
        }
    }

    /// <summary>
    /// The original image the PDF renderer embeds. TessBaseAPISetInputImage takes ownership of the Pix it is given and
    /// TessBaseAPIClear destroys it, so it gets its own reference (pixClone); handing it <paramref name="image"/>'s
    /// pointer made Clear free a Pix the caller still used and disposed (glibc "double free or corruption").
    /// </summary>
    private void SetInputImage(LeptPix image)
    {
        var reference = TesseractNative.pixClone(image.Pointer);
        if (reference == IntPtr.Zero) throw new OutOfMemoryException("pixClone failed");
        TesseractNative.TessBaseAPISetInputImage(_api, reference);
    }

    internal IntPtr Handle => _api;

    private static string TakeText(IntPtr p)
    {
        if (p == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(p) ?? ""; }
        finally { TesseractNative.TessDeleteText(p); }
    }

    /// <summary>Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf text.</summary>
    internal static IReadOnlyList<LayoutWord> ParseTsv(string tsv)
    {
        var words = new List<LayoutWord>();
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.Split('\t');
            if (f.Length < 12 || f[0] != "5") continue;
            var text = f[11].Trim();
            if (text.Length == 0) continue;
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var conf = double.Parse(f[10], CultureInfo.InvariantCulture);
            long key = ((long)I(2) << 32) | ((long)I(3) << 16) | (uint)I(4);
            words.Add(new LayoutWord(text, I(6), I(7), I(6) + I(8), I(7) + I(9), conf < 0 ? null : conf, key));
        }
        return words;
    }

    public void Dispose()
    {
        if (_api != IntPtr.Zero)
        {
            TesseractNative.TessBaseAPIEnd(_api);
            TesseractNative.TessBaseAPIDelete(_api);
            _api = IntPtr.Zero;
        }
        if (_osd != IntPtr.Zero)
        {
            TesseractNative.TessBaseAPIEnd(_osd);
            TesseractNative.TessBaseAPIDelete(_osd);
            _osd = IntPtr.Zero;
        }
    }
}

/// <summary>OCR cannot run on this machine (library or language data missing).</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);
