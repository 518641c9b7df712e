using System.Security.Cryptography;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Pipeline;

/// <summary>The result of running one file through the stages: its documents, or why it failed.</summary>
public sealed record FileOutcome(string Path, string Sha256, long Size, IReadOnlyList<ExtractedDocument> Documents, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The stages for one file, in order: read (file → pages) → normalise (pages → clean text with offset map)
/// → extract (clean text → documents). I/O happens only in <see cref="RunAsync(string, CancellationToken)"/>.
/// </summary>
public sealed class DocumentPipeline(FileReaders readers, VietnameseNormalizer normalizer, DocumentExtractor extractor)
{
    public async Task<FileOutcome> RunAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(path, "", 0, [], $"cannot read file: {ex.Message}");
        }
        return await RunAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FileOutcome> RunAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var sha = Sha256(bytes);
        var read = await readers.ReadAsync(path, bytes, sha, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded) return new FileOutcome(path, sha, bytes.LongLength, [], read.Error);
        return new FileOutcome(path, sha, bytes.LongLength, Extract(read.Text!), null);
    }

    /// <summary>Normalise and extract: pure, from pages of text to documents.</summary>
    public IReadOnlyList<ExtractedDocument> Extract(SourceText source)
    {
        var normalized = normalizer.Normalize(source.JoinedText);
        var quality = TextQuality.Score(normalized.Text);
        var rawQuality = TextQuality.Score(source.JoinedText);
        var warnings = source.Warnings.Concat(rawQuality.Reasons.Select(r => "raw text: " + r)).ToList();
        var confidences = source.Pages.Where(p => p.Confidence is not null).Select(p => p.Confidence!.Value).ToList();
        double? ocr = confidences.Count > 0 ? confidences.Average() : null;
        var qualityInfo = new QualityInfo(rawQuality.Score, ocr, warnings);
        _ = quality;
        var pageCount = source.Pages.Count;
        return extractor.Extract(normalized)
            .Select(a => new ExtractedDocument(
                new SourceInfo(source.Path, source.Sha256, a.Part, pageCount > 1 || source.Origin != TextOrigins.Plain ? 1 : null, pageCount > 1 || source.Origin != TextOrigins.Plain ? pageCount : null, source.Origin),
                a, qualityInfo, normalized.Text))
            .ToList();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
