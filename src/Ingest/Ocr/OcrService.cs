using System.Collections.Concurrent;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Runs Tesseract on page images with at most <see cref="OcrOptions.Workers"/> engines, each created once (Init costs
/// 250–500 ms and about 55 MB) and reused for every later page. A page that reads badly is tried again turned upright
/// (OSD) and cleaned up (Magick.NET), and the best reading is kept.
/// </summary>
public sealed class OcrService : IDisposable
{
    private static readonly Lazy<OcrService> SharedInstance = new(() => new OcrService(OcrOptions.Default));
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly ConcurrentBag<TesseractEngine> _all = [];
    private readonly SemaphoreSlim _slots;
    private readonly string? _dataPath;
    private bool _disposed;

    /// <summary>The process-wide service with default options (engines are made on first use only).</summary>
    public static OcrService Shared => SharedInstance.Value;

    public OcrOptions Options { get; }

    public OcrService(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.Workers));
        _dataPath = TessdataLocator.Resolve(options.TessdataDirectory, options.Languages);
    }

    /// <summary>The traineddata folder in use (null: Tesseract's default, Debian's tessdata).</summary>
    public string? DataPath => _dataPath;

    /// <summary>"tesseract 5.3.0, vie from DIR".</summary>
    public string Describe() => $"tesseract {TesseractEngine.Version()}, {Options.Languages} from {_dataPath ?? TessdataLocator.DebianFolder}";

    /// <summary>Reads one page image. With a <paramref name="searchable"/> writer the page is also added to it (in call order).</summary>
    public async Task<OcrPageResult> RecognizeAsync(PageImage image, SearchablePdfWriter? searchable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => WithEngine(e => Recognize(e, image, searchable, cancellationToken)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private T WithEngine<T>(Func<TesseractEngine, T> work)
    {
        if (!_idle.TryTake(out var engine))
        {
            engine = TesseractEngine.Create(Options.Languages, _dataPath, Options.PageSegMode, Options.Variables);
            _all.Add(engine);
        }
        try { return work(engine); }
        finally { _idle.Add(engine); }
    }

    private OcrPageResult Recognize(TesseractEngine engine, PageImage image, SearchablePdfWriter? searchable, CancellationToken cancellationToken)
    {
        var pix = image.Pix;
        var dpi = image.Dpi;
        var cleanup = Options.Cleanup;
        LeptPix? cleaned = null;
        LeptPix? scaled = null;
        LeptPix? despeckled = null;
        try
        {
            if (Options.DespeckleBilevel && pix.Depth == 1)
            {
                // Specks under 1/40 inch each way and more than 1/40 inch from any letter: salt noise, not marks.
                var size = Math.Max(2, (int)Math.Round(dpi / 40.0));
                despeckled = pix.WithoutIsolatedSpecks(size, size);
                pix = despeckled;
            }
            if (Options.UpscaleBelowDpi > 0 && dpi < Options.UpscaleBelowDpi && Options.Dpi > dpi)
            {
                scaled = pix.ScaleGray(Options.Dpi / (double)dpi, Options.Dpi);
                pix = scaled;
                dpi = Options.Dpi;
            }
            if (cleanup == CleanupMode.Always)
            {
                cleaned = ImageCleanup.Clean(pix, dpi, Options.CleanupSteps);
                pix = cleaned;
            }
            var best = engine.Recognize(pix, dpi, 0, cleaned is not null, cancellationToken, searchable, r => !ReadsBadly(r));
            if (ReadsBadly(best) && Options.DetectOrientation && engine.DetectOrientation(pix, dpi) is { Degrees: not 0, Confidence: > 1.5 } osd)
            {
                // OSD gives the text's rotation; turning the image back by it (clockwise quarter turns) makes it upright.
                using var upright = pix.RotateOrth((360 - osd.Degrees) / 90 % 4);
                var turned = engine.Recognize(upright, dpi, osd.Degrees, cleaned is not null, cancellationToken);
                if (Strength(turned) > Strength(best))
                {
                    best = turned;
                    cleaned?.Dispose();
                    cleaned = upright.RotateOrth(0);
                    pix = cleaned;
                }
            }
            if (cleanup == CleanupMode.Auto && ReadsBadly(best))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var clean = ImageCleanup.Clean(pix, dpi, Options.CleanupSteps);
                var second = engine.Recognize(clean, dpi, best.RotationDegrees, true, cancellationToken);
                if (Strength(second) > Strength(best) * 1.05) best = second;
            }
            // Page segmentation (psm 3) sometimes drops a whole text block of a noisy bilevel scan: ink rows that no word
            // covers show it. One uniform block (psm 6) then reads it; the stronger reading is kept.
            if (UncoveredInk(pix, best) > 0.15)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var block = engine.Recognize(pix, dpi, best.RotationDegrees, best.CleanedUp, cancellationToken, pageSegMode: 6);
                if (Strength(block) > Strength(best) * 1.05) best = block with { Blocks = "single block (psm 6): psm 3 left text out" };
            }
            if (searchable is not null && !best.AddedToSearchablePdf) engine.RenderPage(searchable, pix, dpi);
            return best with { Words = CaseTwins.Fix([.. best.Words.Where(w => !IsSpeck(w, dpi))]) };
        }
        finally
        {
            cleaned?.Dispose();
            scaled?.Dispose();
            despeckled?.Dispose();
        }
    }

    /// <summary>Share of the image's ink rows (rows with more than 3 % dark pixels) that no recognised word covers.</summary>
    internal static double UncoveredInk(LeptPix pix, OcrPageResult reading)
    {
        if (reading.RotationDegrees != 0 || reading.Width != pix.Width || reading.Height != pix.Height) return 0;
        int w = pix.Width, h = pix.Height;
        var margin = w / 20;
        var dark = System.Buffers.ArrayPool<int>.Shared.Rent(h);
        var covered = System.Buffers.ArrayPool<bool>.Shared.Rent(h);
        try
        {
            pix.CountDarkPerRow(margin, w - margin, dark.AsSpan(0, h));
            Array.Clear(covered, 0, h);
            foreach (var word in reading.Words)
            {
                for (var y = Math.Max(0, (int)word.Top - 4); y < Math.Min(h, (int)word.Bottom + 4); y++) covered[y] = true;
            }
            int ink = 0, uncovered = 0;
            var least = (w - 2 * margin) * 0.03;
            for (var y = 0; y < h; y++)
            {
                if (dark[y] < least) continue;
                ink++;
                if (!covered[y]) uncovered++;
            }
            return ink == 0 ? 0 : (double)uncovered / ink;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(dark);
            System.Buffers.ArrayPool<bool>.Shared.Return(covered);
        }
    }

    /// <summary>
    /// Dust and noise read as a "word" of its own: no letter or digit, and either unsure (confidence under 75) or a few
    /// pixels wide and high (under 1/50 inch). Measured on make-scan pages: specks come out as ":", "_", "-_", "." at
    /// confidence 0–70 and 2–4 px; real dashes of list items are 15 px wide at confidence above 90.
    /// </summary>
    internal static bool IsSpeck(Layout.LayoutWord word, int dpi)
    {
        if (word.Text.Any(char.IsLetterOrDigit)) return false;
        var tiny = Math.Max(word.Width, word.Height) < dpi / 50.0;
        return tiny || word.Confidence is < 75;
    }

    /// <summary>Few words or low mean confidence: worth another try.</summary>
    internal static bool ReadsBadly(OcrPageResult r) => r.MeanConfidence < 70 || r.Words.Count(w => w.Text.Any(char.IsLetter)) < 15;

    /// <summary>Confident letters: the measure two readings of a page are compared by.</summary>
    internal static double Strength(OcrPageResult r) =>
        r.Words.Where(w => (w.Confidence ?? 0) >= 50).Sum(w => w.Text.Count(char.IsLetter) * (w.Confidence ?? 0) / 100.0);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var e in _all) e.Dispose();
        _slots.Dispose();
    }
}
