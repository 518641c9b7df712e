using System.Text;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Readers;

public sealed class FileReadersTests
{
    private static Task<ReadOutcome> Read(string name, byte[] bytes) => FileReaders.Default.ReadAsync(name, bytes, "sha", CancellationToken.None);

    [Fact]
    public async Task ReadsUtf8TextAsIs()
    {
        var r = await Read("a.txt", Encoding.UTF8.GetBytes("Ủy ban nhân dân xã Song Vân"));
        Assert.Equal("Ủy ban nhân dân xã Song Vân", r.Text!.JoinedText);
        Assert.Equal(TextOrigins.Plain, r.Text.Origin);
    }

    [Fact]
    public async Task ReadsUtf16WithItsByteOrderMark()
    {
        var r = await Read("a.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Nghị định số 59/2023/NĐ-CP")]);
        Assert.Equal("Nghị định số 59/2023/NĐ-CP", r.Text!.JoinedText);
    }

    [Fact]
    public async Task ReadsWindows1258WhenTheBytesAreNotUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1258).GetBytes("Vi\u00EA\u0323t Nam d\u00E2n chu\u0309");
        var r = await Read("old.txt", bytes);
        Assert.Equal("Việt Nam dân chủ", Extract.Normalization.VietnameseNormalizer.Default.Normalize(r.Text!.JoinedText).Text);
        Assert.Contains(r.Text.Warnings, w => w.Contains("1258", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsTheContentOfAnHtmlPageWithoutItsChrome()
    {
        var html = """
            <html><head><title>x</title><style>.a{}</style><script>var a=1;</script></head>
            <body><nav>Trang chủ | Tin tức</nav><article><h1>Triển khai thực hiện quy chế dân chủ ở cơ sở năm 2024</h1>
            <p>UBND tỉnh vừa ban hành Công văn số 957/UBND-NC</p></article><footer>Bản quyền</footer></body></html>
            """;
        var r = await Read("page.html", Encoding.UTF8.GetBytes(html));
        var text = r.Text!.JoinedText;
        Assert.Contains("Công văn số 957/UBND-NC", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang chủ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("var a", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản quyền", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsABornDigitalPdfTextLayerInReadingOrder()
    {
        var path = RepoPaths.TestData("pdf", "p008_8151-BNV-CCHC.pdf");
        var r = await Read(path, await File.ReadAllBytesAsync(path));
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(TextOrigins.TextLayer, r.Text!.Origin);
        // This PDF's text layer writes "ố" decomposed; the normaliser composes it.
        var text = Extract.Normalization.VietnameseNormalizer.Default.Normalize(r.Text.JoinedText).Text;
        Assert.Contains("Quyết định số 145/QĐ-BNV ngày 03/3/2025", text, StringComparison.Ordinal);
        // lines keep their spaces (page.Text would glue them)
        Assert.Contains("Kính gửi:", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("BỘ NỘI VỤ", StringComparison.Ordinal) < text.IndexOf("Kính gửi", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "empty.txt", [], "empty file" },
        { "fake.pdf", Encoding.ASCII.GetBytes("this is not a pdf at all"), "not a PDF" },
        { "broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer"), "PDF cannot be parsed" },
        { "scan.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "corrupt or truncated image" },
        { "sheet.xlsx", [0x50, 0x4B, 3, 4, 0, 0], "unsupported file type" },
        { "binary.txt", [0x41, 0, 0, 0x42, 0x43], "binary content" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputGivesAClearReason(string name, byte[] bytes, string reason)
    {
        var r = await Read(name, bytes);
        Assert.False(r.Succeeded);
        Assert.Contains(reason, r.Error, StringComparison.Ordinal);
    }
}
