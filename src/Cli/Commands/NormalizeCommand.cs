using System.CommandLine;
using DocIntel.Extract.Normalization;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli.Commands;

internal static class NormalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "a text, HTML or PDF file" };
        var diff = new Option<bool>("--diff") { Description = "list every repair with its position in the raw text instead" };
        var cmd = new Command("normalize", "Print a file's normalised text (what every extractor reads)") { file, diff };
        cmd.SetAction(async (pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"docintel: no such file: {path}").ConfigureAwait(false);
                return 2;
            }
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var read = await FileReaders.Default.ReadAsync(path, bytes, "", ct).ConfigureAwait(false);
            if (!read.Succeeded)
            {
                await Console.Error.WriteLineAsync($"docintel: {path}: {read.Error}").ConfigureAwait(false);
                return 1;
            }
            var n = VietnameseNormalizer.Default.Normalize(read.Text!.JoinedText);
            if (!pr.GetValue(diff))
            {
                Console.WriteLine(n.Text);
                return 0;
            }
            foreach (var r in n.Repairs.Where(r => r.Kind != RepairKind.Whitespace))
                Console.WriteLine($"{r.RawSpan.Start,7}-{r.RawSpan.End,-7} {r.Kind,-11} {Show(r.Before)} → {Show(r.After)}");
            var q = TextQuality.Score(read.Text.JoinedText);
            var after = TextQuality.Score(n.Text);
            Console.WriteLine($"text quality: raw {q.Score:F3} → normalised {after.Score:F3}");
            return 0;
        });
        return cmd;
    }

    private static string Show(string s) => "\"" + s.Replace("\n", "⏎", StringComparison.Ordinal) + "\"";
}
