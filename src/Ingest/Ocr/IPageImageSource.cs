namespace DocIntel.Ingest.Ocr;

/// <summary>Something whose pages can be had as images one at a time: a scanned PDF, a multi-page TIFF, a photo.</summary>
public interface IPageImageSource : IDisposable
{
    int PageCount { get; }

    /// <summary>Page <paramref name="number"/> (1-based) as an image; the caller disposes it.</summary>
    PageImage Get(int number, CancellationToken cancellationToken);
}

/// <summary>A source whose pages can also be drawn as text by a renderer, annotation appearances included.</summary>
public interface IRenderedPageText
{
    /// <summary>Page <paramref name="number"/>'s rendered text, or null when the renderer gives none.</summary>
    string? RenderedText(int number, CancellationToken cancellationToken);
}

/// <summary>The frames of an image file (TIFF pages, or the one frame of a JPEG/PNG/WebP).</summary>
public sealed class ImageFilePages(byte[] bytes, int pageCount, int dpi, ImageLimits limits) : IPageImageSource
{
    public int PageCount => pageCount;

    public PageImage Get(int number, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ImageDecoder.Decode(bytes, number - 1, dpi, limits);
    }

    public void Dispose() { }
}
