using DocIntel.Ingest.Layout;
using DocIntel.Ingest.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace DocIntel.Ingest.Readers;

/// <summary>
/// Reads a PDF's text layer page by page: PdfPig words → <see cref="PageLayout"/> (header columns, body, signer,
/// recipients; signature stamps left out), never page.Text, which glues lines together. Pages without a usable layer
/// keep their (empty or thin) text; the pipeline's page gate OCRs them through <see cref="SourceText.Images"/>.
/// </summary>
public sealed class PdfTextLayerReader(ReadOptions options) : IDocumentReader
{
    public static readonly PdfTextLayerReader Instance = new(ReadOptions.Default);

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8) || (extension == ".pdf" && head.IndexOf("%PDF-"u8) is >= 0 and < 1024);

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { Password = options.Password ?? "" });
            var count = pdf.NumberOfPages;
            if (count == 0) return Task.FromResult(ReadOutcome.Fail("PDF has no pages"));
            if (count > options.Limits.MaxPages) return Task.FromResult(ReadOutcome.Fail($"PDF has {count} pages, more than the limit of {options.Limits.MaxPages}"));
            var pages = new List<SourcePage>(count);
            var unreadable = new List<int>();
            for (var n = 1; n <= count; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    pages.Add(ReadPage(pdf.GetPage(n)));
                }
                catch (Exception ex) when (IsParseError(ex))
                {
                    unreadable.Add(n);
                    pages.Add(new SourcePage(n, "", TextOrigins.TextLayer, null) { Note = "text layer unreadable: " + ex.Message });
                }
            }
            var warnings = unreadable.Count > 0 ? new[] { $"pages whose text layer could not be parsed: {string.Join(",", unreadable)}" } : [];
            var images = options.Ocr ? new PdfPageImages(path, bytes, options.Password, count, options.Dpi, options.Limits) : null;
            return Task.FromResult(ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, pages, warnings) { Images = images }));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Task.FromResult(ReadOutcome.Fail(options.Password is null
                ? "PDF is encrypted: give its password with --password"
                : "PDF is encrypted and the password given does not open it"));
        }
        catch (Exception ex) when (IsParseError(ex))
        {
            return Task.FromResult(ReadOutcome.Fail($"PDF cannot be parsed (corrupt or truncated): {ex.Message}"));
        }
    }

    private static bool IsParseError(Exception ex) =>
        ex is UglyToad.PdfPig.Core.PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or NullReferenceException or InvalidCastException or FormatException or KeyNotFoundException or EndOfStreamException or NotSupportedException
            or OverflowException;

    /// <summary>Widget annotations (signature fields) in the top third of the page, where the number and date lines are.</summary>
    private static bool HasHeaderWidgets(Page page)
    {
        try
        {
            return page.GetAnnotations().Any(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget && a.Rectangle.Bottom > page.Height * 0.6);
        }
        catch (Exception ex) when (IsParseError(ex))
        {
            return false;
        }
    }

    internal static SourcePage ReadPage(Page page)
    {
        var coverage = PdfPageImages.ImageCoverage(page);
        if (page.Rotation.Value == 0)
        {
            var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => new LayoutWord(
                    string.Join(" ", w.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                    w.BoundingBox.Left, page.Height - w.BoundingBox.Top, w.BoundingBox.Right, page.Height - w.BoundingBox.Bottom))
                .ToList();
            var laid = PageLayout.Compose(words, page.Width, page.Height);
            return new SourcePage(page.Number, laid.Text, TextOrigins.TextLayer, null)
            {
                ImageCoverage = coverage, StampLinesRemoved = laid.StampLinesRemoved, HeaderSignatureFields = HasHeaderWidgets(page),
            };
        }
        // Rotated pages: PdfPig's content order, stamps removed line by line.
        var (kept, removed) = SignatureStamp.RemoveFromLines(ContentOrderTextExtractor.GetText(page).Split('\n'));
        return new SourcePage(page.Number, string.Join("\n", kept), TextOrigins.TextLayer, null) { ImageCoverage = coverage, StampLinesRemoved = removed };
    }
}
