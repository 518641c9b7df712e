namespace DocIntel.Ingest.Readers;

/// <summary>Reads .txt and .md files in any encoding <see cref="TextDecoder"/> detects.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public static readonly PlainTextReader Instance = new();

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".txt" or ".md" or ".text";

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > 0 && bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).Contains((byte)0) && !(bytes[0] is 0xFF or 0xFE))
            return Task.FromResult(ReadOutcome.Fail("binary content in a text file (NUL bytes)"));
        var (text, encoding) = TextDecoder.Decode(bytes);
        var warnings = encoding is "windows-1258" ? new[] { "decoded as Windows-1258 (not valid UTF-8)" } : [];
        return Task.FromResult(ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, [new SourcePage(1, text, TextOrigins.Plain, null)], warnings)));
    }
}
