using System.CommandLine;
using DocIntel.Ingest.Ocr;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli.Commands;

/// <summary>The reading options shared by extract and ingest: PDF password, OCR language, searchable-PDF output.</summary>
internal sealed class ReadingOptions
{
    public Option<string?> Password { get; } = new("--password") { Description = "password of encrypted PDFs" };

    public Option<string?> SearchablePdf { get; } = new("--searchable-pdf") { Description = "write a searchable PDF (image + OCR text layer) of each scanned input into this folder" };

    public Option<string> Lang { get; } = new("--lang") { Description = "Tesseract language(s) for OCR: vie, or vie+eng", DefaultValueFactory = _ => "vie" };

    public Option<bool> NoOcr { get; } = new("--no-ocr") { Description = "do not OCR scanned pages (report them instead)" };

    public Option<int> OcrWorkers { get; } = new("--ocr-workers") { Description = "OCR engines working at once (default: one per core)", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(Password);
        cmd.Options.Add(SearchablePdf);
        cmd.Options.Add(Lang);
        cmd.Options.Add(NoOcr);
        cmd.Options.Add(OcrWorkers);
    }

    /// <summary>The pipeline with these options applied (the default one when none is given).</summary>
    public DocumentPipeline Apply(DocumentPipeline pipeline, ParseResult pr)
    {
        var read = new ReadOptions { Password = pr.GetValue(Password), SearchablePdfDirectory = pr.GetValue(SearchablePdf), Ocr = !pr.GetValue(NoOcr) };
        var lang = pr.GetValue(Lang)!;
        var workers = pr.GetValue(OcrWorkers);
        var ocr = lang == OcrOptions.Default.Languages && workers == OcrOptions.Default.Workers ? null : new OcrService(OcrOptions.Default with { Languages = lang, Workers = Math.Max(1, workers) });
        return read == ReadOptions.Default && ocr is null ? pipeline : pipeline.With(read, ocr);
    }
}
