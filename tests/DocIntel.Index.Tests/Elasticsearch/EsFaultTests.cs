using System.Net;
using System.Text.Json.Nodes;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// Loads through a fault-injecting handler in front of the in-memory fake. After each run the documents, citations,
/// paths and ledger Elasticsearch holds must equal those of a fault-free run: nothing lost, nothing twice (ids come from
/// content, so a re-sent item overwrites itself), and the ledger says what happened.
/// </summary>
public sealed class EsFaultTests
{
    private const int FileCount = 24;
    private static readonly Lazy<IReadOnlyList<EsTestArchive.ArchiveFile>> Archive = new(() => EsTestArchive.Files(FileCount));

    /// <summary>Breaks some requests: before they reach the cluster, or after (the cluster applied it, the answer was lost).</summary>
    private sealed class Faults(HttpMessageHandler inner, Func<int, HttpRequestMessage, Fault> plan) : DelegatingHandler(inner)
    {
        private int _n;

        public int Injected;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _n);
            var fault = plan(n, request);
            if (fault != Fault.None) Interlocked.Increment(ref Injected);
            switch (fault)
            {
                case Fault.ServiceUnavailable:
                    return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                    {
                        Content = new StringContent("""{"error":{"root_cause":[],"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}"""),
                    };
                case Fault.TooManyRequests:
                    return new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                    {
                        Content = new StringContent(File.ReadAllText(RepoPaths.TestData("es", "responses", "error-too-many-requests.json"))),
                    };
                case Fault.Timeout:
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                    throw new InvalidOperationException("not reached: the attempt times out first");
                case Fault.ResetBefore:
                    throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer"));
                case Fault.ResetAfter:
                    using (await base.SendAsync(request, cancellationToken)) { }
                    throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer"));
                case Fault.Refused:
                    throw new HttpRequestException("Connection refused (es.test:9200)", new System.Net.Sockets.SocketException(111));
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }
    }

    private enum Fault
    {
        None,
        ServiceUnavailable,
        TooManyRequests,
        Timeout,
        ResetBefore,
        ResetAfter,
        Refused,
    }

    private static bool IsBulk(HttpRequestMessage r) => r.RequestUri!.AbsolutePath == "/_bulk";

    /// <summary>What the cluster holds, as comparable lines (ledger lines without their timestamps).</summary>
    private static List<string> Holdings(FakeElasticsearch fake)
    {
        var lines = new List<string>();
        foreach (var alias in new[] { "docintel-documents", "docintel-citations", "docintel-paths" })
            lines.AddRange(fake.Docs(alias).Select(kv => $"{alias} {kv.Key} {kv.Value.ToJsonString()}"));
        foreach (var (sha, f) in fake.Docs("docintel-files"))
            lines.Add($"file {sha} {f["status"]} {f["documents"]} {f["path"]} {f["reason"]} {f["check_orphan"]}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<(FakeElasticsearch Fake, Exception? Error, EsTransportStats Stats)> RunAsync(Func<int, HttpRequestMessage, Fault> plan, Action<FakeElasticsearch>? setup = null, FakeElasticsearch? existing = null)
    {
        var fake = existing ?? new FakeElasticsearch();
        setup?.Invoke(fake);
        var faults = new Faults(fake, plan);
        var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), faults, jitter: new Random(7));
        Exception? error = null;
        try
        {
            await store.InitializeAsync(CancellationToken.None);
            await EsTestArchive.LoadAsync(store, Archive.Value, batch: 5, CancellationToken.None);
        }
        catch (ElasticsearchException e)
        {
            error = e;
        }
        var stats = store.Stats;
        await store.DisposeAsync();
        return (fake, error, stats);
    }

    private static readonly Lazy<Task<List<string>>> Baseline = new(async () =>
    {
        var (fake, error, _) = await RunAsync((_, _) => Fault.None);
        Assert.Null(error);
        return Holdings(fake);
    });

    [Fact]
    public async Task AFaultFreeRunStoresEveryFileOnce()
    {
        var baseline = await Baseline.Value;
        Assert.Equal(FileCount, baseline.Count(l => l.StartsWith("docintel-documents ", StringComparison.Ordinal)));
        Assert.Equal(FileCount, baseline.Count(l => l.StartsWith("file ", StringComparison.Ordinal) && l.Contains(" done ", StringComparison.Ordinal)));
        Assert.True(baseline.Count(l => l.StartsWith("docintel-citations ", StringComparison.Ordinal)) >= FileCount * 2);
    }

    public static TheoryData<string> Scenarios => ["503 on every third request", "429 on every fourth request", "every fifth request times out",
        "connection reset before every third bulk", "connection reset after every third bulk (applied, answer lost)"];

    private static Func<int, HttpRequestMessage, Fault> Plan(string scenario) => scenario switch
    {
        "503 on every third request" => (n, _) => n > 9 && n % 3 == 0 ? Fault.ServiceUnavailable : Fault.None,
        "429 on every fourth request" => (n, _) => n > 9 && n % 4 == 0 ? Fault.TooManyRequests : Fault.None,
        "every fifth request times out" => (n, _) => n > 9 && n % 5 == 0 ? Fault.Timeout : Fault.None,
        "connection reset before every third bulk" => (n, r) => IsBulk(r) && n % 3 == 0 ? Fault.ResetBefore : Fault.None,
        _ => (n, r) => IsBulk(r) && n % 3 == 0 ? Fault.ResetAfter : Fault.None,
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task WholeRequestFaultsAreRetriedAndLoseNothing(string scenario)
    {
        var (fake, error, stats) = await RunAsync(Plan(scenario));
        Assert.Null(error);
        Assert.True(stats.Retries > 0, "no fault was met");
        Assert.Equal(await Baseline.Value, Holdings(fake));
    }

    [Fact]
    public async Task ARequestAppliedTwiceAfterAResetStoresEachDocumentOnce()
    {
        var (fake, _, _) = await RunAsync(Plan("connection reset after"));
        var applied = fake.Applied.Where(a => a.Index == "docintel-documents").ToList();
        Assert.True(applied.Count > applied.Distinct().Count(), "no bulk was re-sent");
        Assert.Equal(FileCount, fake.Docs("docintel-documents").Count);
    }

    [Fact]
    public async Task ItemsAnswered429AreRetriedAloneUntilAcknowledged()
    {
        // Every third document and citation is refused twice ("queue full"), then accepted.
        var (fake, error, stats) = await RunAsync((_, _) => Fault.None, f => f.ItemFault = (alias, id, attempt) =>
            alias is "docintel-documents" or "docintel-citations" && Math.Abs(id.GetHashCode(StringComparison.Ordinal)) % 3 == 0 && attempt <= 2
                ? (429, "es_rejected_execution_exception") : null);
        Assert.Null(error);
        Assert.True(stats.ItemRetries > 0);
        Assert.Equal(await Baseline.Value, Holdings(fake));
    }

    [Fact]
    public async Task ItemsStill503AfterEveryRetryStopTheRunWithoutMarkingTheirFilesDone()
    {
        var victim = Archive.Value[7].Document.Id;
        var (fake, error, _) = await RunAsync((_, _) => Fault.None, f => f.ItemFault = (alias, id, _) =>
            alias == "docintel-documents" && id == victim ? (503, "unavailable_shards_exception") : null);
        var e = Assert.IsType<ElasticsearchUnavailableException>(error);
        Assert.Contains(victim, e.Message, StringComparison.Ordinal);
        var files = fake.Docs("docintel-files");
        Assert.False(files.ContainsKey(Archive.Value[7].Sha));
        // Files of earlier batches are done, with their documents in place.
        foreach (var (sha, f) in files)
        {
            Assert.Equal("done", f["status"]!.GetValue<string>());
            Assert.Contains(fake.Docs("docintel-documents").Values, d => d["sha256"]!.GetValue<string>() == sha);
        }
    }

    [Fact]
    public async Task AMappingErrorMakesTheFileAFailureWithTheReasonAndLeavesNoHalf()
    {
        var victim = Archive.Value[4];
        var (fake, error, _) = await RunAsync((_, _) => Fault.None, f => f.ItemFault = (alias, id, _) =>
            alias == "docintel-documents" && id == victim.Document.Id ? (400, "document_parsing_exception") : null);
        Assert.Null(error);
        var line = fake.Docs("docintel-files")[victim.Sha];
        Assert.Equal("failed", line["status"]!.GetValue<string>());
        Assert.Contains("Elasticsearch refused document " + victim.Document.Id, line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("document_parsing_exception", line["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Docs("docintel-citations").Values, c => c["sha256"]!.GetValue<string>() == victim.Sha);
        var others = (await Baseline.Value).Where(l => !l.Contains(victim.Sha, StringComparison.Ordinal) && !l.Contains(victim.Document.Id, StringComparison.Ordinal) && !l.Contains(EsTestArchive.Sha(EsTestArchive.Text(4))[..16], StringComparison.Ordinal)).ToList();
        Assert.Equal(others, Holdings(fake).Where(l => !l.Contains(victim.Sha, StringComparison.Ordinal) && !l.Contains(victim.Document.Id, StringComparison.Ordinal) && !l.Contains(victim.Sha[..16], StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public async Task AClusterThatStaysDownEndsTheRunClearlyAndTheRerunCompletesIt()
    {
        // Up for the setup and the first batches, then down for good.
        var (fake, error, stats) = await RunAsync((n, _) => n > 45 ? Fault.Refused : Fault.None);
        var e = Assert.IsType<ElasticsearchUnavailableException>(error);
        Assert.Contains("es.test:9200", e.Message, StringComparison.Ordinal);
        Assert.Contains("run the same command again", e.Message, StringComparison.Ordinal);
        Assert.True(stats.Retries >= EsTestArchive.Options().MaxRetries);
        // The ledger says done only for files whose documents Elasticsearch holds.
        var done = fake.Docs("docintel-files").Where(f => f.Value["status"]!.GetValue<string>() == "done").Select(f => f.Key).ToList();
        Assert.InRange(done.Count, 1, FileCount - 1);
        foreach (var sha in done) Assert.Contains(fake.Docs("docintel-documents").Values, d => d["sha256"]!.GetValue<string>() == sha);

        // The cluster is back: the same load again finishes the job, with the store a clean run gives.
        var (after, again, _) = await RunAsync((_, _) => Fault.None, existing: fake);
        Assert.Null(again);
        Assert.Equal(await Baseline.Value, Holdings(after));
    }

    [Fact]
    public async Task TheCircuitBreakerStopsHammeringADeadCluster()
    {
        var fake = new FakeElasticsearch();
        var calls = 0;
        var faults = new Faults(fake, (n, _) => { Interlocked.Increment(ref calls); return Fault.Refused; });
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options() with { MaxRetries = 3, BreakAfterFailures = 6, BreakDuration = TimeSpan.FromMinutes(5) }, faults);
        for (var i = 0; i < 5; i++) await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => store.CountAsync(CancellationToken.None));
        // 4 attempts, 4 attempts (the circuit opens at the 6th failure), then refusals without a request.
        Assert.InRange(calls, 6, 8);
        Assert.Equal(1, store.Stats.CircuitOpened);
        var last = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => store.CountAsync(CancellationToken.None));
        Assert.Contains("circuit breaker", last.Message, StringComparison.Ordinal);
    }
}
