namespace DocIntel.Ingest.Readers;

/// <summary>Gets the text out of one kind of file. Expected failures come back as <see cref="ReadOutcome.Fail"/>, not exceptions.</summary>
public interface IDocumentReader
{
    /// <summary>Whether this reader handles a file with this extension (lower case, with dot) and these first bytes.</summary>
    bool CanRead(string extension, ReadOnlySpan<byte> head);

    Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken);
}
