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
        var cmd = new Command("extract", "Print the extracted facts of each document as JSON (one object per document)") { files, format, evidence };
        cmd.SetAction(async (pr, ct) =>
        {
            var pipeline = services.CreatePipeline();
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
