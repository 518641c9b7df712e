namespace DocIntel.Ingest.Readers;

/// <summary>Picks the reader for a file by its content first, its extension second; refuses the rest with a reason.</summary>
public sealed class FileReaders(IReadOnlyList<IDocumentReader> readers)
{
    public static readonly FileReaders Default = Create(ReadOptions.Default);

    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(
        [".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".pdf", ".docx", .. ImageReader.Extensions]);

    /// <summary>Every reader, configured with these options (PDF password, limits, OCR).</summary>
    public static FileReaders Create(ReadOptions options) =>
        new([new PdfTextLayerReader(options), new ImageReader(options), DocxReader.Instance, HtmlReader.Instance, PlainTextReader.Instance]);

    public async Task<ReadOutcome> ReadAsync(string path, byte[] bytes, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return ReadOutcome.Fail("empty file (0 bytes)");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (ext == ".pdf" && head.AsSpan().IndexOf("%PDF-"u8) < 0)
            return ReadOutcome.Fail("not a PDF (no %PDF header): the extension does not match the content" + Sniffed(head));
        if (ImageReader.Extensions.Contains(ext) && ImageReader.Sniff(head) is null && head.AsSpan().IndexOf("%PDF-"u8) < 0)
            return ReadOutcome.Fail($"not an image: the content does not match the extension '{ext}'");
        // Content wins over the extension: a PDF named .txt is read as a PDF, a JPEG named .pdf as an image.
        var reader = readers.FirstOrDefault(r => r is PdfTextLayerReader && r.CanRead(ext, head))
            ?? readers.FirstOrDefault(r => r is ImageReader && ImageReader.Sniff(head) is not null)
            ?? readers.FirstOrDefault(r => r.CanRead(ext, head));
        if (reader is null) return ReadOutcome.Fail($"unsupported file type '{ext}'");
        return await reader.ReadAsync(path, sha256, bytes, cancellationToken).ConfigureAwait(false);
    }

    private static string Sniffed(byte[] head) => ImageReader.Sniff(head) is { } f ? $" (it is a {f.ToUpperInvariant()} image)" : "";
}
