using System.CommandLine;

namespace DocIntel.Cli.Commands;

internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "SQLite store file",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOCINTEL_DB") ?? "docintel.db",
    };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var o = new Option<string>("--format") { Description = "output format: " + string.Join("|", allowed), DefaultValueFactory = _ => defaultValue };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }
}

/// <summary>
/// <c>--store sqlite|es</c> and <c>--es-url</c> on every verb that reads or writes the store (defaults from
/// DOCINTEL_STORE and DOCINTEL_ES_URL). Credentials and TLS trust come only from the environment or files
/// (see <see cref="DocIntel.Index.Elasticsearch.EsConnection"/>), never from the command line, so they stay out of shell history.
/// </summary>
internal static class StoreSelection
{
    public const string StoreOption = "--store";
    public const string EsUrlOption = "--es-url";

    public static void AddTo(Command cmd)
    {
        var store = new Option<string>(StoreOption)
        {
            Description = "where the archive lives: sqlite (the --db file) or es (Elasticsearch at --es-url)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOCINTEL_STORE") ?? "sqlite",
        };
        store.AcceptOnlyFromAmong("sqlite", "es");
        cmd.Options.Add(store);
        cmd.Options.Add(new Option<string?>(EsUrlOption)
        {
            Description = "Elasticsearch URL (default: DOCINTEL_ES_URL); credentials from DOCINTEL_ES_API_KEY or DOCINTEL_ES_USER/DOCINTEL_ES_PASSWORD (or *_FILE), TLS from DOCINTEL_ES_CA_FILE or DOCINTEL_ES_FINGERPRINT",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DocIntel.Index.Elasticsearch.EsConnection.UrlVariable),
        });
    }
}
