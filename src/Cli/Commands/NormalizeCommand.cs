using System.CommandLine;
using DocIntel.Extract.Normalization;
using DocIntel.Ingest.Readers;

namespace DocIntel.Cli.Commands;

internal static class NormalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "a text, HTML or PDF file" };
        var diff = new Option<bool>("--diff") { Description = "list every repair (line:column and offsets in the raw text) and the text quality instead" };
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
            var raw = n.Raw;
            var lineStarts = new List<int> { 0 };
            for (var i = 0; i < raw.Length; i++) if (raw[i] == '\n') lineStarts.Add(i + 1);
            foreach (var r in n.Repairs.Where(r => r.Kind != RepairKind.Whitespace).OrderBy(r => r.RawSpan.Start))
            {
                var line = lineStarts.BinarySearch(r.RawSpan.Start);
                if (line < 0) line = ~line - 1;
                var where = $"{line + 1}:{r.RawSpan.Start - lineStarts[line] + 1}";
                Console.WriteLine($"{where,9} [{r.RawSpan.Start}-{r.RawSpan.End}] {r.Kind,-11} {Show(r.Before)} → {Show(r.After)}");
            }
            var q = TextQuality.Score(raw);
            var after = TextQuality.Score(n.Text);
            var counts = string.Join(", ", n.Repairs.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"repairs: {counts}");
            Console.WriteLine($"text quality: raw {q.Score:F3} → normalised {after.Score:F3}");
            foreach (var reason in q.Reasons) Console.WriteLine($"  raw: {reason}");
            foreach (var reason in after.Reasons) Console.WriteLine($"  normalised: {reason}");
            return 0;
        });
        return cmd;
    }

    private static string Show(string s) => "\"" + s.Replace("\n", "⏎", StringComparison.Ordinal) + "\"";
}
