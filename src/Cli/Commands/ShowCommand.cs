using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocIntel.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create(AppServices services)
    {
        var id = new Argument<string>("DOC-ID") { Description = "a document id, as search and cites print it (e.g. 1afb2497f3ceea48-1)" };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format("text", "text", "json");
        var cmd = new Command("show", "A document: metadata, citations (resolved to stored documents or not), tasks, and the files it came from") { id, db, format };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var details = await services.Queries(store).ShowAsync(pr.GetValue(id)!, ct).ConfigureAwait(false);
            if (details is null) return await Output.FailAsync($"no document with id {pr.GetValue(id)}").ConfigureAwait(false);
            var json = JsonNode.Parse(details.Stored.Json)!.AsObject();
            if (pr.GetValue(format) == "json")
            {
                json["files"] = new JsonArray(details.Stored.Paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
                foreach (var (node, resolved) in json["citations"]!.AsArray().Zip(details.Citations))
                    node!["resolved_to"] = resolved.Target?.Id;
                json["cited_by"] = new JsonArray(details.CitedBy.Select(d => (JsonNode?)JsonValue.Create(d.Id)).ToArray());
                Console.WriteLine(json.ToJsonString(Output.Json));
                return 0;
            }
            var s = details.Stored.Summary;
            void Field(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value)) Console.WriteLine($"{name,-12} {value}");
            }
            Field("id", s.Id);
            Field("type", s.DocType);
            Field("number", s.Number);
            Field("date", Output.Date(s.IssuedDate));
            Field("place", (string?)json["place"]);
            Field("issuer", s.IssuerName);
            Field("parent", (string?)json["issuer"]?["parent"]);
            Field("level", s.Level);
            Field("province", s.Province);
            Field("district", s.District);
            Field("commune", s.Commune);
            Field("subject", s.Subject);
            Field("signer", string.Join(", ", new[] { (string?)json["signer"]?["authority"], (string?)json["signer"]?["position"], (string?)json["signer"]?["name"] }.Where(x => x is not null)));
            if (json["recipients"] is JsonArray rec && rec.Count > 0) Field("recipients", string.Join("; ", rec.Select(r => (string?)r)));
            Console.WriteLine($"citations    {details.Citations.Count}");
            foreach (var c in details.Citations)
            {
                var target = c.Target is { } t ? $"→ {t.Id} ({t.IssuerName}, {Output.Date(t.IssuedDate)})" : "→ not in the archive";
                Console.WriteLine($"  [{c.Citation.Relation,-10}] {c.Citation.Label}{(c.Citation.Date is { } d ? $" ngày {Output.Date(d)}" : "")}{(c.Citation.Issuer is { } i ? $" của {i}" : "")}  {target}");
            }
            if (details.CitedBy.Count > 0)
            {
                Console.WriteLine($"cited by     {details.CitedBy.Count}");
                foreach (var d in details.CitedBy) Console.WriteLine($"  {d.Id}  {d.Number}  {Output.Date(d.IssuedDate)}  {d.IssuerName}");
            }
            Console.WriteLine($"tasks        {details.Tasks.Count}");
            foreach (var t in details.Tasks)
                Console.WriteLine($"  - {t.Text}{(t.Assignee is { } a ? $"  [giao: {a}]" : "")}{(t.Deadline is { } dl ? $"  [hạn: {dl}]" : "")}");
            Console.WriteLine($"files        {details.Stored.Paths.Count}");
            foreach (var p in details.Stored.Paths) Console.WriteLine("  " + p);
            return 0;
        });
        return cmd;
    }
}
