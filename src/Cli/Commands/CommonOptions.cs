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
