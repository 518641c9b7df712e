using ImageMagick;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Clean-up of a noisy scan with Magick.NET before OCR: grey, median filter (radius 1: specks), deskew, Otsu threshold.
/// Measured on the stack notes' heavy-noise scan: raw OCR read nothing, cleaned 1.0 % CER; on clean pages
/// binarising makes OCR slightly worse, so <see cref="OcrService"/> calls this only for pages that read badly.
/// </summary>
internal static class ImageCleanup
{
    public static LeptPix Clean(LeptPix source, int dpi, CleanupSteps steps = CleanupSteps.Default)
    {
        var gray = source.ToGray8();
        using var image = new MagickImage(gray, new MagickReadSettings { Width = (uint)source.Width, Height = (uint)source.Height, Format = MagickFormat.Gray, Depth = 8 });
        if (steps.HasFlag(CleanupSteps.Median)) image.MedianFilter(3);
        if (steps.HasFlag(CleanupSteps.Deskew))
        {
            image.BackgroundColor = MagickColors.White;
            image.Deskew(new Percentage(40));
        }
        if (steps.HasFlag(CleanupSteps.Otsu)) image.AutoThreshold(AutoThresholdMethod.OTSU);
        image.ColorType = ColorType.Grayscale;
        var bytes = image.ToByteArray(MagickFormat.Gray);
        return LeptPix.FromGray8(bytes, (int)image.Width, (int)image.Height, dpi);
    }
}
