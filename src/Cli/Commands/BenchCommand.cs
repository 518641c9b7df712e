using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocIntel.Extract.Normalization;

namespace DocIntel.Cli.Commands;

/// <summary>
/// `docintel bench normalize [DIR]`: throughput of the normaliser on one core over a folder of text files, the cost of
/// each pass, and the ratio to string.Normalize(FormC) alone measured in the same process on the same text.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(AppServices services)
    {
        var dir = new Argument<string>("DIR") { Description = "folder of .txt/.md files (default: the shared corpus, else testdata)", Arity = ArgumentArity.ZeroOrOne };
        var seconds = new Option<double>("--seconds") { Description = "measuring time per configuration", DefaultValueFactory = _ => 3.0 };
        var normalize = new Command("normalize", "MB/s of the Vietnamese normaliser on one core, per pass, against NFC alone") { dir, seconds };
        normalize.SetAction((pr, ct) => Task.FromResult(RunNormalize(pr.GetValue(dir), pr.GetValue(seconds), ct)));
        return new Command("bench", "Measure speed (figures for docs/benchmarks.md)") { normalize, ExtractBenchmark.Create(services), StoreBenchmark.Create(services), EsBulkBenchCommand.Create(services), ApiBenchmark.Create(services), ReadBenchmark.Create() };
    }

    private static int RunNormalize(string? folder, double seconds, CancellationToken ct)
    {
        folder ??= new[] { "/work/shared/corpus/text", "testdata" }.FirstOrDefault(Directory.Exists);
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"docintel: no such folder: {folder}");
            return 2;
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"docintel: no .txt or .md files in {folder}");
            return 2;
        }
        var texts = files.Select(f => File.ReadAllText(f, Encoding.UTF8)).ToList();
        var chars = texts.Sum(t => (long)t.Length);
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        // One core: the measuring thread only; the process stays off the other core as far as the OS lets it.
        Thread.CurrentThread.Priority = ThreadPriority.Highest;
        Console.WriteLine($"corpus: {folder}: {files.Count} files, {bytes / 1e6:F2} MB UTF-8, {chars:N0} chars; one thread, {seconds:F0} s per row");

        var normalizer = VietnameseNormalizer.Default;
        var names = normalizer.PassNames;
        normalizer.Normalize("Ủy ban nhân dân tỉnh"); // load the syllable list before timing

        var nfc = Measure(() => { foreach (var t in texts) _ = t.Normalize(NormalizationForm.FormC); }, bytes, seconds, ct);
        // The speed of the machine right now: one pass that only classifies each character (a shared machine under load
        // is many times slower than an idle one; this row says how much).
        var letters = 0;
        var scan = Measure(() => { foreach (var t in texts) foreach (var c in t) if (char.IsLetter(c)) letters++; }, bytes, seconds, ct);
        var ticks = new long[names.Count];
        var rounds = 0;
        var full = Measure(() =>
        {
            foreach (var t in texts) normalizer.Normalize(t, ticks);
            rounds++;
        }, bytes, seconds, ct);

        // Damaged text: every word of the corpus with its letters H and Ư lost as spaces (the seed 001 font), so the
        // glyph repair has work on every line: the worst case, not a typical one.
        var damaged = texts.Select(t => t.Replace('H', ' ').Replace('Ư', ' ')).ToList();
        var damagedBytes = damaged.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var dmg = Measure(() => { foreach (var t in damaged) normalizer.Normalize(t); }, damagedBytes, seconds, ct);

        Console.WriteLine();
        Console.WriteLine($"{"configuration",-44} {"MB/s",8} {"ratio",8}");
        Console.WriteLine($"{"string.Normalize(FormC) (baseline)",-44} {nfc,8:F1} {1.0,8:F2}");
        Console.WriteLine($"{"char.IsLetter scan (machine speed)",-44} {scan,8:F1} {scan / nfc,8:F2}");
        Console.WriteLine($"{"VietnameseNormalizer, clean corpus",-44} {full,8:F1} {full / nfc,8:F3}");
        Console.WriteLine($"{"VietnameseNormalizer, upper-case H/Ư dropped",-44} {dmg,8:F1} {dmg / nfc,8:F3}");
        Console.WriteLine($"normaliser / character scan: 1 : {scan / full:F0}");
        Console.WriteLine();
        var total = ticks.Sum();
        Console.WriteLine($"cost of each pass on the clean corpus ({rounds} rounds):");
        for (var i = 0; i < names.Count; i++)
        {
            var secondsInPass = ticks[i] / (double)Stopwatch.Frequency;
            var mbps = bytes * rounds / 1e6 / Math.Max(secondsInPass, 1e-9);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {names[i],-12} {100.0 * ticks[i] / total,6:F1} %   {mbps,9:F1} MB/s alone"));
        }
        Console.WriteLine(full >= 30 ? "target (>= 30 MB/s on clean text): met" : "target (>= 30 MB/s on clean text): NOT met");
        return 0;
    }

    /// <summary>
    /// MB/s of <paramref name="work"/> over <paramref name="bytes"/>: a warm-up of 1.5 s of CPU time (at least two rounds), then as many rounds
    /// as fit in the time. Measured in CPU time of the process (one working thread), so a busy shared machine does not
    /// count against it; wall-clock MB/s is printed alongside. The warm-up lets tiered compilation replace the first,
    /// unoptimised code of the hot loops (with a single warm-up round most measured rounds ran it, and the JIT's own
    /// thread was counted as CPU time of the process): the figure is the steady state of a long bulk load.
    /// </summary>
    private static double Measure(Action work, long bytes, double seconds, CancellationToken ct)
    {
        var process = Process.GetCurrentProcess();
        var warm0 = process.TotalProcessorTime;
        var warmRounds = 0;
        do
        {
            ct.ThrowIfCancellationRequested();
            work();
            warmRounds++;
            process.Refresh();
        }
        while (warmRounds < 2 || (process.TotalProcessorTime - warm0).TotalSeconds < Math.Min(1.5, seconds / 2));
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            ct.ThrowIfCancellationRequested();
            work();
            rounds++;
        }
        while (sw.Elapsed.TotalSeconds < seconds);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var mb = bytes * rounds / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  measured {rounds} rounds: {mb / cpu,8:F1} MB/s of CPU time, {mb / sw.Elapsed.TotalSeconds,8:F1} MB/s wall clock"));
        return mb / cpu;
    }
}
