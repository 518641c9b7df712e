using System.CommandLine;
using DocIntel.Index.Graph;

namespace DocIntel.Cli.Commands;

internal static class GraphCommand
{
    public static Command Create(AppServices services)
    {
        var root = new Argument<string>("KEY-OR-ID") { Description = "a document id (from search/cites) or a cited document in any spelling" };
        var db = CommonOptions.Db();
        var direction = new Option<string>("--direction") { Description = "in (who cites it), out (what it cites), both", DefaultValueFactory = _ => "both" };
        direction.AcceptOnlyFromAmong("in", "out", "both");
        var depth = new Option<int>("--depth") { Description = "how many citation steps from the root (1–5)", DefaultValueFactory = _ => 1 };
        var maxNodes = new Option<int>("--max-nodes") { Description = "stop the walk at this many nodes", DefaultValueFactory = _ => 2000 };
        var format = CommonOptions.Format("json", "json", "graphml", "dot");
        var cmd = new Command("graph", "The citation graph around a document or law, edges typed by relation (JSON, GraphML, Graphviz DOT)")
        {
            root, db, direction, depth, maxNodes, format,
        };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            if (pr.GetValue(depth) is < 1 or > 5) return await Output.FailAsync("--depth takes 1…5").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var graph = await services.Queries(store).GraphAsync(pr.GetValue(root)!, Enum.Parse<GraphDirection>(pr.GetValue(direction)!, ignoreCase: true),
                pr.GetValue(depth), pr.GetValue(maxNodes), ct).ConfigureAwait(false);
            if (graph.Nodes.Count == 0) return await Output.FailAsync($"nothing in the store is or cites \"{pr.GetValue(root)}\"").ConfigureAwait(false);
            Console.Write(GraphWriters.Write(graph, pr.GetValue(format)!));
            if (graph.Truncated) await Console.Error.WriteLineAsync($"docintel: graph cut at {graph.Nodes.Count} nodes (--max-nodes)").ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }
}
