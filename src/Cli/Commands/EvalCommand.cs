using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Evaluation;

namespace DocIntel.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create(AppServices services)
    {
        var gold = new Argument<string>("GOLD") { Description = "gold file (JSON lines: id = file name without extension, part = document index)" };
        var dir = new Argument<string>("DIR") { Description = "folder holding the documents named in the gold file" };
        var mismatches = new Option<bool>("--mismatches") { Description = "list every wrong field and citation" };
        var min = new Option<string[]>("--min") { Description = "fail (exit 1) below a floor, e.g. --min number=0.95 --min citations.f1=0.9", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("eval", "Measure extraction against a gold file: per-field accuracy, citation precision, recall and F1") { gold, dir, mismatches, min };
        cmd.SetAction(async (pr, ct) =>
        {
            var goldPath = pr.GetValue(gold)!;
            var folder = pr.GetValue(dir)!;
            if (!File.Exists(goldPath) || !Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"docintel: need a gold file and a folder ({goldPath}, {folder})").ConfigureAwait(false);
                return 2;
            }
            var goldRecords = (await File.ReadAllLinesAsync(goldPath, ct).ConfigureAwait(false))
                .Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            var pipeline = services.CreatePipeline();
            var actual = new List<JsonObject>();
            foreach (var id in goldRecords.Select(g => (string)g["id"]!).Distinct())
            {
                var file = Directory.EnumerateFiles(folder, id + ".*").FirstOrDefault(f => !f.EndsWith(".jsonl", StringComparison.Ordinal));
                if (file is null)
                {
                    await Console.Error.WriteLineAsync($"docintel: no file for gold id {id} in {folder}").ConfigureAwait(false);
                    continue;
                }
                var outcome = await pipeline.RunAsync(file, ct).ConfigureAwait(false);
                if (!outcome.Succeeded) await Console.Error.WriteLineAsync($"docintel: {file}: {outcome.Error}").ConfigureAwait(false);
                actual.AddRange(outcome.Documents.Select(d => ExtractJson.ToJson(d, withEvidence: false)));
            }
            var report = new GoldEvaluator(services.Reference.Registry).Evaluate(goldRecords, actual);
            Console.Write(report.ToText());
            if (pr.GetValue(mismatches))
            {
                foreach (var m in report.Mismatches) Console.WriteLine($"  {m.DocumentId}#{m.Part} {m.Field}: expected {m.Expected ?? "null"}, got {m.Actual ?? "null"}");
            }
            var ok = true;
            foreach (var floor in pr.GetValue(min) ?? [])
            {
                var kv = floor.Split('=');
                if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
                {
                    await Console.Error.WriteLineAsync($"docintel: --min takes FIELD=NUMBER, not {floor}").ConfigureAwait(false);
                    return 2;
                }
                double? value = kv[0] switch
                {
                    "citations.f1" => report.F1,
                    "citations.precision" => report.Precision,
                    "citations.recall" => report.Recall,
                    _ => report.Fields.FirstOrDefault(f => f.Field == kv[0])?.Accuracy,
                };
                if (value is null)
                {
                    await Console.Error.WriteLineAsync($"docintel: unknown field in --min: {kv[0]}").ConfigureAwait(false);
                    return 2;
                }
                if (value < threshold)
                {
                    ok = false;
                    Console.WriteLine($"BELOW FLOOR: {kv[0]} = {value:F3} < {threshold:F3}");
                }
            }
            return ok ? 0 : 1;
        });
        return cmd;
    }
}
