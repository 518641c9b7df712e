using ImageMagick;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Encoded image bytes (JPEG, PNG, TIFF incl. multi-page G4, WebP, PNM) → page images. The header is read first
/// (Magick.NET ping) so a decompression bomb is refused before any pixel is decoded; pixels are decoded by Leptonica
/// (Tesseract's own image library), with Magick.NET as the fallback for what Leptonica cannot read.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Page count and sizes from the headers only, checked against the limits.</summary>
    public static IReadOnlyList<(int Width, int Height, int Dpi)> Inspect(byte[] bytes, ImageLimits limits, int defaultDpi)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        List<(int, int, int)> frames;
        try
        {
            frames = MagickImageInfo.ReadCollection(bytes)
                .Select(i => ((int)i.Width, (int)i.Height, DpiOf(i.Density, defaultDpi)))
                .ToList();
        }
        catch (MagickException ex)
        {
            throw new PageImageException($"corrupt or truncated image ({FirstLine(ex.Message)})");
        }
        if (frames.Count == 0) throw new PageImageException("image has no frames");
        if (frames.Count > limits.MaxPages) throw new PageImageException($"image has {frames.Count} pages, more than the limit of {limits.MaxPages}");
        foreach (var (w, h, _) in frames)
        {
            if ((long)w * h > limits.MaxPixelsPerPage)
                throw new PageImageException($"image of {w}×{h} pixels is over the limit of {limits.MaxPixelsPerPage / 1_000_000} megapixels (decompression bomb?)");
        }
        return frames;
    }

    /// <summary>Decodes frame <paramref name="index"/> (0-based) of an image file.</summary>
    public static PageImage Decode(byte[] bytes, int index, int dpi, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        NativeSetup.EnsureLoaded();
        var isTiff = bytes.Length > 4 && ((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'));
        var pix = isTiff ? LeptPix.Wrap(TesseractNative.pixReadMemTiff(ref bytes[0], (nuint)bytes.Length, index))
            : index == 0 ? LeptPix.Wrap(TesseractNative.pixReadMem(ref bytes[0], (nuint)bytes.Length)) : null;
        pix ??= DecodeWithMagick(bytes, index, limits);
        if (pix.XResolution is < 50 or > 2400) pix.SetResolution(dpi);
        return new PageImage(pix, index + 1, pix.XResolution, isTiff ? "tiff" : "image");
    }

    /// <summary>Decodes the bytes of an image taken out of a PDF (JPEG, JPEG 2000, PNG made by PdfPig), read in place.</summary>
    internal static LeptPix? DecodeEmbedded(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? null : LeptPix.Wrap(TesseractNative.pixReadMem(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(bytes), (nuint)bytes.Length));

    /// <summary>Decodes an image file (the PGM pdftoppm wrote) in Leptonica.</summary>
    internal static LeptPix? DecodeFile(string path)
    {
        NativeSetup.EnsureLoaded();
        return LeptPix.Wrap(TesseractNative.pixRead(path));
    }

    private static LeptPix DecodeWithMagick(byte[] bytes, int index, ImageLimits limits)
    {
        try
        {
            using var image = new MagickImage(bytes, new MagickReadSettings { FrameIndex = (uint)index, FrameCount = 1 });
            if ((long)image.Width * image.Height > limits.MaxPixelsPerPage) throw new PageImageException("image is over the pixel limit");
            image.ColorType = ColorType.Grayscale;
            var gray = image.ToByteArray(MagickFormat.Gray);
            return LeptPix.FromGray8(gray, (int)image.Width, (int)image.Height, DpiOf(image.Density, 300));
        }
        catch (MagickException ex)
        {
            throw new PageImageException($"corrupt or truncated image ({FirstLine(ex.Message)})");
        }
    }

    private static int DpiOf(Density? d, int fallback)
    {
        if (d is null) return fallback;
        var x = d.Units == DensityUnit.PixelsPerCentimeter ? d.X * 2.54 : d.X;
        return x is >= 50 and <= 2400 && d.Units != DensityUnit.Undefined ? (int)Math.Round(x) : fallback;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
