using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocIntel.Extract.Citations;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// Every request the backend sends, captured and checked against the REST API specification's request shapes:
/// path and method, query parameters (known, enum values, required ones present), body presence and content type,
/// and NDJSON framing for bulk. The requests come from a whole session (setup, load, change, prune, every query).
/// </summary>
public sealed class EsProtocolTests
{
    private static readonly Lazy<RestApiSpec> Spec = new(RestApiSpec.Load);

    /// <summary>Answers searches with aggregations or full text from a recorded answer (the fake has no analyzers), the rest from the fake.</summary>
    private sealed class Router(FakeElasticsearch fake) : DelegatingHandler(fake)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/_search", StringComparison.Ordinal) && (body.Contains("\"aggs\"", StringComparison.Ordinal) || body.Contains("\"match\"", StringComparison.Ordinal)))
            {
                var file = body.Contains("\"aggs\"", StringComparison.Ordinal) ? "search-composite-citations.json" : "search-hits-scored.json";
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(File.ReadAllText(RepoPaths.TestData("es", "responses", file)), Encoding.UTF8, "application/json") };
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<List<RecordedRequest>> SessionAsync()
    {
        var fake = new FakeElasticsearch();
        var recorder = new RecordingHandler(new Router(fake));
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options() with { PageSize = 5 }, recorder);
        await store.InitializeAsync(CancellationToken.None);
        var files = EsTestArchive.Files(12);
        await EsTestArchive.LoadAsync(store, files, batch: 4, CancellationToken.None);
        await store.WriteAsync([new FailFile(new FileRecord(new string('f', 64), "/archive/hong.pdf", 9), "PDF is encrypted"), new SeenFile(new FileRecord(files[0].Sha, "/copy/a.txt", 100))], CancellationToken.None);
        await store.WriteAsync([new ForgetPath(files[1].Path), new StoreFile(new FileRecord(files[3].Sha, files[2].Path, 100), [files[3].Document])], CancellationToken.None);
        await store.SweepAsync(CancellationToken.None);
        await store.GetFileAsync(files[0].Sha, CancellationToken.None);
        await store.ListPathsAsync("/archive/", CancellationToken.None);
        await store.GetDocumentAsync(files[0].Document.Id, CancellationToken.None);
        await store.FindBySymbolAsync("10/BC-UBND", CancellationToken.None);
        await store.FindCitingAsync(CitationQuery.Parse("59/2023/NĐ-CP"), new CitingFilter { Level = "commune", From = new DateOnly(2024, 1, 1) }, CancellationToken.None);
        await store.GetCitationsAsync([files[0].Document.Id, files[4].Document.Id], CancellationToken.None);
        await store.SearchAsync(new SearchQuery("") { Level = "commune", Limit = 3 }, CancellationToken.None);
        await store.SearchAsync(new SearchQuery("dan chu") { Province = "Thái Bình", Issuer = "ủy ban*", Limit = 2 }, CancellationToken.None);
        await store.SearchAsync(new SearchQuery("") { Offset = 10_000, Limit = 20 }, CancellationToken.None);
        await store.CountCitationsAsync(new CitationFacetQuery([CitationField.CitedKey]), CancellationToken.None);
        await store.CountDocumentsAsync(new DocumentFacetQuery([DocumentField.DocType, DocumentField.Month]) { Filter = new SearchQuery("nghi dinh") }, CancellationToken.None);
        await store.CountAsync(CancellationToken.None);
        return recorder.Requests;
    }

    [Fact]
    public async Task EveryRequestOfASessionMatchesTheRestApiSpecification()
    {
        var requests = await SessionAsync();
        var used = new HashSet<string>();
        var problems = new List<string>();
        foreach (var r in requests)
        {
            var (api, p) = Spec.Value.Check(r);
            if (api is not null) used.Add(api);
            problems.AddRange(p.Select(x => $"{r.Method} {r.Path}: {x}"));
        }
        Assert.Empty(problems);
        // The session exercised every API the store uses.
        foreach (var api in new[] { "info", "indices.put_index_template", "indices.get_alias", "indices.create", "bulk", "mget", "indices.refresh", "search", "open_point_in_time", "close_point_in_time", "count", "delete_by_query" })
            Assert.Contains(api, used);
    }

    [Fact]
    public async Task BulkBodiesAreNdjsonWithOneSourcePerIndexActionAndBoundedBySize()
    {
        var bulks = (await SessionAsync()).Where(r => r.Path == "/_bulk").ToList();
        Assert.NotEmpty(bulks);
        foreach (var b in bulks)
        {
            Assert.Equal("application/x-ndjson", b.ContentType);
            Assert.EndsWith("\n", b.Text, StringComparison.Ordinal);
            var lines = b.Text.TrimEnd('\n').Split('\n');
            var actions = lines.Count(l => l.StartsWith("{\"index\"", StringComparison.Ordinal) || l.StartsWith("{\"delete\"", StringComparison.Ordinal) || l.StartsWith("{\"update\"", StringComparison.Ordinal));
            Assert.InRange(actions, 1, EsTestArchive.Options().MaxBatchOperations);
            Assert.All(lines, l => JsonNode.Parse(l));
            // Vietnamese is sent as UTF-8, not as \u escapes.
            if (b.Text.Contains("\"text\":", StringComparison.Ordinal)) Assert.Contains("Ủy ban nhân dân", b.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeepPagesUsePointInTimeAndNeverFromBeyondTenThousand()
    {
        var requests = await SessionAsync();
        var searches = requests.Where(r => r.Path.EndsWith("/_search", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Text)!).ToList();
        Assert.All(searches, s => Assert.True((s["from"]?.GetValue<int>() ?? 0) + (s["size"]?.GetValue<int>() ?? 10) <= 10_000, s.ToJsonString()));
        Assert.Contains(searches, s => s["pit"] is not null && s["search_after"] is not null);
        Assert.Contains(requests, r => r.Path.EndsWith("/_pit", StringComparison.Ordinal) && r.Query.ContainsKey("keep_alive"));
        // Searches inside a point in time name no index (the PIT does).
        Assert.All(requests.Where(r => r.Text.Contains("\"pit\"", StringComparison.Ordinal) && r.Path.EndsWith("_search", StringComparison.Ordinal)), r => Assert.Equal("/_search", r.Path));
        // Every point in time opened is closed.
        Assert.Equal(requests.Count(r => r.Path.EndsWith("/_pit", StringComparison.Ordinal) && r.Method == HttpMethod.Post), requests.Count(r => r.Path == "/_pit" && r.Method == HttpMethod.Delete));
    }

    [Fact]
    public async Task CredentialsTravelInTheAuthorizationHeaderOnly()
    {
        var seen = new List<HttpRequestMessage>();
        var handler = new CapturingHandler(seen);
        var options = EsTestArchive.Options() with { ApiKey = "id1:secret-key", MaxRetries = 0 };
        await using var store = new ElasticsearchDocumentStore(options, handler);
        await Assert.ThrowsAnyAsync<ElasticsearchException>(() => store.InitializeAsync(CancellationToken.None));
        var r = Assert.Single(seen);
        Assert.Equal("ApiKey", r.Headers.Authorization!.Scheme);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("id1:secret-key")), r.Headers.Authorization.Parameter);
        Assert.DoesNotContain("secret", r.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", EsConnection.Describe(options), StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsInTheUrlMoveOutOfIt()
    {
        var o = EsConnection.FromEnvironment("https://elastic:s3cret@es.local:9200", _ => null);
        Assert.Equal("elastic", o.Username);
        Assert.Equal("s3cret", o.Password);
        Assert.DoesNotContain("s3cret", o.Url.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", EsConnection.Describe(o), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsAreReadFromFilesWhenAsked()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  key-from-file\n");
        try
        {
            var o = EsConnection.FromEnvironment("http://localhost:9200", n => n == "DOCINTEL_ES_API_KEY_FILE" ? file : null);
            Assert.Equal("key-from-file", o.ApiKey);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("AA:BB:cc:dd", "AABBCCDD")]
    [InlineData("aa bb", "AABB")]
    public void FingerprintsCompareWithoutColonsOrCase(string given, string normal) => Assert.Equal(normal, EsConnection.NormalizeFingerprint(given));

    private sealed class CapturingHandler(List<HttpRequestMessage> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent(File.ReadAllText(RepoPaths.TestData("es", "responses", "error-unauthorized.json")), Encoding.UTF8, "application/json"),
            });
        }
    }
}
