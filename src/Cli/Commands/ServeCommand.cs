using System.CommandLine;
using System.Globalization;
using DocIntel.Api;
using Microsoft.Extensions.Hosting;

namespace DocIntel.Cli.Commands;

/// <summary>Starts the HTTP API and the dashboard over a store opened the way every other verb opens it.</summary>
internal static class ServeCommand
{
    public static Command Create(AppServices services)
    {
        var db = CommonOptions.Db();
        var port = new Option<int>("--port") { Description = "TCP port", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host")
        {
            Description = "address to listen on; anything but localhost needs an API key (DocIntel__ApiKey) for the write endpoints",
            DefaultValueFactory = _ => "localhost",
        };
        var cmd = new Command("serve", "Serve the JSON API (OpenAPI at /openapi/v1.json) and the web dashboard: search, documents with evidence, who cites what, legal-basis charts, citation graph")
        {
            db, port, host,
        };
        StoreSelection.AddTo(cmd);
        cmd.SetAction(async (pr, ct) =>
        {
            if (pr.GetValue(port) is < 1 or > 65535) return await Output.FailAsync("--port takes 1…65535").ConfigureAwait(false);
            await using var store = await AppServices.OpenSelectedStoreAsync(pr, pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            _ = services;
            var url = string.Create(CultureInfo.InvariantCulture, $"http://{pr.GetValue(host)}:{pr.GetValue(port)}");
            var app = ApiHost.Build(["--urls", url], store);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                Console.WriteLine($"docintel: serving {AppServices.Describe(store)} — dashboard at {url}/ , API at {url}/api/documents, OpenAPI at {url}/openapi/v1.json (Ctrl+C stops)");
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            return 0;
        });
        return cmd;
    }
}
