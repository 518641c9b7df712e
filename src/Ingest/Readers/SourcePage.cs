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
public sealed record SourcePage(int Number, string Text, string Origin, double? Confidence);

/// <summary>A file read into pages of text: the first stage's output.</summary>
public sealed record SourceText(string Path, string Sha256, long Size, IReadOnlyList<SourcePage> Pages, IReadOnlyList<string> Warnings)
{
    public string Origin
    {
        get
        {
            var origins = Pages.Select(p => p.Origin).Distinct().ToList();
            return origins.Count == 1 ? origins[0] : origins.Count == 0 ? TextOrigins.Plain : TextOrigins.Mixed;
        }
    }

    public string JoinedText => string.Join("\n\n", Pages.Select(p => p.Text));
}

/// <summary>The result of reading a file: its text, or the reason it could not be read.</summary>
public sealed record ReadOutcome(SourceText? Text, string? Error)
{
    public static ReadOutcome Ok(SourceText text) => new(text, null);

    public static ReadOutcome Fail(string reason) => new(null, reason);

    public bool Succeeded => Text is not null;
}
