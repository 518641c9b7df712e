using System.Net;
using System.Text.Json.Nodes;
using DocIntel.Extract.Normalization;
using static DocIntel.Api.Tests.ApiClient;

namespace DocIntel.Api.Tests;

/// <summary>The read endpoints over the seeds and the dev set: real questions, real Vietnamese answers.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class QueryEndpointTests : IDisposable
{
    private readonly ArchiveFixture _archive;
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public QueryEndpointTests(ArchiveFixture archive)
    {
        _archive = archive;
        _factory = new ApiFactory(archive.Database);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? array) => array!.AsArray().Select(n => n!.AsObject());

    [Fact]
    public async Task SearchWithoutDiacriticsFindsTheDecreeAndHighlightsTheWords()
    {
        var page = await _client.JsonAsync("/api/documents?q=nghi%20dinh%2061/2023");
        var results = Objects(page["results"]).ToList();
        Assert.NotEmpty(results);
        Assert.True((long)page["total"]! >= results.Count);
        foreach (var r in results)
        {
            var snippet = (string)r["snippet"]!;
            var words = Objects(r["highlights"]).Select(h => SearchFolding.Fold(snippet[(int)h["start"]!..(int)h["end"]!])).ToList();
            Assert.NotEmpty(words);
            Assert.All(words, w => Assert.Matches("nghi|dinh|61|2023", w));
        }
        Assert.Contains(results, r => (string?)r["document"]!["commune"] == "Tân Thạnh");
    }

    [Fact]
    public async Task FacetsCountEveryMatchByTypeLevelProvinceAndYear()
    {
        var page = await _client.JsonAsync("/api/documents?q=dan%20chu&pageSize=1");
        Assert.Single(page["results"]!.AsArray());
        var facets = page["facets"]!;
        var total = (long)page["total"]!;
        Assert.True(total > 5, $"total {total}");
        Assert.Equal(total, Objects(facets["type"]).Sum(f => (long)f["count"]!));
        Assert.Equal(total, Objects(facets["level"]).Sum(f => (long)f["count"]!));
        Assert.Contains(Objects(facets["province"]), f => (string?)f["value"] == "An Giang");
        Assert.Contains(Objects(facets["year"]), f => (string?)f["value"] == "2024");
    }

    [Fact]
    public async Task FiltersKeepOnlyCommuneDocuments()
    {
        var page = await _client.JsonAsync("/api/documents?q=dan%20chu&level=commune&pageSize=50");
        var results = Objects(page["results"]).ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("commune", (string?)r["document"]!["level"]));
        Assert.All(Objects(page["facets"]!["level"]), f => Assert.Equal("commune", (string?)f["value"]));
    }

    [Fact]
    public async Task ExactMatchNeedsTheDiacritics()
    {
        var folded = await _client.JsonAsync("/api/documents?q=nghi%20dinh&exact=true");
        Assert.Empty(folded["results"]!.AsArray());
        var exact = await _client.JsonAsync("/api/documents?q=" + Uri.EscapeDataString("Nghị định") + "&exact=true");
        Assert.NotEmpty(exact["results"]!.AsArray());
    }

    [Theory]
    [InlineData("Nghị định 61-2023")]       // the issue's own spelling: a dash keeps the path one segment
    [InlineData("Nghị định 61/2023")]       // slashes unescaped in the path
    [InlineData("61/2023/NĐ-CP")]
    [InlineData("nghi dinh 61/2023")]
    [InlineData("NĐ 61/2023")]
    public async Task WhoCitesTheDecreeAtCommuneLevelListsTanThanhInAnGiang(string spelling)
    {
        var who = await _client.JsonAsync("/api/cites/" + spelling + "?level=commune");
        var issuer = Assert.Single(Objects(who["issuers"]));
        Assert.Equal("Ủy ban nhân dân xã Tân Thạnh", (string?)issuer["issuer"]);
        Assert.Equal("An Giang", (string?)issuer["province"]);
        Assert.Equal("commune", (string?)issuer["level"]);
        Assert.Equal(1, (int)who["documents"]!);
        Assert.Equal("Nghị định 61/2023/NĐ-CP", (string?)who["label"]);
        Assert.Equal([("An Giang", 1)], Objects(who["by_province"]).Select(r => ((string?)r["value"], (int)r["documents"]!)));
    }

    [Fact]
    public async Task WhoCitesGroupsByProvinceAndLevelAndCountsOnRequest()
    {
        var who = await _client.JsonAsync("/api/cites/Luật 10-2022?groupBy=province");
        var documents = (int)who["documents"]!;
        Assert.True(documents >= 5, $"{documents} documents cite the Law on grassroots democracy");
        Assert.Equal(documents, Objects(who["by_level"]).Sum(r => (int)r["documents"]!));
        Assert.Equal(documents, Objects(who["by_province"]).Sum(r => (int)r["documents"]!));
        var counts = who["counts"]!;
        Assert.Equal("cites_by_province", (string?)counts["name"]);
        Assert.Equal(["province", "documents"], counts["columns"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task WhoCitesListsOnePageOfDocumentsAndCountsThemAll()
    {
        var all = await _client.JsonAsync("/api/cites/Luật 10-2022");
        var total = (int)all["documents"]!;
        static List<string> Ids(System.Text.Json.Nodes.JsonNode who) =>
            Objects(who["issuers"]).SelectMany(i => Objects(i["documents"])).Select(d => (string)d["document"]!["id"]!).ToList();
        var seen = new List<string>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var who = await _client.JsonAsync($"/api/cites/Luật 10-2022?pageSize=2&page={page}");
            Assert.Equal(total, (int)who["documents"]!);
            Assert.Equal((page, 2), ((int)who["page"]!, (int)who["page_size"]!));
            var ids = Ids(who);
            Assert.InRange(ids.Count, 1, 2);
            seen.AddRange(ids);
        }
        Assert.Equal(Ids(all).Order(StringComparer.Ordinal), seen.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(Ids(await _client.JsonAsync($"/api/cites/Luật 10-2022?pageSize=2&page={total + 5}")));
    }

    [Fact]
    public async Task DocumentShowsTextWithEveryValueAtItsSpan()
    {
        var who = await _client.JsonAsync("/api/cites/61/2023/NĐ-CP?level=commune");
        var id = (string)who["issuers"]![0]!["documents"]![0]!["document"]!["id"]!;
        var doc = await _client.JsonAsync("/api/documents/" + id);
        var text = (string)doc["text"]!;
        var evidence = Objects(doc["evidence"]).ToList();
        Assert.Contains(evidence, e => (string?)e["field"] == "issuer");
        foreach (var e in evidence.Where(e => !((string)e["field"]!).StartsWith("citation.", StringComparison.Ordinal)))
            Assert.Equal((string?)e["value"], text[(int)e["start"]!..(int)e["end"]!]);
        var decree = Assert.Single(evidence, e => (string?)e["value"] == "61/2023/NĐ-CP");
        Assert.Contains("61/2023/NĐ-CP", text[(int)decree["start"]!..(int)decree["end"]!], StringComparison.Ordinal);
        Assert.Equal("Tân Thạnh", (string?)doc["document"]!["commune"]);
        Assert.Contains(Objects(doc["citations"]), c => (string?)c["key"] == "61/2023/NĐ-CP");
        Assert.NotEmpty(doc["tasks"]!.AsArray());
        Assert.EndsWith("003_d97a71e35f480611.txt", (string)doc["files"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelatedListsTheLawCitedWithTheDecree()
    {
        var related = await _client.JsonAsync("/api/related/59/2023/NĐ-CP");
        Assert.Equal("Nghị định 59/2023/NĐ-CP", (string?)related["label"]);
        Assert.Contains(Objects(related["related"]), r => (string?)r["key"] == "10/2022/QH15" && (int)r["documents"]! >= 3);
    }

    [Theory]
    [InlineData("json", "application/json", "\"relation\"")]
    [InlineData("graphml", "application/graphml+xml", "<graphml")]
    [InlineData("dot", "text/vnd.graphviz", "digraph")]
    public async Task GraphComesInThreeFormats(string format, string mediaType, string marker)
    {
        using var response = await _client.GetAsync(Url("/api/graph/Nghị định 59-2023?direction=in&depth=2&format=" + format));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, body, StringComparison.Ordinal);
        Assert.Contains("59/2023/NĐ-CP", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphEdgesAreTypedAndPointAtNodes()
    {
        var g = await _client.JsonAsync("/api/graph/59/2023/NĐ-CP?direction=in");
        var ids = Objects(g["nodes"]).Select(n => (string)n["id"]!).ToHashSet();
        var edges = Objects(g["edges"]).ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains((string)e["relation"]!, new[] { "basis", "implements", "forwards", "mentions" }));
        Assert.All(edges, e => Assert.True(ids.Contains((string)e["from"]!) && ids.Contains((string)e["to"]!)));
        Assert.Equal("ext:59/2023/NĐ-CP", (string?)g["root"]);
    }

    [Fact]
    public async Task LegalBasisTablesRankTheLawOnGrassrootsDemocracy()
    {
        var stats = await _client.JsonAsync("/api/stats/legal-basis?interval=year");
        var tables = Objects(stats["tables"]).ToDictionary(t => (string)t["name"]!);
        Assert.Contains("citations_by_year", tables.Keys);
        var top = tables["most_cited"]["rows"]!.AsArray().Select(r => (string?)r![1]).Take(3).ToList();
        Assert.Contains("10/2022/QH15", top);
        Assert.All(new[] { "most_cited_basis", "citations_by_province", "citations_by_level", "documents_by_type" },
            name => Assert.NotEmpty(tables[name]["rows"]!.AsArray()));
    }

    [Fact]
    public async Task LegalBasisAsCsvWhenAskedWithAccept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/api/stats/legal-basis?table=most_cited"));
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cited,key,citing_documents", lines[0]);
        Assert.Contains(lines, l => l.Contains(",10/2022/QH15,", StringComparison.Ordinal));

        using var all = await _client.GetAsync(Url("/api/stats/legal-basis?format=csv"));
        var combined = await all.Content.ReadAsStringAsync();
        Assert.StartsWith("table,key1,key2,key3,value\r\n", combined, StringComparison.Ordinal);
        Assert.Contains("\r\ncitations_by_level,commune,", combined, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/documents?from=2024-13-01", "from")]
    [InlineData("/api/documents?to=1/3/2024", "to")]
    [InlineData("/api/documents?page=0", "page")]
    [InlineData("/api/documents?page=x", "page")]
    [InlineData("/api/documents?page=99999999", "page")]               // beyond the result window: refused, not computed
    [InlineData("/api/documents?page=99999999999999999999", "page")]   // not even an int
    [InlineData("/api/documents?pageSize=5000", "pageSize")]
    [InlineData("/api/documents?level=planet", "level")]
    [InlineData("/api/documents?exact=maybe", "exact")]
    [InlineData("/api/cites/61/2023/NĐ-CP?from=2024-02-30", "from")]
    [InlineData("/api/cites/61/2023/NĐ-CP?groupBy=planet", "groupBy")]
    [InlineData("/api/cites/61/2023/NĐ-CP?page=0", "page")]
    [InlineData("/api/cites/61/2023/NĐ-CP?pageSize=5000", "pageSize")]
    [InlineData("/api/graph/61/2023/NĐ-CP?depth=9", "depth")]
    [InlineData("/api/graph/61/2023/NĐ-CP?format=png", "format")]
    [InlineData("/api/graph/61/2023/NĐ-CP?direction=up", "direction")]
    [InlineData("/api/related/61/2023/NĐ-CP?limit=-1", "limit")]
    [InlineData("/api/stats/legal-basis?interval=week", "interval")]
    [InlineData("/api/stats/legal-basis?from=2024-05-01&to=2024-01-01", "to")]
    public async Task MalformedParametersAre400NamingTheField(string path, string field)
    {
        using var response = await _client.GetAsync(Url(path));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, problem.ToJsonString());
    }

    [Theory]
    [InlineData("/api/documents/ffffffffffffffff-1")]
    [InlineData("/api/cites/xyz abc")]
    [InlineData("/api/cites/Nghị định 999-2099")]
    [InlineData("/api/related/xyz abc")]
    [InlineData("/api/graph/Nghị định 999-2099")]
    [InlineData("/api/jobs/0000000000000000")]
    [InlineData("/api/jobs/0000000000000000/events")]
    [InlineData("/api/stats/legal-basis?table=no_such_table")]
    [InlineData("/api/no-such-endpoint")]
    public async Task UnknownKeysAndIdsAre404ProblemDetails(string path)
    {
        using var response = await _client.GetAsync(Url(path));
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HealthAndReadinessReportTheStore()
    {
        Assert.Equal("ok", (string?)(await _client.JsonAsync("/health"))["status"]);
        var ready = await _client.JsonAsync("/health/ready");
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Equal(_archive.Documents, (int)ready["documents"]!);
    }

    [Fact]
    public async Task OpenApiDocumentListsEveryEndpoint()
    {
        var doc = await _client.JsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var p in new[] { "/api/documents", "/api/documents/{id}", "/api/cites/{key}", "/api/related/{key}", "/api/graph/{keyOrId}",
                     "/api/stats/legal-basis", "/api/ingest", "/api/jobs/{id}", "/api/jobs/{id}/events", "/health/ready" })
            Assert.Contains(p, paths);
    }

    [Theory]
    [InlineData("/", "Tìm kiếm văn bản")]
    [InlineData("/document.html", "Toàn văn")]
    [InlineData("/cites.html", "Ai trích dẫn văn bản này?")]
    [InlineData("/stats.html", "Sử dụng căn cứ pháp lý")]
    [InlineData("/graph.html", "Đồ thị trích dẫn")]
    public async Task DashboardPagesAreServedWithoutExternalResources(string path, string heading)
    {
        using var response = await _client.GetAsync(Url(path));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(Url("/app.js"))).StatusCode);
    }
}
