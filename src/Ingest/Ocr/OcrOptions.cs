namespace DocIntel.Ingest.Ocr;

/// <summary>When to clean a page image up (Magick.NET median filter, deskew, Otsu threshold) before OCR.</summary>
public enum CleanupMode
{
    /// <summary>Only when the raw page reads badly (low confidence or almost no words); the better reading is kept.</summary>
    Auto,
    Never,
    Always,
}

/// <summary>Steps of the Magick.NET clean-up of a page image (in this order when several are on).</summary>
[Flags]
public enum CleanupSteps
{
    None = 0,

    /// <summary>Median filter, radius 1: removes salt-and-pepper specks.</summary>
    Median = 1,

    /// <summary>Straighten a skewed page (Magick.NET Deskew, 40 % threshold).</summary>
    Deskew = 2,

    /// <summary>Binarise with Otsu's threshold (hurts clean pages: only for noisy ones).</summary>
    Otsu = 4,

    /// <summary>The clean-up the stack notes measured on heavy noise (raw: empty page; cleaned: 1.0 % CER).</summary>
    Default = Median | Deskew | Otsu,
}

/// <summary>Limits against decompression bombs and runaway inputs.</summary>
public sealed record ImageLimits
{
    public static readonly ImageLimits Default = new();

    /// <summary>Largest page image accepted (pixels). A0 at 300 dpi is 139 M; the default stops 10 k × 10 k.</summary>
    public long MaxPixelsPerPage { get; init; } = 100_000_000;

    public int MaxPages { get; init; } = 5_000;
}

/// <summary>How OCR runs. Tesseract: page segmentation mode 3 (the CLI's default; the API defaults to 6).</summary>
public sealed record OcrOptions
{
    public static readonly OcrOptions Default = new();

    /// <summary>Tesseract language(s): "vie", or "vie+eng" for documents with English passages.</summary>
    public string Languages { get; init; } = "vie";

    /// <summary>
    /// Folder with the traineddata files. Null: $DOCINTEL_TESSDATA, else models/tessdata beside the program or in the
    /// repository when it holds vie.traineddata (the better best_int model, see README), else Debian's folder.
    /// </summary>
    public string? TessdataDirectory { get; init; }

    /// <summary>OCR engines (one per worker, each reused across pages).</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public int PageSegMode { get; init; } = 3;

    /// <summary>Resolution assumed for images that carry none, and used to rasterise PDF pages.</summary>
    public int Dpi { get; init; } = 300;

    public CleanupMode Cleanup { get; init; } = CleanupMode.Auto;

    /// <summary>What the clean-up does when it runs.</summary>
    public CleanupSteps CleanupSteps { get; init; } = CleanupSteps.Default;

    /// <summary>
    /// Page images under this resolution are scaled up to <see cref="Dpi"/> (grey, linear interpolation) before OCR:
    /// Tesseract's models are trained on about 300 dpi text, and a 200 dpi bilevel fax page loses thin strokes and
    /// diacritics below that. 0 turns scaling off.
    /// </summary>
    public int UpscaleBelowDpi { get; init; } = 250;

    /// <summary>
    /// Bilevel page images (fax, G4 TIFF, CCITT in PDFs) lose their isolated specks before OCR: connected components
    /// under 1/40 inch each way lying more than 1/40 inch from any larger one (5 px at 200 dpi). Scanner noise survives
    /// binarisation as such specks; marks and dots sit beside their letters and stay. Harsh 200 dpi set: 2.44 → 1.30 % CER.
    /// </summary>
    public bool DespeckleBilevel { get; init; } = true;

    /// <summary>Detect sideways or upside-down pages (Tesseract OSD) when a page reads badly.</summary>
    public bool DetectOrientation { get; init; } = true;

    /// <summary>
    /// Tesseract run-time variables set on every engine after Init (as the CLI's <c>-c NAME=VALUE</c>), for experiments
    /// and special batches; none by default. Some (the textord_* layout ones, e.g. textord_heavy_nr) are process-wide in
    /// Tesseract, not per engine: they cannot differ between pages read at the same time.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Words under this confidence (0–100) are flagged as doubtful.</summary>
    public double LowWordConfidence { get; init; } = 60;

    public ImageLimits Limits { get; init; } = ImageLimits.Default;
}
