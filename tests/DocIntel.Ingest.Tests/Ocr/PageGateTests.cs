using DocIntel.Ingest.Pipeline;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Ocr;

public sealed class PageGateTests
{
    private const string Good = "Ủy ban nhân dân tỉnh nhận được Văn bản số 44-CV/BCĐ ngày 25/3/2024 của Ban Chỉ đạo Thực hiện dân chủ ở cơ sở của tỉnh về việc tiếp tục đẩy mạnh, nâng cao chất lượng hiệu quả thực hiện dân chủ ở cơ sở trên địa bàn tỉnh.";

    public static TheoryData<string, string, double, int, bool, string?> Pages => new()
    {
        { "good text layer", Good, 0.0, 0, false, null },
        { "no text layer", "", 1.0, 0, true, "no text layer" },
        { "stamp only", "", 0.9, 4, true, "digital-signature stamp" },
        { "thin text over a scan", "Số: 12/UBND-VP ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân xã Song Vân", 0.95, 0, true, "mostly image" },
        { "ƣ damage", "Thực hiện Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân xã đã chỉ đạo các thôn tổ chức hội nghị tuyên truyền, phổ biến đến toàn thể nhân dân. Ngƣời dân tham gia đóng góp ý kiến, thƣờng xuyên kiểm tra giám sát; công tác thông tin đƣợc thực hiện kịp thời; các tổ chức đoàn thể phối hợp chặt chẽ trong việc vận động nhân dân thực hiện tốt các quy định của pháp luật", 0.0, 0, true, "damaged" },
        { "mojibake", "Ng\u00c6\u00b0\u00e1\u00bb\u009di d\u00c3\u00a2n tham gia \u00c4\u2018\u00c3\u00b3ng g\u00c3\u00b3p \u00c3\u00bd ki\u00e1\u00ba\u00bfn v\u00e1\u00bb\u0081 vi\u00e1\u00bb\u2021c th\u00e1\u00bb\u00b1c hi\u00e1\u00bb\u2021n d\u00c3\u00a2n ch\u00e1\u00bb\u00a7 \u00e1\u00bb\u0178 c\u00c6\u00a1 s\u00e1\u00bb\u0178", 0.0, 0, true, "damaged" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void DecidesWhichPagesNeedOcr(string name, string text, double imageCoverage, int stampLines, bool needsOcr, string? reason)
    {
        var verdict = PageGate.Assess(new SourcePage(1, text, TextOrigins.TextLayer, null) { ImageCoverage = imageCoverage, StampLinesRemoved = stampLines });
        Assert.True(needsOcr == verdict.NeedsOcr, name);
        if (reason is not null) Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OcrReplacesAnEmptyLayer() =>
        Assert.True(PageGate.PreferOcr(new PageVerdict(true, 0, 0, "no text layer"), Good));

    [Fact]
    public void OcrThatIsNoBetterDoesNotReplaceTheLayer() =>
        Assert.False(PageGate.PreferOcr(new PageVerdict(true, 0.95, Good.Count(char.IsLetter), "mostly image"), "Ủy bản nhâân dâàn tỉnhh nhậàn đưượợc Văăn bảản sốố 44 ngàyy 25/3/2024 củủa Bann Chỉỉ đạoo Thựcc hiệện"));

    [Fact]
    public void OcrThatScoresBetterReplacesADamagedLayer() =>
        Assert.True(PageGate.PreferOcr(new PageVerdict(true, 0.6, 200, "text layer damaged"), Good));
}

public sealed class StampedBlankTests
{
    [Theory]
    // corpus p021: the text layer left blanks; Tesseract read the stamp as "Só:542" and "G6"
    [InlineData("Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024", "Só:542 /TB-UBND Quảng Ngãi, ngày G6 tháng TÌ năm 2024", "Số: 542/TB-UBND Quảng Ngãi, ngày 06 tháng 11 năm 2024")]
    // corpus p022: the day came out as "#5": the number is filled, the day stays blank
    [InlineData("Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024", "Só:565  /TB-UBND Quảng Ngãi, ngày #5 tháng 1] năm 2024", "Số: 565/TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024")]
    // corpus p022 drawn by poppler (pdftotext -layout): the signature fields' own text, exact
    [InlineData("Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024", "Số: 565    /TB-UBND             Quảng Ngãi, ngày 15 tháng 11 năm 2024", "Số: 565/TB-UBND Quảng Ngãi, ngày 15 tháng 11 năm 2024")]
    // a number of another document on the OCR page does not fill the blank
    [InlineData("Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024", "Số: 2003/UBDT-VPCTMTQG ngày 01/11/2024", "Số: /TB-UBND Quảng Ngãi, ngày tháng 11 năm 2024")]
    public void FillsOnlyTheStampedBlanksTheReadingAgreesWith(string layer, string ocr, string expected) =>
        Assert.Equal(expected, DocIntel.Ingest.Pipeline.PageGate.FillStampedBlanks(layer, ocr));
}

/// <summary>
/// Signed PDFs (corpus p021, p022, Quảng Ngãi): the signing system stamps the number and the day into signature fields
/// whose appearance streams hold real text; PdfPig's page content leaves blanks ("Số: /TB-UBND", "ngày tháng 11").
/// </summary>
public sealed class SignatureFieldTextTests
{
    [Theory]
    [InlineData("p021.pdf", "542/TB-UBND", "2024-11-06")]
    [InlineData("p022.pdf", "565/TB-UBND", "2024-11-15")]
    public async Task StampedNumberAndDayComeFromTheSignatureFieldsText(string file, string number, string date)
    {
        var r = await DocIntel.Ingest.Tests.Readers.BadInputTests.Pipeline().RunAsync(RepoPaths.TestData("dev", file), CancellationToken.None);
        Assert.True(r.Succeeded, r.Error);
        var doc = r.Documents[0];
        Assert.Equal(number, doc.Analysis.Number?.Value);
        Assert.Equal(date, doc.Analysis.IssuedDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var first = doc.Quality.Pages![0];
        Assert.Equal("text-layer", first.Origin);
        Assert.Contains("signature fields' own text", first.Note, StringComparison.Ordinal);
    }
}
