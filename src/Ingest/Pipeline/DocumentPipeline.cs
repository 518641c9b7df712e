using System.Security.Cryptography;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Misreadings;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Text;
using DocIntel.Ingest.Ocr;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Pipeline;

/// <summary>The result of running one file through the stages: its documents, or why it failed.</summary>
public sealed record FileOutcome(string Path, string Sha256, long Size, IReadOnlyList<ExtractedDocument> Documents, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The searchable PDF written for a scanned input, if one was asked for.</summary>
    public string? SearchablePdf { get; init; }

    /// <summary>The pages' text as read (text layer or OCR + layout), before normalisation: what OCR is measured on.</summary>
    public string? RawText { get; init; }
}

/// <summary>Progress of OCR within one file.</summary>
public sealed record PageProgress(string Path, int Page, int PagesToOcr, int PagesDone);

/// <summary>
/// The stages for one file, in order: read (file → pages) → page gate (OCR the pages whose text is missing or
/// damaged; keep the better text) → normalise (pages → clean text with offset map) → extract (clean text →
/// documents). I/O happens only in <see cref="RunAsync(string, CancellationToken)"/> and the OCR of pages.
/// </summary>
public sealed class DocumentPipeline
{
    private readonly FileReaders _readers;
    private readonly VietnameseNormalizer _normalizer;
    private readonly DocumentExtractor _extractor;
    private readonly OcrService _ocr;
    private readonly ReadOptions _options;

    public DocumentPipeline(FileReaders readers, VietnameseNormalizer normalizer, DocumentExtractor extractor)
        : this(readers, normalizer, extractor, OcrService.Shared, ReadOptions.Default)
    {
    }

    public DocumentPipeline(FileReaders readers, VietnameseNormalizer normalizer, DocumentExtractor extractor, OcrService ocr, ReadOptions options)
    {
        _readers = readers;
        _normalizer = normalizer;
        _extractor = extractor;
        _ocr = ocr;
        _options = options;
    }

    /// <summary>Reports OCR progress page by page (long scans take seconds a page).</summary>
    public IProgress<PageProgress>? Progress { get; init; }

    /// <summary>The same pipeline reading with other options (password, searchable PDFs, OCR engine settings).</summary>
    public DocumentPipeline With(ReadOptions options, OcrService? ocr = null) =>
        new(FileReaders.Create(options), _normalizer, _extractor, ocr ?? _ocr, options) { Progress = Progress };

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

    public Task<FileOutcome> RunAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return RunAsync(path, bytes, Sha256(bytes), cancellationToken);
    }

    /// <summary>As <see cref="RunAsync(string, byte[], CancellationToken)"/>, for a caller that has hashed the bytes already (the bulk loader keys files by it).</summary>
    public async Task<FileOutcome> RunAsync(string path, byte[] bytes, string sha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(sha);
        var read = await _readers.ReadAsync(path, bytes, sha, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded) return new FileOutcome(path, sha, bytes.LongLength, [], read.Error);
        var source = read.Text!;
        string? searchable;
        try
        {
            (source, searchable) = await GateAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (OcrUnavailableException ex)
        {
            return new FileOutcome(path, sha, bytes.LongLength, [], "needs OCR, which is unavailable: " + ex.Message);
        }
        finally
        {
            read.Text!.Images?.Dispose();
        }
        if (!source.Pages.Any(p => p.Text.Any(char.IsLetter)))
            return new FileOutcome(path, sha, bytes.LongLength, [], NoTextReason(source));
        return new FileOutcome(path, sha, bytes.LongLength, Extract(source), null) { SearchablePdf = searchable, RawText = source.JoinedText };
    }

    private static string NoTextReason(SourceText source)
    {
        var notes = source.Pages.Select(p => p.Note).Where(n => n is not null).Distinct().Take(2).ToList();
        return $"no text found on any of its {source.Pages.Count} pages" + (notes.Count > 0 ? ": " + string.Join("; ", notes) : "");
    }

    /// <summary>
    /// The page gate: pages that fail <see cref="PageGate.Assess"/> are OCR'd (at most one image per OCR worker in memory)
    /// and their OCR text kept when it scores better. A file whose every page needed OCR is a scan: with
    /// <see cref="ReadOptions.SearchablePdfDirectory"/> set, its pages also go into a searchable PDF, in order.
    /// </summary>
    private async Task<(SourceText Source, string? Searchable)> GateAsync(SourceText source, CancellationToken cancellationToken)
    {
        // A plain-text page has nothing to OCR: no verdict needed (scoring a page costs as much as normalising it).
        var verdicts = source.Pages.Select(p => p.Origin == TextOrigins.Plain ? new PageVerdict(false, 1, 0, null) : PageGate.Assess(p)).ToList();
        var todo = Enumerable.Range(0, source.Pages.Count).Where(i => verdicts[i].NeedsOcr && source.Pages[i].Origin != TextOrigins.Plain).ToList();
        if (todo.Count == 0 || source.Images is null || !_options.Ocr)
        {
            var skipped = todo.Count > 0 ? source.Warnings.Append($"pages that need OCR (OCR off): {string.Join(",", todo.Select(i => source.Pages[i].Number))}").ToList() : source.Warnings;
            return (source with { Warnings = skipped }, null);
        }
        var pages = source.Pages.ToArray();
        var warnings = source.Warnings.ToList();
        SearchablePdfWriter? writer = null;
        var scan = todo.Count == pages.Length;
        if (scan && _options.SearchablePdfDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            writer = new SearchablePdfWriter(System.IO.Path.Combine(dir, System.IO.Path.GetFileNameWithoutExtension(source.Path)), System.IO.Path.GetFileName(source.Path), _ocr.DataPath);
        }
        else if (_options.SearchablePdfDirectory is not null)
        {
            warnings.Add("searchable PDF not written: the file already has a text layer on some pages");
        }
        var done = 0;
        var images = source.Images;
        async Task OcrOne(int i, CancellationToken ct)
        {
            var page = pages[i];
            var verdict = verdicts[i];
            try
            {
                // The stamped number and day are real text in the signature fields' appearances: read them exactly
                // from the rendered page's text, and OCR the image only for what is still blank.
                if (verdict.Reason == PageGate.StampedReason && images is IRenderedPageText rendered
                    && rendered.RenderedText(page.Number, ct) is { } drawn
                    && PageGate.FillStampedBlanks(page.Text, drawn) is var fromFields && fromFields != page.Text)
                {
                    page = page with { Text = fromFields, Note = verdict.Reason + "; filled from the signature fields' own text" };
                    pages[i] = page;
                    if (!PageGate.HasStampedBlanks(fromFields))
                    {
                        Progress?.Report(new PageProgress(source.Path, page.Number, todo.Count, Interlocked.Increment(ref done)));
                        return;
                    }
                }
                OcrPageResult result;
                using (var image = images.Get(page.Number, ct))
                {
                    result = await _ocr.RecognizeAsync(image, writer, ct).ConfigureAwait(false);
                }
                var low = result.Words.Where(w => w.Confidence < _ocr.Options.LowWordConfidence).Select(w => w.Text).ToList();
                var laid = Layout.PageLayout.Compose(result.Words, result.Width, result.Height);
                var text = laid.Text.Count(char.IsLetter) > 0 ? laid.Text : result.Text;
                if (verdict.Reason == PageGate.StampedReason)
                {
                    // Keep the exact text layer; take only the stamped number and day from the rendered page.
                    var filled = PageGate.FillStampedBlanks(page.Text, text);
                    pages[i] = page with { Text = filled, Note = filled == page.Text ? verdict.Reason + "; OCR did not read them" : verdict.Reason + "; filled from OCR of the page" };
                }
                else pages[i] = PageGate.PreferOcr(verdict, text)
                    ? new SourcePage(page.Number, text, TextOrigins.Ocr, Math.Round(result.MeanConfidence, 1))
                    {
                        ImageCoverage = page.ImageCoverage,
                        StampLinesRemoved = page.StampLinesRemoved + laid.StampLinesRemoved,
                        LowConfidenceWords = low.Count,
                        DoubtfulWords = low,
                        Note = verdict.Reason + (result.RotationDegrees != 0 ? $"; page turned {result.RotationDegrees}°" : "") + (result.CleanedUp ? "; image cleaned up" : "") + (result.Blocks is { } b ? "; " + b : ""),
                    }
                    : page with { Note = $"{verdict.Reason}; OCR reading (confidence {result.MeanConfidence:F0}) not better, text layer kept" };
            }
            catch (PageImageException ex)
            {
                pages[i] = page with { Note = ex.Message };
                lock (warnings) warnings.Add($"page {page.Number}: {ex.Message}");
            }
            Progress?.Report(new PageProgress(source.Path, page.Number, todo.Count, Interlocked.Increment(ref done)));
        }
        try
        {
            // Pages must reach a searchable PDF in order: one at a time then; otherwise one page per OCR worker.
            var parallel = writer is null ? Math.Max(1, _ocr.Options.Workers) : 1;
            await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (i, ct) => await OcrOne(i, ct).ConfigureAwait(false)).ConfigureAwait(false);
            writer?.Complete();
        }
        finally
        {
            writer?.Dispose();
        }
        var kept = todo.Count(i => pages[i].Origin == TextOrigins.Ocr && source.Pages[i].Origin != TextOrigins.Ocr);
        if (kept < todo.Count(i => source.Pages[i].Origin != TextOrigins.Ocr))
            warnings.Add($"OCR was tried on {todo.Count} pages; the text layer was kept on {todo.Count - kept - todo.Count(i => source.Pages[i].Origin == TextOrigins.Ocr)}");
        return (source with { Pages = pages, Warnings = warnings }, writer is { Pages: > 0 } ? writer.Path : null);
    }

    /// <summary>Normalise and extract: pure, from pages of text to documents.</summary>
    public IReadOnlyList<ExtractedDocument> Extract(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var normalized = _normalizer.Normalize(source.JoinedText);
        var rawQuality = TextQuality.Score(source.JoinedText);
        var warnings = source.Warnings.Concat(rawQuality.Reasons.Select(r => "raw text: " + r)).ToList();
        var confidences = source.Pages.Where(p => p.Confidence is not null).Select(p => p.Confidence!.Value).ToList();
        double? ocr = confidences.Count > 0 ? Math.Round(confidences.Average(), 1) : null;
        var lowWords = source.Pages.Sum(p => p.LowConfidenceWords);
        if (lowWords > 0) warnings.Add($"{lowWords} OCR words below confidence {_ocr.Options.LowWordConfidence:F0}");
        var stamps = source.Pages.Sum(p => p.StampLinesRemoved);
        if (stamps > 0) warnings.Add($"{stamps} digital-signature stamp lines left out of the text");
        var isPaged = source.Origin != TextOrigins.Plain;
        var pageQuality = isPaged
            ? source.Pages.Select(p => new PageQuality(p.Number, p.Origin, p.Text.Length == 0 ? 0 : TextQuality.Score(p.Text).Score, p.Confidence, p.LowConfidenceWords, p.Note)).ToList()
            : null;
        var qualityInfo = new QualityInfo(rawQuality.Score, ocr, warnings, pageQuality);
        var pageCount = source.Pages.Count;
        return _extractor.Extract(normalized, Recognised(source, normalized))
            .Select(a => new ExtractedDocument(
                new SourceInfo(source.Path, source.Sha256, a.Part, pageCount > 1 || isPaged ? 1 : null, pageCount > 1 || isPaged ? pageCount : null, source.Origin),
                a, qualityInfo, normalized.Text))
            .ToList();
    }

    /// <summary>Where the normalised text came from OCR'd pages of <see cref="SourceText.JoinedText"/>.</summary>
    private static RecognisedText Recognised(SourceText source, NormalizedText normalized)
    {
        if (source.Pages.All(p => p.Origin != TextOrigins.Ocr)) return RecognisedText.None;
        if (source.Pages.All(p => p.Origin == TextOrigins.Ocr)) return RecognisedText.All(normalized.Text.Length);
        var spans = new List<TextSpan>();
        var at = 0;
        foreach (var page in source.Pages)
        {
            if (page.Origin == TextOrigins.Ocr) spans.Add(normalized.Map.FromRaw(TextSpan.FromLength(at, page.Text.Length)));
            at += page.Text.Length + SourceText.PageSeparator.Length;
        }
        return new RecognisedText(spans);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
