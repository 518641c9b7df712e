using System.CommandLine;

namespace DocIntel.Cli.Commands;

/// <summary>Prints every content row of a store in canonical order: the kill test compares two stores with it.</summary>
internal static class StoreDumpCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var cmd = new Command("store-dump", "Print the store's content rows in a canonical order (to compare two stores)") { db };
        cmd.Hidden = true;
        cmd.SetAction(async (pr, ct) =>
        {
            await using var store = await AppServices.OpenExistingStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            await store.DumpAsync(Console.Out, ct).ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }
}
