using DocIntel.Ingest.Ocr;

namespace DocIntel.Ingest.Readers;

/// <summary>Options for reading files: PDF password, limits, OCR on or off, searchable-PDF output.</summary>
public sealed record ReadOptions
{
    public static readonly ReadOptions Default = new();

    /// <summary>Password of encrypted PDFs (the same for every file of a run).</summary>
    public string? Password { get; init; }

    public ImageLimits Limits { get; init; } = ImageLimits.Default;

    /// <summary>OCR pages that have no usable text layer (scans, images). Off: such pages are reported, not read.</summary>
    public bool Ocr { get; init; } = true;

    /// <summary>Resolution to rasterise PDF pages at for OCR.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>Write a searchable PDF (image + invisible OCR text) of every scanned input into this folder.</summary>
    public string? SearchablePdfDirectory { get; init; }
}
