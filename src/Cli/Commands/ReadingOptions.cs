using System.CommandLine;
using DocIntel.Ingest.Ocr;
using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli.Commands;

/// <summary>The reading options shared by extract and ingest: PDF password, OCR language and model, searchable-PDF output.</summary>
internal sealed class ReadingOptions
{
    public Option<string?> Password { get; } = new("--password") { Description = "password of encrypted PDFs" };

    public Option<string?> SearchablePdf { get; } = new("--searchable-pdf") { Description = "write a searchable PDF (image + OCR text layer) of each scanned input into this folder" };

    public Option<string> Lang { get; } = new("--lang") { Description = "Tesseract language(s) for OCR: vie, or vie+eng", DefaultValueFactory = _ => "vie" };

    public Option<bool> NoOcr { get; } = new("--no-ocr") { Description = "do not OCR scanned pages (report them instead)" };

    public Option<int> OcrWorkers { get; } = new("--ocr-workers") { Description = "OCR engines working at once (default: one per core)", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };

    public Option<string?> Tessdata { get; } = new("--tessdata") { Description = "folder with the .traineddata files (e.g. the best_int vie model; default: $DOCINTEL_TESSDATA, $TESSDATA_PREFIX, models/tessdata, Debian's)" };

    public Option<string> OcrCleanup { get; } = new("--ocr-cleanup")
    {
        Description = "image clean-up before OCR: auto (pages that read badly), never, always; with steps: always:median+deskew+otsu",
        DefaultValueFactory = _ => "auto",
    };

    public Option<int> OcrUpscaleBelow { get; } = new("--ocr-upscale-below") { Description = "scale page images under this dpi up to 300 dpi before OCR (0: never)", DefaultValueFactory = _ => OcrOptions.Default.UpscaleBelowDpi };

    public Option<bool> NoDespeckle { get; } = new("--ocr-no-despeckle") { Description = "keep isolated specks on bilevel (fax, G4) pages (default: removed before OCR)" };

    public Option<string[]> OcrVar { get; } = new("--ocr-var") { Description = "a Tesseract run-time variable NAME=VALUE for every engine (repeatable; as tesseract -c)", AllowMultipleArgumentsPerToken = false };

    public ReadingOptions()
    {
        // A value the parsers refuse is a usage error before any file is read, not an exception out of the command.
        OcrCleanup.Validators.Add(r => Refuse(r, () => ParseCleanup(r.GetValueOrDefault<string>() ?? "auto")));
        OcrVar.Validators.Add(r => Refuse(r, () => ParseVariables(r.GetValueOrDefault<string[]>() ?? [])));
    }

    private static void Refuse(System.CommandLine.Parsing.OptionResult result, Action parse)
    {
        try { parse(); }
        catch (ArgumentException e) { result.AddError(e.Message); }
    }

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(Password);
        cmd.Options.Add(SearchablePdf);
        cmd.Options.Add(Lang);
        cmd.Options.Add(NoOcr);
        cmd.Options.Add(OcrWorkers);
        cmd.Options.Add(Tessdata);
        cmd.Options.Add(OcrCleanup);
        cmd.Options.Add(OcrUpscaleBelow);
        cmd.Options.Add(OcrVar);
        cmd.Options.Add(NoDespeckle);
    }

    /// <summary>The pipeline with these options applied (the default one when none is given).</summary>
    public DocumentPipeline Apply(DocumentPipeline pipeline, ParseResult pr)
    {
        var read = new ReadOptions { Password = pr.GetValue(Password), SearchablePdfDirectory = pr.GetValue(SearchablePdf), Ocr = !pr.GetValue(NoOcr) };
        var (mode, steps) = ParseCleanup(pr.GetValue(OcrCleanup)!);
        var options = OcrOptions.Default with
        {
            Languages = pr.GetValue(Lang)!,
            Workers = Math.Max(1, pr.GetValue(OcrWorkers)),
            TessdataDirectory = pr.GetValue(Tessdata),
            Cleanup = mode,
            CleanupSteps = steps,
            UpscaleBelowDpi = Math.Max(0, pr.GetValue(OcrUpscaleBelow)),
            DespeckleBilevel = !pr.GetValue(NoDespeckle),
        };
        if (pr.GetValue(OcrVar) is { Length: > 0 } vars) options = options with { Variables = ParseVariables(vars) };
        var ocr = options == OcrOptions.Default ? null : new OcrService(options);
        return read == ReadOptions.Default && ocr is null ? pipeline : pipeline.With(read, ocr);
    }

    /// <summary>NAME=VALUE pairs (Tesseract's -c syntax).</summary>
    internal static IReadOnlyDictionary<string, string> ParseVariables(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--ocr-var: '{pair}' is not NAME=VALUE");
            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>"auto", "never", "always", or "MODE:step+step" (steps: median, deskew, otsu).</summary>
    internal static (CleanupMode Mode, CleanupSteps Steps) ParseCleanup(string value)
    {
        var parts = value.Split(':', 2);
        if (!Enum.TryParse<CleanupMode>(parts[0], ignoreCase: true, out var mode))
            throw new ArgumentException($"--ocr-cleanup: '{parts[0]}' is not auto, never or always");
        var steps = CleanupSteps.Default;
        if (parts.Length == 2)
        {
            steps = CleanupSteps.None;
            foreach (var s in parts[1].Split('+', ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                steps |= Enum.TryParse<CleanupSteps>(s, ignoreCase: true, out var step) ? step : throw new ArgumentException($"--ocr-cleanup: unknown step '{s}' (median, deskew, otsu)");
            }
        }
        return (mode, steps);
    }
}
