using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace DocIntel.Ingest.Readers;

/// <summary>
/// Reads a born-digital PDF's text layer page by page with PdfPig's content-order extractor (not page.Text,
/// which glues lines together). A page with no text layer is reported, since it needs OCR.
/// </summary>
public sealed class PdfTextLayerReader : IDocumentReader
{
    public static readonly PdfTextLayerReader Instance = new();

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8) || (extension == ".pdf" && head.IndexOf("%PDF-"u8) is >= 0 and < 1024);

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var pages = new List<SourcePage>();
            var empty = new List<int>();
            foreach (var page in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(page);
                if (text.Count(char.IsLetter) < 20) empty.Add(page.Number);
                pages.Add(new SourcePage(page.Number, text, TextOrigins.TextLayer, null));
            }
            if (pages.Count == 0) return Task.FromResult(ReadOutcome.Fail("PDF has no pages"));
            if (empty.Count == pages.Count)
                return Task.FromResult(ReadOutcome.Fail($"PDF has no text layer on any of its {pages.Count} pages (a scan: needs OCR)"));
            var warnings = empty.Count > 0 ? new[] { $"pages without a text layer (need OCR): {string.Join(",", empty)}" } : [];
            return Task.FromResult(ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, pages, warnings)));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Task.FromResult(ReadOutcome.Fail("PDF is encrypted"));
        }
        catch (Exception ex) when (ex is UglyToad.PdfPig.Core.PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or FormatException)
        {
            return Task.FromResult(ReadOutcome.Fail($"PDF cannot be parsed: {ex.Message}"));
        }
    }
}
