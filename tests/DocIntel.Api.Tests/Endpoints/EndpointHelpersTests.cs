using System.Text.Json.Nodes;
using DocIntel.Api.Endpoints;
using DocIntel.Index.Store;

namespace DocIntel.Api.Tests.Endpoints;

/// <summary>The small pure pieces of the endpoints: path keys, evidence spans, snippet highlights.</summary>
public sealed class EndpointHelpersTests
{
    [Theory]
    [InlineData("Nghị định 61-2023", "Nghị định 61/2023")]               // a slash written as a dash
    [InlineData("Luật 10-2022", "Luật 10/2022")]
    [InlineData("61%2F2023%2FN%C4%90-CP", "61/2023/NĐ-CP")]              // escaped slashes
    [InlineData("61/2023/NĐ-CP", "61/2023/NĐ-CP")]
    [InlineData("Thông báo 61-TB/BCĐ", "Thông báo 61-TB/BCĐ")]          // a Party symbol keeps its dash
    [InlineData("120-KL/TW", "120-KL/TW")]
    [InlineData("519df8c5cef7fed6-1", "519df8c5cef7fed6-1")]            // a document id
    [InlineData("  Chỉ thị 30 ", "Chỉ thị 30")]
    public void PathKeysReadAsTheUserMeantThem(string raw, string expected) => Assert.Equal(expected, CitationEndpoints.Key(raw));

    private const string Part = "ỦY BAN NHÂN DÂN\nXÃ TÂN THẠNH\nSố: 12/KH-UBND\nCăn cứ Nghị định số 61/2023/NĐ-CP ngày 16/8/2023";

    private static JsonObject Contract(int shift) => new()
    {
        ["evidence"] = new JsonObject
        {
            ["number"] = new JsonObject { ["start"] = shift + 33, ["end"] = shift + 43, ["text"] = "12/KH-UBND" },
            ["issuer"] = new JsonObject { ["start"] = shift, ["end"] = shift + 28, ["text"] = Part[..28] },
        },
        ["citations"] = new JsonArray(new JsonObject
        {
            ["number"] = "61/2023/NĐ-CP", ["relation"] = "basis",
            ["spans"] = new JsonArray(new JsonObject { ["start"] = shift + Part.IndexOf("Nghị định", StringComparison.Ordinal), ["end"] = shift + Part.IndexOf(" ngày", StringComparison.Ordinal) }),
        }),
    };

    [Theory]
    [InlineData(0)]      // the first document of a file: spans already count from the part's start
    [InlineData(1234)]   // a later part: spans count from the file's start, the store keeps the part
    public void EvidenceSpansLandOnTheirValuesInThePartText(int shift)
    {
        var evidence = DocumentEndpoints.EvidenceOf(Contract(shift), Part);
        Assert.Equal(3, evidence.Count);
        Assert.Equal("ỦY BAN NHÂN DÂN\nXÃ TÂN THẠNH", Part[evidence[0].Start..evidence[0].End]);
        var citation = Assert.Single(evidence, e => e.Field == "citation.basis");
        Assert.Equal("Nghị định số 61/2023/NĐ-CP", Part[citation.Start..citation.End]);
        Assert.Equal("61/2023/NĐ-CP", citation.Value);
    }

    [Fact]
    public void SpansOutsideTheTextAreDropped()
    {
        var evidence = DocumentEndpoints.EvidenceOf(Contract(0), Part[..20]);
        Assert.All(evidence, e => Assert.True(e.End <= 20));
    }

    [Theory]
    [InlineData("…căn cứ [Nghị định] số 61/[2023]/NĐ-CP…", "…căn cứ Nghị định số 61/2023/NĐ-CP…", "Nghị định|2023")]
    [InlineData("không có từ khớp", "không có từ khớp", "")]
    public void SnippetBracketsBecomeRanges(string snippet, string plain, string words)
    {
        var summary = new DocumentSummary("a-1", "/a.txt", 1, "ke_hoach", null, null, null, null, null, null, null, null);
        var r = DocumentEndpoints.Highlight(new SearchHit(summary, 1, snippet));
        Assert.Equal(plain, r.Snippet);
        Assert.Equal(words, string.Join('|', r.Highlights.Select(h => r.Snippet[h.Start..h.End])));
    }
}
