using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using static DocIntel.Api.Tests.ApiClient;

namespace DocIntel.Api.Tests;

/// <summary>POST /api/ingest on a private copy of the archive: the key, the limits, hostile archives, and a real load.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class IngestEndpointTests : IDisposable
{
    private const long Limit = 64 * 1024;
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;
    private readonly string _uploads;

    public IngestEndpointTests(ArchiveFixture archive)
    {
        var db = archive.CopyDatabase();
        _factory = new ApiFactory(db, new Dictionary<string, string?> { ["DocIntel:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _client = _factory.CreateClient();
        _uploads = Path.Combine(Path.GetDirectoryName(db)!, "uploads-" + Path.GetFileNameWithoutExtension(db));
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private const string Report = """
        ỦY BAN NHÂN DÂN
        XÃ VĨNH HÒA
        Số: 77/BC-UBND
        Vĩnh Hòa, ngày 02 tháng 10 năm 2024
        BÁO CÁO
        Kết quả xây dựng hương ước, quy ước năm 2024
        Thực hiện Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư, Ủy ban nhân dân xã Vĩnh Hòa báo cáo như sau.
        """;

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    private async Task<HttpResponseMessage> PostAsync(MultipartFormDataContent form, string? key = ApiFactory.Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/ingest")) { Content = form };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await _client.SendAsync(request);
    }

    private static byte[] Zip(params (string Entry, string Text)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, text) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(entry).Open(), Encoding.UTF8);
                w.Write(text);
            }
        }
        return ms.ToArray();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task UploadWithoutTheKeyIs401(string? key)
    {
        using var response = await PostAsync(Form(("bao-cao.txt", Encoding.UTF8.GetBytes(Report))), key);
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(Directory.Exists(_uploads) && Directory.EnumerateFiles(_uploads, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task OversizedUploadIs413()
    {
        using var response = await PostAsync(Form(("lon.txt", Encoding.UTF8.GetBytes(new string('a', (int)Limit + 1)))));
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/cron.d/x.txt")]
    [InlineData("/etc/passwd.txt")]
    [InlineData("xa/../../ra-ngoai.txt")]
    [InlineData("..\\..\\windows.txt")]
    public async Task ZipSlipArchiveIsRefusedWhole(string entry)
    {
        var zip = Zip(("xa-vinh-hoa/bao-cao.txt", Report), (entry, Report));
        using var response = await PostAsync(Form(("ho-so.zip", zip)));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("zip-slip", problem["errors"]!["files"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_uploads) && Directory.EnumerateFiles(_uploads, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("virus.exe")]           // not a type the readers take
    [InlineData("../bao-cao.txt")]      // a folder in a file name
    public async Task BadFileNamesAre400(string name)
    {
        using var response = await PostAsync(Form((name, Encoding.UTF8.GetBytes(Report))));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?["files"]);
    }

    [Fact]
    public async Task UploadedZipIsLoadedInTheBackgroundAndBecomesSearchable()
    {
        using var response = await PostAsync(Form(("ho-so.zip", Zip(("xa-vinh-hoa/bao-cao.txt", Report)))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = (string)job["id"]!;
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.OriginalString);

        // The event stream sends the status at every change and ends when the job does.
        using var events = await _client.GetAsync(Url($"/api/jobs/{id}/events"));
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        var stream = await events.Content.ReadAsStringAsync();
        var last = stream.Split('\n').Last(l => l.StartsWith("data: ", StringComparison.Ordinal));
        Assert.Contains("event: progress", stream, StringComparison.Ordinal);
        Assert.Equal("done", (string?)JsonNode.Parse(last[6..])!["state"]);

        var status = await _client.JsonAsync($"/api/jobs/{id}");
        Assert.Equal("done", (string?)status["state"]);
        Assert.Equal(1, (int)status["documents"]!);
        Assert.Empty(status["failures"]!.AsArray());

        var who = await _client.JsonAsync("/api/cites/Nghị định 61-2023?level=commune");
        Assert.Contains(who["issuers"]!.AsArray(), i => (string?)i!["commune"] == "Vĩnh Hòa");
    }
}

/// <summary>Rate limiting and the start-up check of the options.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class HostingTests(ArchiveFixture archive)
{
    [Fact]
    public async Task TooManyRequestsAre429ProblemDetails()
    {
        using var factory = new ApiFactory(archive.Database, new Dictionary<string, string?> { ["DocIntel:RateLimitPerSecond"] = "2", ["DocIntel:RateLimitQueue"] = "0" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var r = await client.GetAsync(Url("/api/documents?q=dan%20chu&facets=false"));
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests) refused ??= r;
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(refused);
        await ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        // Health stays outside the limit, so a load balancer never sees a throttled probe.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url("/health"))).StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:8080", null, true)]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080", null, true)]
    [InlineData("http://0.0.0.0:8080", null, false)]
    [InlineData("http://+:8080", null, false)]
    [InlineData("http://*:8080", null, false)]
    [InlineData("http://archive.example:8080", null, false)]
    [InlineData("http://0.0.0.0:8080", "secret", true)]
    public void AnApiKeyIsRequiredBeyondLocalhost(string urls, string? key, bool valid)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        var result = new ApiOptionsValidator(config).Validate(null, new ApiOptions { ApiKey = key });
        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void InvalidOptionsStopTheStart()
    {
        using var factory = new ApiFactory(archive.Database, new Dictionary<string, string?> { ["DocIntel:MaxPageSize"] = "0" });
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("MaxPageSize", ex.ToString(), StringComparison.Ordinal);
    }
}
