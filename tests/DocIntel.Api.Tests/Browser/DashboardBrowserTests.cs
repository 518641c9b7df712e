using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocIntel.Api.Tests.Browser;

/// <summary>A fact that needs Debian's chromium; skipped, with the reason shown, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"browser test: no chromium at {Chromium} (scripts/setup.sh installs it)";
    }
}

/// <summary>
/// The dashboard in a real browser over the test archive, served by the API on a free localhost port. Each test saves a
/// screenshot under TestResults/dashboard/ (git-ignored) for a person to look at.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed partial class DashboardBrowserTests(ArchiveFixture archive) : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _base = "";

    private static readonly string Shots = Path.Combine(RepoPaths.Root, "TestResults", "dashboard");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Chromium)) return;
        _app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--DocIntel:Database", archive.Database, "--DocIntel:RateLimitPerSecond", "0",
            "--Logging:LogLevel:Default", "Warning"]);
        await _app.StartAsync();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        Directory.CreateDirectory(Shots);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(_base + path);
        return page;
    }

    private static Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    [ChromiumFact]
    public async Task SearchWithoutDiacriticsThenOpenTheDocumentShowsTheDecreeHighlighted()
    {
        var page = await OpenAsync("/");
        await page.FillAsync("input[name=q]", "nghi dinh 61/2023");
        await page.PressAsync("input[name=q]", "Enter");
        var card = page.Locator(".result").Filter(new() { HasText = "Tân Thạnh" }).First;
        await card.WaitForAsync();
        Assert.True(await page.Locator(".result mark").CountAsync() > 0, "snippets have highlighted words");
        Assert.True(await page.Locator("#facets section").CountAsync() == 4, "four facets");
        await ShotAsync(page, "search");

        await card.Locator("h3 a").ClickAsync();
        var decree = page.Locator("#text mark.ev", new() { HasTextRegex = new Regex("61/2023/NĐ-CP") }).First;
        await decree.WaitForAsync();
        Assert.Contains("61/2023/NĐ-CP", await decree.GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.StartsWith("Trích dẫn", await decree.GetAttributeAsync("title"), StringComparison.Ordinal);
        var issuer = page.Locator("#text mark.ev[data-field~=issuer]").First;
        Assert.Equal("Cơ quan ban hành", await issuer.GetAttributeAsync("title"));
        Assert.True(await page.Locator("table >> text=61/2023/NĐ-CP").CountAsync() > 0, "the citations table lists the decree");
        await ShotAsync(page, "document");
    }

    [ChromiumFact]
    public async Task WhoCitesTheDecreeAtCommuneLevelListsTanThanh()
    {
        var page = await OpenAsync("/cites.html");
        await page.FillAsync("input[name=key]", "Nghị định 61/2023");
        await page.CheckAsync("#communes");                  // one click: the page reloads with level=commune
        await page.WaitForURLAsync(new Regex("level=commune"));
        var answer = page.Locator("#answer");
        await answer.WaitForAsync();
        Assert.Contains("Nghị định 61/2023/NĐ-CP", await answer.InnerTextAsync(), StringComparison.Ordinal);
        var province = page.Locator(".province").First;
        Assert.Contains("An Giang", await province.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân xã Tân Thạnh", await province.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg.barchart rect").CountAsync() >= 2, "bar charts by province and level");
        await ShotAsync(page, "cites");
    }

    [ChromiumFact]
    public async Task LegalBasisDashboardDrawsEveryChartWithData()
    {
        var page = await OpenAsync("/stats.html?interval=year");
        await page.Locator(".chart").First.WaitForAsync();
        foreach (var table in new[] { "most_cited", "most_cited_basis", "citations_by_province", "citations_by_level", "citations_by_year", "documents_by_type" })
        {
            var chart = page.Locator($".chart[data-table={table}]");
            Assert.True(int.Parse(await chart.GetAttributeAsync("data-rows") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0, table);
            Assert.True(await chart.Locator("svg rect").CountAsync() > 0, table + " draws bars");
            Assert.Contains("format=csv", await chart.Locator("a[download]").GetAttributeAsync("href"), StringComparison.Ordinal);
        }
        Assert.Contains("Luật 10/2022/QH15", await page.Locator(".chart[data-table=most_cited]").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "legal-basis");
    }

    [ChromiumFact]
    public async Task GraphExplorerDrawsTypedEdgesToTheChosenDepth()
    {
        var page = await OpenAsync("/graph.html?key=" + Uri.EscapeDataString("Nghị định 59/2023") + "&direction=in&depth=2");
        await page.Locator("svg#graph line.edge").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var relations = await page.Locator("svg#graph line.edge").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.relation)");
        Assert.NotEmpty(relations);
        Assert.All(relations, r => Assert.Contains(r, new[] { "basis", "implements", "forwards", "mentions" }));
        Assert.True(await page.Locator("svg#graph a.node").CountAsync() > 1);
        await ShotAsync(page, "graph");
    }
}
