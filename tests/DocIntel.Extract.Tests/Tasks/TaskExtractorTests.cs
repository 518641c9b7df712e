using DocIntel.Extract.Layout;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Tasks;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Tasks;

public sealed class TaskExtractorTests
{
    private static IReadOnlyList<Documents.DocumentTask> Tasks(string raw)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        return TaskExtractor.Extract(text, TextLine.Split(text, new TextSpan(0, text.Length)));
    }

    [Fact]
    public void NumberedBlocksAddressedToBodiesAreTasksWithThoseAssignees()
    {
        // seed 000
        var tasks = Tasks("Ban Thường vụ Đảng ủy xã yêu cầu:\n\n**1. Uỷ ban nhân dân xã**\n\nTiếp tục chỉ đạo đẩy mạnh công tác tuyên truyền.\n\n**2. Mặt trận, Hội đoàn thể xã**\n\nTiếp tục phát huy hơn nữa vai trò.\n\nNơi nhận:\n- Như trên,");
        Assert.Equal(["Ủy ban nhân dân xã", "Mặt trận, Hội đoàn thể xã"], tasks.Select(t => t.Assignee ?? "").ToArray());
    }

    [Fact]
    public void ItemsUnderATaskHeadingAreTasksAndOtherSectionsAreNot()
    {
        // seed 003: section II and III are tasks, section I is not
        var raw = "I. MỤC ĐÍCH, YÊU CẦU\n1. Thực hiện quy chế dân chủ cơ sở theo phương châm.\nII. NHIỆM VỤ TRỌNG TÂM\n1. Tiếp tục quán triệt, nâng cao nhận thức.\n2. Thực hiện dân chủ ở cơ sở gắn với Nghị quyết Trung ương 4 (khóa\nXII) về tăng cường xây dựng Đảng.\nIII. Tổ chức thực hiện\n1. Ủy ban nhân dân xã xây dựng kế hoạch và tổ chức thực hiện.\n2. Định kỳ UBND xã báo cáo sơ kết 6 tháng (trước ngày 10/5/2024) và báo cáo tổng kết năm (trước 10/10/2024).";
        var tasks = Tasks(raw);
        Assert.Equal(4, tasks.Count);
        Assert.Equal("Ủy ban nhân dân xã", tasks[2].Assignee);
        Assert.Equal(new DateOnly(2024, 5, 10), tasks[3].Deadline);
    }

    [Fact]
    public void AHeadingWithDroppedGlyphsStillAnnouncesTasks()
    {
        // seed 001's text layer lost capitals: "PHƯƠNG HƯỚNG, NHIỆM VỤ" came out as below
        var tasks = Tasks("V - P ƯƠNG ƯỚNG, N IỆM V NĂM 2024\n1. Tiếp tục quán triệt, tuyên truyền.\n2. Ban Chỉ đạo QCDC ở xã tiếp tục đẩy mạnh thực hiện.\nVI - KIẾN NG Ị, ĐỀ UẤT\nKhông.");
        Assert.Equal(2, tasks.Count);
        Assert.Equal("Ban Chỉ đạo QCDC ở xã", tasks[1].Assignee);
    }

    [Fact]
    public void ParagraphsAfterAnAnnouncedListAreTasks()
    {
        // seed 002: unnumbered paragraphs after "… một số nội dung công việc sau:"
        var tasks = Tasks("UBND tỉnh yêu cầu các sở triển khai thực hiện một số nội dung công việc sau:\n\nTiếp tục tuyên truyền các văn bản.\n\nĐẩy mạnh cải cách thủ tục hành chính.\n\nTăng cường công tác tham mưu.");
        Assert.Equal(3, tasks.Count);
    }

    [Fact]
    public void AnIntroWrappedOverLinesIsNotATaskItself()
    {
        // seed 002 scanned at 300 dpi: the intro keeps a line break where the layout rebuilt it
        var tasks = Tasks("Để triển khai thực hiện tốt quy chế dân chủ ở cơ sở năm 2024 và tiếp tục thực hiện Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ\nChính trị về việc tiếp tục đẩy mạnh, UBND tỉnh yêu cầu các sở, ban, ngành cấp tỉnh, UBND các huyện triển khai thực hiện một số nội dung công việc sau:\n\nTiếp tục tuyên truyền các văn bản.\n\nĐẩy mạnh cải cách thủ tục hành chính.");
        Assert.Equal(["Tiếp tục tuyên truyền các văn bản.", "Đẩy mạnh cải cách thủ tục hành chính."], tasks.Select(t => t.Text).ToArray());
    }

    [Theory]
    [InlineData("giao Sở Nội vụ chủ trì theo dõi, kiểm tra, đôn đốc việc thực hiện Công văn này", "Sở Nội vụ")]
    [InlineData("Đề nghị Ủy ban nhân dân các xã, phường khẩn trương rà soát, báo cáo", "Ủy ban nhân dân các xã, phường")]
    [InlineData("UBND tỉnh yêu cầu các sở, ban, ngành cấp tỉnh nghiêm túc triển khai thực hiện", "các sở, ban, ngành cấp tỉnh")]
    public void ADirectiveSentenceNamesItsAssignee(string text, string assignee) => Assert.Equal(assignee, Assert.Single(Tasks(text)).Assignee);

    [Theory]
    [InlineData("báo cáo kết quả trước ngày 10/5/2024", "2024-05-10")]
    [InlineData("báo cáo tổng kết năm (trước 10/10/2024)", "2024-10-10")]
    [InlineData("hoàn thành chậm nhất ngày 30 tháng 6 năm 2025", "2025-06-30")]
    [InlineData("triển khai từ tháng 5/2024 đến tháng 12/2024", "2024-12-31")]
    [InlineData("định kỳ 6 tháng báo cáo", null)]
    public void ReadsDeadlines(string text, string? iso) =>
        Assert.Equal(iso, TaskExtractor.FindDeadline(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
