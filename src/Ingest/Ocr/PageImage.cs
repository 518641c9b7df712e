namespace DocIntel.Ingest.Ocr;

/// <summary>One page as an image, ready for OCR: the pixels (owned), their resolution, and the page number.</summary>
public sealed class PageImage : IDisposable
{
    internal LeptPix Pix { get; }

    public int Number { get; }

    public int Dpi { get; }

    /// <summary>How the image was obtained: "jpeg", "png", "ccitt", "flate", "raster", "tiff" …</summary>
    public string Via { get; }

    internal PageImage(LeptPix pix, int number, int dpi, string via)
    {
        Pix = pix;
        Number = number;
        Dpi = dpi is >= 50 and <= 2400 ? dpi : 300;
        Via = via;
    }

    public int Width => Pix.Width;

    public int Height => Pix.Height;

    public void Dispose() => Pix.Dispose();
}

/// <summary>A page or file that cannot be turned into an image, with the reason (corrupt, truncated, too large …).</summary>
public sealed class PageImageException(string message) : Exception(message);
