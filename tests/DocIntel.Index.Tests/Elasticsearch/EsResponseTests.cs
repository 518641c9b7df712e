using System.Net;
using System.Text;
using DocIntel.Extract.Citations;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>
/// Answers in the shapes Elasticsearch 8.x/9.x sends (testdata/es/responses; shapes from the reference documentation
/// and from answers quoted in Elastic's own issue trackers, not recorded from a live server) drive the response handling.
/// </summary>
public sealed class EsResponseTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(RepoPaths.TestData("es", "responses", name));

    public static TheoryData<int, string, string?> BulkItems => new()
    {
        { 0, "Acknowledged", null },                                 // created
        { 1, "Acknowledged", null },                                 // updated (a rerun overwrote the same id)
        { 2, "Unavailable", "es_rejected_execution_exception" },     // 429: retried alone
        { 3, "Rejected", "document_parsing_exception" },             // 400 mapping error: to the ledger
        { 4, "Rejected", "strict_dynamic_mapping_exception" },
        { 5, "Unavailable", "unavailable_shards_exception" },        // 503: retried alone
        { 6, "Acknowledged", null },                                 // deleting what is gone is done
        { 7, "Rejected", "document_missing_exception" },             // update of a missing line
        { 8, "Rejected", "security_exception" },                     // 403: no retry can help
    };

    [Theory]
    [MemberData(nameof(BulkItems))]
    public void EachBulkItemIsJudgedByItsOwnStatus(int item, string state, string? errorType)
    {
        var r = BulkResponseReader.Parse(Fixture("bulk-mixed-errors.json"));
        Assert.True(r.Errors);
        Assert.Equal(9, r.Items.Count);
        var (verb, result) = r.Items[item].Single();
        var outcome = BulkResponseReader.Judge(Enum.Parse<BulkVerb>(verb, ignoreCase: true), result);
        Assert.Equal(Enum.Parse<BulkItemState>(state), outcome.State);
        if (errorType is null) Assert.Null(outcome.Reason);
        else Assert.StartsWith(errorType + ":", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMappingErrorReasonKeepsItsCause()
    {
        var r = BulkResponseReader.Parse(Fixture("bulk-mixed-errors.json"));
        var outcome = BulkResponseReader.Judge(BulkVerb.Index, r.Items[3]["index"]);
        Assert.Contains("failed to parse field [issued_date]", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("illegal_argument_exception: failed to parse date field", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-too-many-requests.json", 429, "es_rejected_execution_exception", "rejected execution of coordinating operation")]
    [InlineData("error-index-not-found.json", 404, "index_not_found_exception", "no such index [docintel-documents]")]
    [InlineData("error-unauthorized.json", 401, "security_exception", "unable to authenticate")]
    [InlineData("error-search-phase.json", 400, "search_phase_execution_exception", "all shards failed (number_format_exception")]
    public void ErrorBodiesNameTheirTypeAndReason(string file, int status, string type, string reason)
    {
        var (t, r) = EsTransport.ParseError(new EsResponse((HttpStatusCode)status, Fixture(file)));
        Assert.Equal(type, t);
        Assert.Contains(reason, r, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonJsonErrorShowsItsBeginning()
    {
        var (t, r) = EsTransport.ParseError(new EsResponse(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>"u8.ToArray()));
        Assert.Equal("http_502", t);
        Assert.Contains("502 Bad Gateway", r, StringComparison.Ordinal);
    }

    /// <summary>Answers every request with one fixture file.</summary>
    private sealed class Fixed(HttpStatusCode status, string file) : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(Fixture(file)) });
        }
    }

    [Fact]
    public async Task CitationCountsComeFromCompositeBucketsWithLabelsAndUnknownsAsNull()
    {
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), new Fixed(HttpStatusCode.OK, "search-composite-citations.json"));
        var top = await store.CountCitationsAsync(new CitationFacetQuery([CitationField.CitedKey]), CancellationToken.None);
        // Count descending, then the value with unknown first, as the embedded store's ORDER BY n DESC, g0.
        Assert.Equal([("59/2023/NĐ-CP", 2L), (null, 1L), ("120-KL/TW", 1L), ("61/2023/NĐ-CP", 1L)], top.Select(f => (f.Values[0], f.Count)));
        Assert.Equal("Nghị định 59/2023/NĐ-CP", top[0].Label);
        Assert.Equal(2, (await store.CountCitationsAsync(new CitationFacetQuery([CitationField.CitedKey]) { Limit = 2 }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ScoredHitsBecomeSummariesWithSnippetsFromTheOriginalText()
    {
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), new Fixed(HttpStatusCode.OK, "search-hits-scored.json"));
        var hits = await store.SearchAsync(new SearchQuery("huong uoc"), CancellationToken.None);
        Assert.Equal(2, hits.Count);
        Assert.Equal("12/BC-UBND", hits[0].Document.Number);
        Assert.Equal(new DateOnly(2024, 5, 10), hits[0].Document.IssuedDate);
        Assert.Equal("commune", hits[0].Document.Level);
        Assert.Equal(1.8473, hits[0].Score, 4);
        Assert.Contains("[hương ước]", hits[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info-8.json")]
    [InlineData("info-9.json")]
    public async Task Versions8And9AreAccepted(string info)
    {
        var router = new InfoThenFake(info);
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), router);
        await store.InitializeAsync(CancellationToken.None);
        Assert.Equal(0, (await store.CountAsync(CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Version7IsRefusedWithAClearMessage()
    {
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), new Fixed(HttpStatusCode.OK, "info-7.json"));
        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => store.InitializeAsync(CancellationToken.None));
        Assert.Contains("is version 7.17.24; DocIntel needs 8.x or 9.x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedCredentialIsNotRetriedAndSaysWhatToCheck()
    {
        var handler = new Fixed(HttpStatusCode.Unauthorized, "error-unauthorized.json");
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options(), handler);
        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => store.CountAsync(CancellationToken.None));
        Assert.Equal(1, handler.Calls);
        Assert.Contains("security_exception", e.Message, StringComparison.Ordinal);
        Assert.Contains("DOCINTEL_ES_API_KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeRequestAnswered429IsRetriedThenReportedAsUnavailable()
    {
        var handler = new Fixed(HttpStatusCode.TooManyRequests, "error-too-many-requests.json");
        await using var store = new ElasticsearchDocumentStore(EsTestArchive.Options() with { MaxRetries = 3 }, handler);
        var e = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => store.CountAsync(CancellationToken.None));
        Assert.Equal(4, handler.Calls);
        Assert.Contains("answered 429", e.Message, StringComparison.Ordinal);
        Assert.Contains("run the same command again", e.Message, StringComparison.Ordinal);
    }

    /// <summary>GET / from a recorded info answer; everything else from the fake.</summary>
    private sealed class InfoThenFake(string info) : DelegatingHandler(new FakeElasticsearch())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath == "/"
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixture(info)) })
                : base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The fast path for all-acknowledged answers, and when it must step aside.</summary>
public sealed class BulkFastPathTests
{
    [Theory]
    [InlineData("""{"took":3,"errors":false,"items":[{"index":{"_id":"a","status":201}},{"delete":{"_id":"b","status":404}}]}""", 2, true)]
    [InlineData("""{"items":[{"index":{"_id":"a","status":201}}],"errors":false,"took":3}""", 1, true)]     // any order of fields
    [InlineData("""{"took":3,"errors":false,"items":[{"index":{"_id":"a","status":201}}]}""", 2, false)]    // an item missing: judge one by one
    [InlineData("""{"took":3,"errors":true,"items":[{"index":{"_id":"a","status":429}}]}""", 1, false)]
    [InlineData("""{"took":3,"items":[{"index":{"_id":"a","status":201}}]}""", 1, false)]                   // no errors flag: do not assume
    public void AllAcknowledgedOnlyWhenErrorsIsFalseAndEveryItemIsThere(string body, int expected, bool fast) =>
        Assert.Equal(fast, BulkResponseReader.TryAllAcknowledged(System.Text.Encoding.UTF8.GetBytes(body), expected));

    [Fact]
    public void TheMixedFixtureTakesTheSlowPath() =>
        Assert.False(BulkResponseReader.TryAllAcknowledged(File.ReadAllBytes(RepoPaths.TestData("es", "responses", "bulk-mixed-errors.json")), 9));
}
