using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocIntel.Extract.Contract;

namespace DocIntel.Cli.Commands;

internal static class ExtractCommand
{
    public static Command Create(AppServices services)
    {
        var files = new Argument<string[]>("FILE") { Description = "files to extract", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("jsonl", "jsonl", "json");
        var evidence = new Option<bool>("--no-evidence") { Description = "leave out the evidence spans" };
        var showText = new Option<bool>("--text") { Description = "also print each document's text (after OCR and normalisation) to stderr" };
        var rawText = new Option<bool>("--raw-text") { Description = "also print each file's text as read (OCR + layout, before normalisation) to stderr" };
        var cmd = new Command("extract", "Print the extracted facts of each document as JSON (one object per document)") { files, format, evidence, showText, rawText };
        var reading = new ReadingOptions();
        reading.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            var pipeline = reading.Apply(services.CreatePipeline(), pr);
            var failed = false;
            var all = new JsonArray();
            var pretty = pr.GetValue(format) == "json";
            foreach (var f in pr.GetValue(files)!)
            {
                var outcome = await pipeline.RunAsync(f, ct).ConfigureAwait(false);
                IEnumerable<JsonObject> objects;
                if (!outcome.Succeeded)
                {
                    failed = true;
                    await Console.Error.WriteLineAsync($"docintel: {f}: {outcome.Error}").ConfigureAwait(false);
                    objects = [ExtractJson.Error(f, outcome.Sha256.Length > 0 ? outcome.Sha256 : null, outcome.Error!)];
                }
                else
                {
                    objects = outcome.Documents.Select(d => ExtractJson.ToJson(d, withEvidence: !pr.GetValue(evidence)));
                    if (outcome.SearchablePdf is { } sp) await Console.Error.WriteLineAsync($"docintel: {f}: searchable PDF {sp}").ConfigureAwait(false);
                    if (pr.GetValue(rawText)) await Console.Error.WriteLineAsync($"=== {f} raw\n{outcome.RawText}").ConfigureAwait(false);
                    if (pr.GetValue(showText))
                    {
                        foreach (var d in outcome.Documents) await Console.Error.WriteLineAsync($"=== {f} #{d.Source.Part}\n{d.Text}").ConfigureAwait(false);
                    }
                }
                foreach (var o in objects)
                {
                    if (pretty) all.Add(o);
                    else Console.WriteLine(o.ToJsonString(ExtractJson.Compact));
                }
            }
            if (pretty) Console.WriteLine(all.ToJsonString(new JsonSerializerOptions(ExtractJson.Compact) { WriteIndented = true }));
            return failed ? 1 : 0;
        });
        return cmd;
    }
}
