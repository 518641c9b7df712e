using System.CommandLine;
using System.Globalization;
using DocIntel.Index.Queries;

namespace DocIntel.Cli.Commands;

internal static class RelatedCommand
{
    public static Command Create(AppServices services)
    {
        var key = new Argument<string>("DOCUMENT") { Description = "a cited document in any spelling" };
        var db = CommonOptions.Db();
        var limit = new Option<int>("--limit") { Description = "how many", DefaultValueFactory = _ => 20 };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("related", "Documents most often cited together with a document (co-citation)") { key, db, limit, format };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            var queries = services.Queries(store);
            var q = queries.Parse(pr.GetValue(key)!);
            var related = await queries.RelatedAsync(pr.GetValue(key)!, pr.GetValue(limit), ct).ConfigureAwait(false);
            var table = new ResultTable("related", $"Cited together with {queries.LabelOf(q)}", ["cited", "key", "documents_citing_both"],
                related.Select(r => (IReadOnlyList<string?>)[r.Label, r.Key, r.Documents.ToString(CultureInfo.InvariantCulture)]).ToList());
            Output.Write(table, pr.GetValue(format)!, Console.Out);
            return 0;
        });
        return cmd;
    }
}
