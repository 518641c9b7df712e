using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocIntel.Ingest.Readers;

/// <summary>
/// Reads a Word document (.docx) with the Open XML SDK: headers first (where some offices put the issuer block), then
/// the body's paragraphs and tables in order; a table row becomes one line with its cells separated by tabs, so the
/// two-column header table (issuer | motto) reads left block then right block per row.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public static readonly DocxReader Instance = new();

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".docx" && head.StartsWith("PK\u0003\u0004"u8);

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(ms, false);
            var main = doc.MainDocumentPart;
            if (main?.Document?.Body is not { } body) return Task.FromResult(ReadOutcome.Fail("DOCX has no document body"));
            var sb = new StringBuilder();
            foreach (var header in main.HeaderParts)
            {
                if (header.Header is { } h) Append(h, sb);
            }
            Append(body, sb);
            var text = sb.ToString().Trim();
            return Task.FromResult(text.Length == 0
                ? ReadOutcome.Fail("DOCX has no text")
                : ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, [new SourcePage(1, text, TextOrigins.Plain, null)], [])));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException)
        {
            return Task.FromResult(ReadOutcome.Fail($"DOCX cannot be opened (corrupt or not a Word document): {ex.Message}"));
        }
    }

    private static void Append(OpenXmlElement container, StringBuilder sb)
    {
        foreach (var el in container.Elements())
        {
            switch (el)
            {
                case Paragraph p:
                    sb.Append(ParagraphText(p)).Append('\n');
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(ParagraphText)).Trim()).ToList();
                        // Multi-line cells (header blocks) are written cell by cell, one line each; single-line rows stay one line.
                        if (cells.Any(c => c.Contains('\n', StringComparison.Ordinal))) foreach (var c in cells.Where(c => c.Length > 0)) sb.Append(c).Append('\n');
                        else sb.Append(string.Join('\t', cells)).Append('\n');
                    }
                    break;
                case SdtBlock sdt:
                    Append(sdt.SdtContentBlock ?? (OpenXmlElement)sdt, sb);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }
}
