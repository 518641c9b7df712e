using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Api;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DocIntel.Cli.Commands;

/// <summary>
/// `docintel bench api`: a bounded load test of the HTTP API on 127.0.0.1 over a loaded store. N clients send requests
/// back to back for a fixed time per scenario; requests/s and latency percentiles per scenario, against /health (the
/// cost of HTTP alone) measured the same way in the same process. Client and server share the machine's cores.
/// </summary>
internal static class ApiBenchmark
{
    public static Command Create(AppServices services)
    {
        var db = CommonOptions.Db();
        var clients = new Option<int>("--clients") { Description = "concurrent clients", DefaultValueFactory = _ => 50 };
        var seconds = new Option<double>("--seconds") { Description = "measuring time per scenario (after 2 s of warm-up)", DefaultValueFactory = _ => 15 };
        var cmd = new Command("api", "Load test of the HTTP API on localhost: requests/s and p50/p95/p99 of search and who-cites at N concurrent clients") { db, clients, seconds };
        cmd.SetAction(async (pr, ct) =>
        {
            var n = pr.GetValue(clients);
            var secs = pr.GetValue(seconds);
            if (n is < 1 or > 1000 || secs is <= 0 or > 600) return await Output.FailAsync("--clients takes 1…1000 and --seconds 0…600").ConfigureAwait(false);
            await using var store = await AppServices.OpenExistingStoreAsync(pr.GetValue(db)!, ct).ConfigureAwait(false);
            if (store is null) return 2;
            _ = services;
            var counts = await store.CountAsync(ct).ConfigureAwait(false);
            var provinces = (await store.CountDocumentsAsync(new DocumentFacetQuery([DocumentField.Province]), ct).ConfigureAwait(false))
                .Select(f => f.Values[0]).OfType<string>().ToList();
            // The store as served (answer cache on), then the same file with the cache off: every request computed.
            await using var uncached = new SqliteDocumentStore(store.Path, new SqliteStoreOptions { CachedAnswers = 0 });
            await uncached.InitializeAsync(ct).ConfigureAwait(false);
            foreach (var (label, served) in new (string, IDocumentStore)[] { ("answer cache on (as served)", store), ("answer cache off (every request computed)", uncached) })
            {
                var app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--DocIntel:RateLimitPerSecond", "0", "--Logging:LogLevel:Default", "Warning"], served);
                await using (app.ConfigureAwait(false))
                {
                    await app.StartAsync(ct).ConfigureAwait(false);
                    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = n, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
                    {
                        BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30),
                    };
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"store: {counts.Documents} documents, {counts.Citations} citations; {label}; {n} clients, {secs:F0} s per scenario, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
                    string Pick(Random r, IReadOnlyList<string> xs) => xs[r.Next(xs.Count)];
                    string Esc(string s) => Uri.EscapeDataString(s);
                    var scenarios = new (string Name, Func<Random, string> Path)[]
                    {
                        ("GET /health (HTTP alone, baseline)", _ => "/health"),
                        ("search: q, top 20 + snippets + 4 facets", r => "/api/documents?q=" + Esc(Pick(r, BenchQueriesCommand.Words))),
                        ("search: q, top 20 + snippets, facets=false", r => "/api/documents?q=" + Esc(Pick(r, BenchQueriesCommand.Words)) + "&facets=false"),
                        ("search: q + province + level=commune", r => "/api/documents?q=" + Esc(Pick(r, BenchQueriesCommand.Words)) + "&level=commune&province=" + Esc(Pick(r, provinces))),
                        ("who-cites: KEY?level=commune&province=P", r => "/api/cites/" + Esc(Pick(r, BenchQueriesCommand.Cited)) + "?level=commune&province=" + Esc(Pick(r, provinces))),
                        ("who-cites: KEY?groupBy=province&level=commune", r => "/api/cites/" + Esc(Pick(r, BenchQueriesCommand.Cited)) + "?level=commune&groupBy=province"),
                    };
                    foreach (var (name, path) in scenarios)
                    {
                        await RunAsync(http, n, TimeSpan.FromSeconds(2), path, ct).ConfigureAwait(false);
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        var m = await RunAsync(http, n, TimeSpan.FromSeconds(secs), path, ct).ConfigureAwait(false);
                        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{name,-48} {m.Count / m.Seconds,8:F1} req/s  p50 {m.P(0.5),7:F1} ms  p95 {m.P(0.95),7:F1} ms  p99 {m.P(0.99),7:F1} ms  errors {m.Errors}  (n={m.Count}, process CPU {cpuMs / Math.Max(1, m.Count):F2} ms/request incl. clients)"));
                    }
                    await app.StopAsync(ct).ConfigureAwait(false);
                }
            }
            return 0;
        });
        return cmd;
    }

    private sealed record Measured(List<double> Times, double Seconds, int Errors)
    {
        public int Count => Times.Count;

        public double P(double p) => Times.Count == 0 ? double.NaN : Times[Math.Min(Times.Count - 1, (int)Math.Ceiling(p * Times.Count) - 1)];
    }

    private static async Task<Measured> RunAsync(HttpClient http, int clients, TimeSpan duration, Func<Random, string> path, CancellationToken ct)
    {
        var times = new List<double>[clients];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var rng = new Random(c * 7919 + 1);
            var mine = times[c] = [];
            while (watch.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(new Uri(path(rng), UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors); // a timeout counts as an error, with its time
                }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })).ConfigureAwait(false);
        var all = times.SelectMany(t => t).ToList();
        all.Sort();
        return new Measured(all, watch.Elapsed.TotalSeconds, errors);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
