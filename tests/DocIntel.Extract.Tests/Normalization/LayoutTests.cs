using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Tests.Normalization;

/// <summary>Page layout undone: wrapped body lines joined, header and signature lines kept apart, page furniture dropped.</summary>
public sealed class LayoutTests
{
    private static string N(string s) => VietnameseNormalizer.Default.Normalize(s).Text;

    public static TheoryData<string, string> Joined => new()
    {
        // a body paragraph wrapped by the printer (corpus c001)
        {
            "Phông lưu trữ Đảng Cộng sản Việt Nam gồm toàn bộ\ntài liệu lưu trữ hình thành trong quá trình hoạt động của cơ quan, tổ chức của\nĐảng Cộng sản Việt Nam.",
            "Phông lưu trữ Đảng Cộng sản Việt Nam gồm toàn bộ tài liệu lưu trữ hình thành trong quá trình hoạt động của cơ quan, tổ chức của\nĐảng Cộng sản Việt Nam."
        },
        // a number the line asks for: two tokens on one line
        {
            "UBND xã ban hành Kế hoạch về thực hiện Quy chế dân chủ theo Nghị định số\n04/2015/NĐ-CP của Chính phủ.",
            "UBND xã ban hành Kế hoạch về thực hiện Quy chế dân chủ theo Nghị định số 04/2015/NĐ-CP của Chính phủ."
        },
        // a list item that wraps is one item
        {
            "- Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày\n21/6/2024 của Quốc hội khóa XV;\n- Căn cứ Điều lệ Đảng;",
            "- Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày 21/6/2024 của Quốc hội khóa XV;\n- Căn cứ Điều lệ Đảng;"
        },
        // end-of-line hyphenation undone where the joined form is a word
        {
            "Ủy ban nhân dân tỉnh tổ chức triển khai thực hi-\nện các nhiệm vụ trọng tâm năm 2024",
            "Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện các nhiệm vụ trọng tâm năm 2024"
        },
        // a real hyphen at the line end stays, the break goes
        {
            "Mặt trận Tổ quốc và các đoàn thể chính trị-\nxã hội các cấp chủ động xây dựng kế hoạch",
            "Mặt trận Tổ quốc và các đoàn thể chính trị-xã hội các cấp chủ động xây dựng kế hoạch"
        },
        // symbols cut at the line end (seed 001)
        { "Pháp lệnh số 34/2007/PL-\nUBTVQH11 về thực hiện dân chủ ở xã", "Pháp lệnh số 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã" },
    };

    [Theory]
    [MemberData(nameof(Joined))]
    public void JoinsLinesWrappedInsideABodyParagraph(string raw, string expected) => Assert.Equal(expected, N(raw));

    public static TheoryData<string> KeptApart => new()
    {
        // issuer block and national motto: short capital lines
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        // number line and place-and-date line
        "Số: 04/BC-UBND của Ủy ban nhân dân xã Song Vân, huyện Tân Yên\nngày 11 tháng 01 năm 2024",
        "Song Vân, ngày 11 tháng 01 năm 2024\nBÁO CÁO\nTổng kết việc thực hiện pháp luật về dân chủ trực tiếp năm 2023",
        // subject line of a công văn, however long
        "V/v triển khai thực hiện công tác cải cách hành chính trên địa bàn\nhuyện năm 2024",
        // addressee and distribution list
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn trên địa bàn huyện Tân\nYên",
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn trên địa bàn toàn huyện\nvà các cơ quan, đơn vị",
        "Nơi nhận:\n- UBND huyện (b/c);\n- TT Đảng ủy-HĐND-UBND xã;\n- Lưu: VT.",
        // signer block
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nGiáp Quốc Mạnh",
        // a sentence that ends, then a new one
        "Kịp thời kiện toàn Ban Chỉ đạo QCDC ở cơ sở khi có thay đổi nhân sự.\nUBND xã ban hành Kế hoạch về thực hiện Quy chế dân chủ",
        // a short line is the end of its paragraph, not a wrapped line
        "Kết quả đạt được\nviệc thực hiện QCDC ở cơ sở",
        // lines separated by a blank line are separate paragraphs
        "Thu nhập của người dân chủ yếu từ sản xuất nông nghiệp thuần túy; sản\n\nxuất nhỏ lẻ, manh mún",
        // a number that the line does not ask for
        "Tổ chức tập huấn cho cán bộ, công chức cấp xã về chuyển đổi số\n2. Thực hiện dân chủ trong hoạt động của cơ quan",
    };

    [Theory]
    [MemberData(nameof(KeptApart))]
    public void KeepsHeaderSignatureListAndParagraphLinesApart(string raw) => Assert.Equal(raw, N(raw));

    [Fact]
    public void DropsPageNumbersAndRunningHeadersBetweenPages()
    {
        var raw = "CÔNG BÁO/Số 12\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết.\n1\f"
                + "CÔNG BÁO/Số 13\nĐiều 2. Đối tượng áp dụng\nCơ quan, tổ chức.\n2\f"
                + "CÔNG BÁO/Số 14\nĐiều 3. Hiệu lực thi hành\nNghị định có hiệu lực.\n- 3 -";
        var n = VietnameseNormalizer.Default.Normalize(raw);
        Assert.DoesNotContain("CÔNG BÁO", n.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("- 3 -", n.Text, StringComparison.Ordinal);
        Assert.Contains("Điều 1. Phạm vi điều chỉnh", n.Text, StringComparison.Ordinal);
        Assert.Contains("Nghị định có hiệu lực.", n.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\d+$", n.Text);
        Assert.Contains(n.Repairs, r => r.Kind == RepairKind.Layout && r.Before == "CÔNG BÁO/Số 13");
    }

    [Fact]
    public void DropsAnExplicitPageNumberLineWithoutPageBreaks()
    {
        Assert.Equal("Điều 1. Phạm vi\n\nĐiều 2. Đối tượng", N("Điều 1. Phạm vi\n\n- 2 -\n\nĐiều 2. Đối tượng"));
        Assert.Equal("Điều 1. Phạm vi\n\nTrang 2/5 của báo cáo", N("Điều 1. Phạm vi\n\nTrang 2/5 của báo cáo"));
    }

    [Fact]
    public void MarkupLeavesTheTextButNotTheOffsetMap()
    {
        var raw = "**ĐẢNG BỘ HUYỆN BÌNH SƠN**";
        var n = VietnameseNormalizer.Default.Normalize(raw);
        Assert.Equal("ĐẢNG BỘ HUYỆN BÌNH SƠN", n.Text);
        Assert.Equal("ĐẢNG BỘ HUYỆN BÌNH SƠN", n.RawSlice(new Text.TextSpan(0, n.Text.Length)));
        Assert.Equal(2, n.Map.SourceOf(0).Start);
    }
}
