using System.CommandLine;
using System.Diagnostics;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli.Commands;

/// <summary>
/// `docintel bench read FILE`: pages/s of reading a PDF's text layer alone (PdfPig words + layout, no OCR, no
/// normalisation or extraction), cold (first pass, JIT included) and warm, in one process; the figure scripts/bench-ocr.sh
/// sets against pdftotext.
/// </summary>
internal static class ReadBenchmark
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "a PDF with a text layer" };
        var rounds = new Option<int>("--rounds") { Description = "warm passes after the cold one", DefaultValueFactory = _ => 3 };
        var cmd = new Command("read", "Pages/s of the PDF text-layer reader (PdfPig + layout), cold and warm") { file, rounds };
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var readers = FileReaders.Create(new ReadOptions { Ocr = false });
            var process = Process.GetCurrentProcess();
            var pages = 0;
            var chars = 0L;
            async Task<(double Wall, double Cpu)> Pass()
            {
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var outcome = await readers.ReadAsync(path, bytes, "", ct).ConfigureAwait(false);
                if (!outcome.Succeeded) throw new InvalidOperationException($"{path}: {outcome.Error}");
                outcome.Text!.Images?.Dispose();
                pages = outcome.Text.Pages.Count;
                chars = outcome.Text.Pages.Sum(p => (long)p.Text.Length);
                process.Refresh();
                return (sw.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu0).TotalSeconds);
            }
            var cold = await Pass().ConfigureAwait(false);
            var warm = new List<(double Wall, double Cpu)>();
            for (var i = 0; i < Math.Max(1, pr.GetValue(rounds)); i++) warm.Add(await Pass().ConfigureAwait(false));
            var best = warm.MinBy(w => w.Wall);
            Console.WriteLine($"read {pages} pages, {chars:N0} chars: cold {pages / cold.Wall:F1} pages/s ({cold.Cpu:F2} CPU-s), warm {pages / best.Wall:F1} pages/s ({best.Cpu:F2} CPU-s, best of {warm.Count})");
            return 0;
        });
        return cmd;
    }
}
