using DocIntel.Ingest.Ocr;

namespace DocIntel.Ingest.Readers;

/// <summary>
/// Scanned images: TIFF (multi-page, G4), JPEG, PNG, WebP, BMP, GIF. Headers are checked against the limits
/// (decompression bombs) before any pixel is decoded; the pages are OCR'd by the pipeline's page gate.
/// </summary>
public sealed class ImageReader(ReadOptions options) : IDocumentReader
{
    public static readonly ImageReader Instance = new(ReadOptions.Default);

    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>([".tif", ".tiff", ".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".jp2"]);

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => Sniff(head) is not null || Extensions.Contains(extension);

    /// <summary>The image format by its magic bytes, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "png";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return "tiff";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "webp";
        if (head.StartsWith("GIF8"u8)) return "gif";
        if (head.StartsWith("BM"u8) && head.Length > 14) return "bmp";
        if (head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'j', (byte)'P'])) return "jp2";
        return null;
    }

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var format = Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, 64)));
        if (format is null) return Task.FromResult(ReadOutcome.Fail($"not an image: the content does not match the extension '{Path.GetExtension(path)}'"));
        if (!options.Ocr) return Task.FromResult(ReadOutcome.Fail("image needs OCR, which is turned off"));
        var size = bytes.LongLength;
        var warnings = new List<string>();
        if (format == "jpeg" && !(bytes.Length >= 2 && bytes[^2] == 0xFF && bytes[^1] == 0xD9))
        {
            // A cut-off stream still decodes: libjpeg greys out what is missing and only warns on stderr ("Premature end
            // of JPEG file"). Closing it with an end-of-image marker lets every decoder end the stream normally.
            warnings.Add("JPEG is truncated (no end-of-image marker): the bottom of the page may be missing");
            bytes = [.. bytes, 0xFF, 0xD9];
        }
        IReadOnlyList<(int Width, int Height, int Dpi)> frames;
        try
        {
            frames = ImageDecoder.Inspect(bytes, options.Limits, options.Dpi);
        }
        catch (PageImageException ex)
        {
            return Task.FromResult(ReadOutcome.Fail(ex.Message));
        }
        var pages = frames.Select((_, i) => new SourcePage(i + 1, "", TextOrigins.Ocr, null) { ImageCoverage = 1 }).ToList();
        return Task.FromResult(ReadOutcome.Ok(new SourceText(path, sha256, size, pages, warnings)
        {
            Images = new ImageFilePages(bytes, frames.Count, frames[0].Dpi, options.Limits),
        }));
    }
}
