namespace DocIntel.Ingest.Readers;

/// <summary>How a page's text was obtained.</summary>
public static class TextOrigins
{
    public const string TextLayer = "text-layer";
    public const string Ocr = "ocr";
    public const string Plain = "plain";
    public const string Mixed = "mixed";
}

/// <summary>The text of one page (a plain file is one page), where it came from, and the OCR confidence if any.</summary>
public sealed record SourcePage(int Number, string Text, string Origin, double? Confidence)
{
    /// <summary>Share of the page covered by images (0–1), for PDF pages: much image and little text means a scan.</summary>
    public double ImageCoverage { get; init; }

    /// <summary>Lines of a digital-signature stamp ("Ký bởi …", "Thời gian ký …") left out of <see cref="Text"/>.</summary>
    public int StampLinesRemoved { get; init; }

    /// <summary>
    /// Signature fields sit over the header: signing systems stamp the number and day there, in the field's appearance,
    /// not in the text layer ("Số: 542 /TB-UBND" reads "Số: /TB-UBND").
    /// </summary>
    public bool HeaderSignatureFields { get; init; }

    /// <summary>OCR words under the low-confidence threshold (doubtful words), for OCR pages.</summary>
    public int LowConfidenceWords { get; init; }

    /// <summary>OCR words whose confidence is below the threshold, as read (for review).</summary>
    public IReadOnlyList<string> DoubtfulWords { get; init; } = [];

    /// <summary>Why the page was OCR'd, or why its OCR reading was not kept.</summary>
    public string? Note { get; init; }
}

/// <summary>A file read into pages of text: the first stage's output.</summary>
public sealed record SourceText(string Path, string Sha256, long Size, IReadOnlyList<SourcePage> Pages, IReadOnlyList<string> Warnings)
{
    /// <summary>The pages as images, when the file can be OCR'd (PDFs and image files); opened lazily, disposed by the pipeline.</summary>
    public Ocr.IPageImageSource? Images { get; init; }

    public string Origin
    {
        get
        {
            var origins = Pages.Select(p => p.Origin).Distinct().ToList();
            return origins.Count == 1 ? origins[0] : origins.Count == 0 ? TextOrigins.Plain : TextOrigins.Mixed;
        }
    }

    /// <summary>What stands between two pages in <see cref="JoinedText"/>: a blank line, so a page ends a paragraph.</summary>
    public const string PageSeparator = "\n\n";

    public string JoinedText => string.Join(PageSeparator, Pages.Select(p => p.Text));
}

/// <summary>The result of reading a file: its text, or the reason it could not be read.</summary>
public sealed record ReadOutcome(SourceText? Text, string? Error)
{
    public static ReadOutcome Ok(SourceText text) => new(text, null);

    public static ReadOutcome Fail(string reason) => new(null, reason);

    public bool Succeeded => Text is not null;
}
