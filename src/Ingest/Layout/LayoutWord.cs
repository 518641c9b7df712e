namespace DocIntel.Ingest.Layout;

/// <summary>
/// One word on a page with its box in page units, y growing downwards (pixels for OCR, points for PDF text layers),
/// the OCR confidence (0–100) if any, and the line it belongs to when the source knows it (Tesseract block/par/line).
/// </summary>
public sealed record LayoutWord(string Text, double Left, double Top, double Right, double Bottom, double? Confidence = null, long? LineKey = null)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;
}
