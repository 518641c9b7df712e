using DocIntel.Ingest.Layout;

namespace DocIntel.Ingest.Ocr;

/// <summary>What Tesseract read on one page image: text in its order, word boxes with confidences (TSV), and how.</summary>
public sealed record OcrPageResult(
    string Text,
    double MeanConfidence,
    IReadOnlyList<LayoutWord> Words,
    int Width,
    int Height,
    int Dpi,
    int RotationDegrees,
    bool CleanedUp)
{
    internal bool AddedToSearchablePdf { get; init; }

    /// <summary>How page segmentation was done when not the default (psm 3).</summary>
    public string? Blocks { get; init; }

    public int LowConfidenceWords(double threshold) => Words.Count(w => w.Confidence is { } c && c < threshold);
}
