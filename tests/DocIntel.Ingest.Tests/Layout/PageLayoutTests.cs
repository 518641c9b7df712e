using DocIntel.Ingest.Layout;

namespace DocIntel.Ingest.Tests.Layout;

public sealed class PageLayoutTests
{
    private const double W = 2480, H = 3508;

    /// <summary>Words of one line laid out from x, one word every 16 characters' width, at height y.</summary>
    private static IEnumerable<LayoutWord> Line(string text, double x, double y, long? key = null)
    {
        foreach (var word in text.Split(' '))
        {
            var width = word.Length * 24;
            yield return new LayoutWord(word, x, y, x + width, y + 40, 90, key);
            x += width + 14;
        }
    }

    /// <summary>A công văn page as a scanner draws it: header rows interleave the two columns.</summary>
    private static List<LayoutWord> AdministrativePage(bool withStamp = false) =>
    [
        .. Line("ỦY BAN NHÂN DÂN", 300, 200), .. Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1150, 200),
        .. Line("TỈNH THÁI BÌNH", 330, 250), .. Line("Độc lập - Tự do - Hạnh phúc", 1300, 250),
        .. Line("Số: 1140/UBND-NCKS", 300, 330), .. Line("Thái Bình, ngày 29 tháng 3 năm 2024", 1250, 330),
        .. Line("V/v tiếp tục đẩy mạnh", 300, 380),
        .. Line("Kính gửi: Các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh; Ủy ban nhân dân huyện", 300, 520),
        .. Line("Ủy ban nhân dân tỉnh nhận được Văn bản số 44-CV/BCĐ ngày 25/3/2024 của Ban Chỉ đạo", 300, 600),
        .. Line("TM. ỦY BAN NHÂN DÂN", 1500, 1000),
        .. Line("Nơi nhận:", 300, 1050), .. Line("KT. CHỦ TỊCH", 1550, 1050),
        .. Line("- Như trên;", 300, 1100), .. Line("PHÓ CHỦ TỊCH", 1550, 1100),
        .. Line("- Lưu: VT, NCKS.", 300, 1150),
        .. Line("Lại Văn Hoàn", 1550, 1300),
        .. (withStamp ? Line("Ký bởi: Ủy ban nhân dân tỉnh Thái Bình", 1500, 3000).Concat(Line("Thời gian ký: 29.03.2024 09:12:31 +07:00", 1500, 3050)) : []),
    ];

    [Fact]
    public void TwoColumnHeaderReadsLeftBlockThenRightBlock()
    {
        var page = PageLayout.Compose(AdministrativePage(), W, H);
        var lines = page.Text.Split('\n');
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH", "Số: 1140/UBND-NCKS", "V/v tiếp tục đẩy mạnh", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thái Bình, ngày 29 tháng 3 năm 2024"], lines[..7]);
        Assert.True(page.HasTwoColumnHeader);
    }

    [Fact]
    public void SignerBlockComesBeforeTheRecipientsBlock()
    {
        var text = PageLayout.Compose(AdministrativePage(), W, H).Text;
        Assert.Contains("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLại Văn Hoàn\nNơi nhận:\n- Như trên;\n- Lưu: VT, NCKS.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("44-CV/BCĐ", StringComparison.Ordinal) < text.IndexOf("TM. ỦY BAN", StringComparison.Ordinal));
    }

    [Fact]
    public void DigitalSignatureStampIsLeftOutOfTheText()
    {
        var page = PageLayout.Compose(AdministrativePage(withStamp: true), W, H);
        Assert.DoesNotContain("Ký bởi", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời gian ký", page.Text, StringComparison.Ordinal);
        Assert.Equal(2, page.StampLinesRemoved);
    }

    [Fact]
    public void OrderDoesNotDependOnTheOrderWordsArriveIn()
    {
        var words = AdministrativePage();
        var shuffled = words.OrderBy(w => (w.Text.GetHashCode(StringComparison.Ordinal) * 31) ^ (int)w.Left).ToList();
        Assert.Equal(PageLayout.Compose(words, W, H).Text, PageLayout.Compose(shuffled, W, H).Text);
    }

    [Fact]
    public void ASingleColumnPageKeepsItsLines()
    {
        List<LayoutWord> words = [.. Line("Các sở, ban, ngành, Ủy ban nhân dân huyện, thành phố căn cứ chức năng, nhiệm vụ", 300, 200), .. Line("được giao tổ chức triển khai thực hiện Văn bản số 44-CV/BCĐ", 300, 260)];
        var page = PageLayout.Compose(words, W, H);
        Assert.Equal("Các sở, ban, ngành, Ủy ban nhân dân huyện, thành phố căn cứ chức năng, nhiệm vụ\nđược giao tổ chức triển khai thực hiện Văn bản số 44-CV/BCĐ", page.Text);
        Assert.False(page.HasTwoColumnHeader);
    }

    [Theory]
    [InlineData("Ký bởi: Sở Nội vụ tỉnh Bình Thuận", true)]
    [InlineData("Thời gian ký: 28.11.2024 09:12:31 +07:00", true)]
    [InlineData("Người ký: Nguyễn Văn A", true)]
    [InlineData("Signed by: BO CONG AN", true)]
    [InlineData("Kính gửi: Ủy ban nhân dân các huyện", false)]
    [InlineData("Ký thay Chủ tịch", false)]
    public void RecognisesSignatureStampLines(string line, bool stamp) => Assert.Equal(stamp, SignatureStamp.IsAnchor(line));

    [Fact]
    public void StampLinesAndTheirCompanionsAreRemovedFromPlainLines()
    {
        string[] lines = ["Nơi nhận:", "- Như trên;", "Ký bởi: Bộ Công an", "Cơ quan: Bộ Công an", "Thời gian ký: 01.10.2025 08:00:00 +07:00", "- Lưu: VT."];
        var (kept, removed) = SignatureStamp.RemoveFromLines(lines);
        Assert.Equal(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], kept);
        Assert.Equal(3, removed);
    }

    /// <summary>The end of seed 004's first body paragraph (harsh scan, page 2: turned 2.4°), one Tesseract line each.</summary>
    private static readonly string[] Paragraph =
    [
        "Để tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc thực hiện dân chủ ở",
        "tỉnh, Ban Chỉ đạo Thực hiện dân chủ ở cơ sở của tỉnh đề nghị Ban Cán sự đảng",
        "chức chính trị - xã hội tỉnh, các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh",
        "hiện tốt một số nội dung sau:",
        "1. Các sở, ban, ngành, Ủy ban nhân dân huyện, thành phố căn cứ chức năng,",
    ];

    /// <summary>
    /// A scan turned by <paramref name="degrees"/> (clockwise positive, as a scanner's skew): each word's box moves with
    /// its centre, so a line's right end sits lower or higher than its left end by more than the line spacing.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(-2.4)]
    [InlineData(2.4)]
    [InlineData(-1.0)]
    public void SkewedScanKeepsTesseractsLinesInOrder(double degrees)
    {
        var slope = Math.Tan(degrees * Math.PI / 180);
        var words = Paragraph
            .SelectMany((line, i) => Line(line, 300, 1000 + 60 * i, key: i + 1))
            .Select(w => { var dy = slope * (w.CenterX - W / 2); return w with { Top = w.Top + dy, Bottom = w.Bottom + dy }; })
            .ToList();
        var page = PageLayout.Compose(words, W, H);
        // The short line "… nội dung sau:" ends a paragraph: a blank line before the numbered item.
        Assert.Equal(string.Join("\n", Paragraph[..4]) + "\n\n" + Paragraph[4], page.Text);
        Assert.Equal(slope, PageLayout.PageSlope(words, W), 4);
    }

    /// <summary>Seed 002's task list as make-scan sets it (justified, first-line indent), one Tesseract line each.</summary>
    private static IEnumerable<LayoutWord> TaskParagraphs()
    {
        (string Text, double Left, double Right)[] rows =
        [
            ("ngành cấp tỉnh, UBND các huyện, thành phố, thị xã triển khai thực hiện một số", 300, 2180),
            ("nội dung công việc sau:", 300, 900),
            ("Tiếp tục tuyên tuyền, triển khai thực hiện các văn bản của Đảng, Nhà", 420, 2180),
            ("nước về dân chủ ở cơ sở, gồm: Kết luận số 120-KL/TW ngày 07/01/2016 của", 300, 2180),
            ("Bộ Chính trị về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây", 300, 2180),
            ("thực hiện hương ước, quy ước của cộng đồng dân cư.", 300, 1500),
            ("Tiếp tục chỉ đạo thực hiện tốt phương châm “Dân biết, dân bàn, dân làm,", 420, 2180),
            ("dân kiểm tra, dân giám sát, dân thụ hưởng”, đặc biệt là trong triển khai các dự", 300, 2180),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            var words = rows[i].Text.Split(' ');
            var step = (rows[i].Right - rows[i].Left) / words.Length;
            for (var k = 0; k < words.Length; k++)
                yield return new LayoutWord(words[k], rows[i].Left + k * step, 1000 + 60 * i, rows[i].Left + (k + 1) * step - 14, 1040 + 60 * i, 90, i + 1);
        }
    }

    [Fact]
    public void CentredHeaderLinesAndTheNumberBelowItsLabelStayTogether()
    {
        // dev c016 at 200 dpi: a header the layout does not see as two columns, then the body
        List<LayoutWord> words =
        [
            .. Line("CHỦ TỊCH ỦY BAN NHÂN DÂN", 420, 200, key: 1), .. Line("TỈNH ĐỒNG THÁP", 560, 260, key: 2),
            .. Line("Số:", 300, 340, key: 3), .. Line("144/2025/QĐ-CTUBND", 300, 400, key: 4),
            .. Line("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025", 420, 500, key: 5),
            .. Line("của Quốc hội; Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15", 300, 560, key: 6),
            .. Line("ngày 19 tháng 2 năm 2025 của Quốc hội; Căn cứ Luật Giao dịch điện tử số 20/2023/QH15;", 300, 620, key: 7),
        ];
        var text = PageLayout.Compose(words, W, H).Text;
        Assert.StartsWith("CHỦ TỊCH ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố:\n144/2025/QĐ-CTUBND\n\nCăn cứ Luật Tổ chức", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlankLineStartsEachParagraphOfTheBody()
    {
        var paragraphs = PageLayout.Compose([.. TaskParagraphs()], W, H).Text.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.EndsWith("nội dung công việc sau:", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Tiếp tục tuyên tuyền", paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("cộng đồng dân cư.", paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("Tiếp tục chỉ đạo", paragraphs[2], StringComparison.Ordinal);
    }

    /// <summary>
    /// One tall box (c019's small-print recipients at 300 dpi: a word read across two lines) does not stretch its line
    /// over the next one: the wrapped end of the list item stays after it.
    /// </summary>
    [Fact]
    public void OneTallWordDoesNotPullTheNextLineInFrontOfItsOwn()
    {
        var item = Line("- UBND các tỉnh, thành phố: Hải Phòng, Hưng Yên, Ninh Bình, Bắc", 300, 1000, key: 1)
            .Select(w => w.Text == "Hưng" ? w with { Bottom = w.Bottom + 45 } : w);
        var wrapped = Line("Ninh, Phú Thọ, Tuyên Quang;", 290, 1050, key: 2);
        var page = PageLayout.Compose([.. item, .. wrapped], W, H);
        Assert.Equal("- UBND các tỉnh, thành phố: Hải Phòng, Hưng Yên, Ninh Bình, Bắc\nNinh, Phú Thọ, Tuyên Quang;", page.Text);
    }

    /// <summary>Text-layer words (no Tesseract line ids) are never moved, whatever their slope.</summary>
    [Fact]
    public void WordsWithoutLineIdsAreNotStraightened()
    {
        var words = Line("Ủy ban nhân dân tỉnh nhận được Văn bản số 44-CV/BCĐ ngày 25/3/2024", 300, 600)
            .Select((w, i) => w with { Top = w.Top + 3 * i, Bottom = w.Bottom + 3 * i }).ToList();
        Assert.Same(words, PageLayout.Straighten(words, W));
    }

    /// <summary>
    /// Words of an OCR'd line whose boxes reach up for marks above and down for dots below and descenders, as Tesseract's
    /// boxes do (12 px and 10 px at 300 dpi here).
    /// </summary>
    private static IEnumerable<LayoutWord> ScannedLine(string text, double x, double y, long key)
    {
        foreach (var w in Line(text, x, y, key))
        {
            var d = w.Text.Normalize(System.Text.NormalizationForm.FormD);
            var up = d.Any(c => c is '\u0300' or '\u0301' or '\u0302' or '\u0303' or '\u0306' or '\u0309') ? 12 : 0;
            var down = d.Any(c => c is '\u0323' or 'p' or 'g' or 'y' or 'q') ? 10 : 0;
            yield return w with { Top = w.Top - up, Bottom = w.Bottom + down };
        }
    }

    /// <summary>
    /// The header of a scanned kế hoạch (corpus p011, page 1, positions from its OCR): the two columns' lines are not on
    /// common baselines. Rows pair by their full boxes, so the header is still found with segments placed by median.
    /// </summary>
    [Fact]
    public void ScannedHeaderWhoseColumnsAreNotOnCommonBaselinesIsStillTwoBlocks()
    {
        List<LayoutWord> words =
        [
            .. ScannedLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1217, 227, 1),
            .. ScannedLine("BỘ CÔNG THƯƠNG", 449, 236, 2),
            .. ScannedLine("Độc lập - Tự do - Hạnh phúc", 1396, 288, 3),
            .. ScannedLine("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", 244, 328, 4),
            .. ScannedLine("THÀNH PHỐ HỒ CHÍ MINH", 345, 386, 5),
            .. ScannedLine("Thành phố Hồ Chí Minh, ngày 12 tháng 6 năm 2026", 1190, 448, 6),
            .. ScannedLine("Số: 55/KH-DCT", 497, 515, 7),
            .. ScannedLine("KẾ HOẠCH", 1090, 658, 8),
            .. ScannedLine("Khảo sát, xác định chỉ số hài lòng của người dân", 689, 730, 9),
        ];
        var page = PageLayout.Compose(words, W, H);
        Assert.Equal(
            "BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC CÔNG THƯƠNG\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 55/KH-DCT\n" +
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThành phố Hồ Chí Minh, ngày 12 tháng 6 năm 2026\n" +
            "KẾ HOẠCH\nKhảo sát, xác định chỉ số hài lòng của người dân",
            page.Text);
    }
}
