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

    public int LowConfidenceWords(double threshold) => Words.Count(w => w.Confidence is { } c && c < threshold);
}
