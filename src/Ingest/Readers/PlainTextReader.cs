namespace DocIntel.Ingest.Readers;

/// <summary>Reads .txt and .md files in any encoding <see cref="TextDecoder"/> detects.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public static readonly PlainTextReader Instance = new();

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".txt" or ".md" or ".text";

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > 0 && bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).Contains((byte)0) && !(bytes[0] is 0xFF or 0xFE)
            && !TextDecoder.LooksLikeUtf16(bytes, out _))
            return Task.FromResult(ReadOutcome.Fail("binary content in a text file (NUL bytes, not UTF-16)"));
        var (text, encoding) = TextDecoder.Decode(bytes);
        string[] warnings = encoding switch
        {
            "windows-1258" => ["decoded as Windows-1258 (not valid UTF-8)"],
            "viscii" => ["decoded as VISCII (not valid UTF-8)"],
            "windows-1252" => ["decoded as Windows-1252: a legacy font encoding (TCVN3/VNI), converted by the normaliser"],
            _ => [],
        };
        return Task.FromResult(ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, [new SourcePage(1, text, TextOrigins.Plain, null)], warnings)));
    }
}
