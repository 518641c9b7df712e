using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Citations;

public sealed class CitationFinderTests
{
    private static IReadOnlyList<Extract.Documents.Citation> Find(string raw)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        return new CitationFinder(TestReference.Value.Registry).Find(text, new TextSpan(0, text.Length));
    }

    public static TheoryData<string, string[]> Numbered => new()
    {
        { "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ", ["59/2023/NĐ-CP"] },
        { "Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị", ["120-KL/TW"] },
        { "Quy định số 11-QĐi/TW, ngày 18/2/2019 của Bộ Chính trị", ["11-QĐI/TW"] },
        { "Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ", ["26/CT-TTG"] },
        { "Pháp lệnh số 34/2007/PL-\nUBTVQH11 về thực hiện dân chủ ở xã", ["34/2007/PL-UBTVQH11"] },
        { "Kế hoạch số 814/KH-UBND ngày 28/12/2021 của UBND tỉnh", ["814/KH-UBND"] },
        { "Văn bản số 44-CV/BCĐ ngày 25/3/2024", ["44-CV/BCĐ"] },
        { "UBND tỉnh vừa ban hành Công văn số 957/UBND-NC gửi các sở", ["957/UBND-NC"] },
        { "Nghị định 61/2023/NĐ-CP, ngày 16/8/2023 của Chính phủ", ["61/2023/NĐ-CP"] },
        // lists that share a type word
        { "Nghị quyết số 18-\nNQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương", ["18-NQ/TW", "19-NQ/TW"] },
        { "theo Quyết định số 217 -QĐ/TW, Quyết định số 218-QĐ/TW của Bộ Chính trị", ["217-QĐ/TW", "218-QĐ/TW"] },
        { "các Nghị định số 59/2023/NĐ-CP và 61/2023/NĐ-CP", ["59/2023/NĐ-CP", "61/2023/NĐ-CP"] },
        // damaged spacing (seed 001)
        { "Kế hoạch số 26- KH/TU Ban Thường vụ của Tỉnh ủy", ["26-KH/TU"] },
        { "Nghị định số145/2020/NĐ-CP, ngày 14/12/2020 của Chính phủ", ["145/2020/NĐ-CP"] },
        { "Nghị quyết số 27/NQ- TW", ["27/NQ-TW"] },
        // the same document twice is one citation
        { "Văn bản số 44-CV/BCĐ ngày 25/3/2024 (có Văn bản số 44-CV/BCĐ gửi kèm)", ["44-CV/BCĐ"] },
        // Icelandic eth from OCR
        { "Nghị định số 59/2023/NÐ-CP", ["59/2023/NĐ-CP"] },
    };

    [Theory]
    [MemberData(nameof(Numbered))]
    public void FindsNumberedCitations(string text, string[] numbers) =>
        Assert.Equal(numbers, Find(text).Select(c => c.Number ?? "").ToArray());

    public static TheoryData<string> NotCitations => new()
    {
        "ngày 10/11/2022",
        "Điện thoại: 0204.3855.123, Fax: 0204 3855 124",
        "Điều 5, khoản 2",
        "V/v tiếp tục đẩy mạnh",
        "Ban Chấp hành Trung ương Đảng khóa XIII",
        "diện tích 834,77 ha, 2.631 hộ, 9.629 nhân khẩu",
        "trang 3/12",
        "Mã bưu chính 24000",
        "từ tháng 5/2024 đến tháng 12/2024",
    };

    [Theory]
    [MemberData(nameof(NotCitations))]
    public void IgnoresWhatIsNotACitation(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("tuyên truyền Luật Thực hiện dân chủ ở cơ sở đến hội viên", "10/2022/QH15")]
    [InlineData("Triển khai Luật thực hiện dân chủ ở cơ sở đến hội viên", "10/2022/QH15")]
    [InlineData("Pháp luật về dân chủ trực tiếp trong Hiến pháp năm 2013;", "HIẾN-PHÁP-2013")]
    [InlineData("thi hành một số điều của Bộ luật Lao động về điều kiện lao động", "45/2019/QH14")]
    [InlineData("thực hiện Nghị quyết Trung ương 4 (khóa\n\nXII) về tăng cường", "04-NQ/TW")]
    public void ResolvesTitledCitationsThroughTheRegistry(string text, string key) =>
        Assert.Contains(Find(text), c => c.Key == key);

    public static TheoryData<string, string> MoreForms => new()
    {
        // a law's title between its type word and its number (corpus c024)
        { "Căn cứ Luật Đất đai số 31/2024/QH15;", "31/2024/QH15" },
        { "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", "72/2025/QH15" },
        // letters without a type code after "Văn bản số" (corpus p001)
        { "Hội Làm vườn có Văn bản số 01/HLV ngày 30/7/2024 báo cáo", "01/HLV" },
        { "Hội Cựu giáo chức tỉnh có Văn bản số 16/CGC.BT ngày 19/8/2024", "16/CGC.BT" },
        // OCR slips in the number
        { "Nghị định số O4/2015/NĐ-CP của Chính phủ", "04/2015/NĐ-CP" },
        { "Kết luận số l20-KL/TW của Bộ Chính trị", "120-KL/TW" },
        // dashes lost or doubled by PDF extraction
        { "Thông tư số 01/2023/TT-VPCP ngày 05/4/2023", "01/2023/TT-VPCP" },
    };

    [Theory]
    [MemberData(nameof(MoreForms))]
    public void FindsLessTidyForms(string text, string number) => Assert.Contains(Find(text), c => c.Number == number);

    [Theory]
    // the type is the law's word, not a type word inside the law's name (corpus c014, c016)
    [InlineData("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;", "Luật")]
    [InlineData("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;", "Pháp lệnh")]
    [InlineData("Căn cứ Bộ luật Lao động số 45/2019/QH14;", "Bộ luật")]
    public void TypesATitledNumberByItsLawWord(string text, string type) => Assert.Equal(type, Assert.Single(Find(text)).Type);

    [Theory]
    // the registry knows two laws of this name: the date picks (corpus c017)
    [InlineData("Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;", "31/2024/QH15")]
    [InlineData("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "72/2025/QH15")]
    [InlineData("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "77/2015/QH13")]
    // a law the registry does not know keeps its title (and year) as its key (corpus c007, c023)
    [InlineData("triển khai Luật Tài nguyên nước năm 2023 và các văn bản", "LUẬT-TÀI-NGUYÊN-NƯỚC-2023")]
    [InlineData("Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;", "LUẬT-AN-TOÀN-VỆ-SINH-LAO-ĐỘNG-2015")]
    // two registry laws share this name and nothing picks one: the title stays the key, nothing is guessed
    [InlineData("Căn cứ Luật Ban hành văn bản quy phạm pháp luật;", "LUẬT-BAN-HÀNH-VĂN-BẢN-QUY-PHẠM-PHÁP-LUẬT")]
    public void IdentifiesTitledLawsByRegistryDateOrTitle(string text, string key) => Assert.Contains(Find(text), c => c.Key == key);

    [Fact]
    public void ABareTitleIsTheLawTheDocumentNumberedEarlier()
    {
        // corpus c001: the number once, then the bare title
        var found = Find("Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày 21/6/2024 của Quốc hội;\n\nthực hiện theo quy định của Luật Lưu trữ.");
        var c = Assert.Single(found);
        Assert.Equal("33/2024/QH15", c.Key);
        Assert.Equal(2, c.Spans.Count);
    }

    [Fact]
    public void ALawNamedWithAndWithoutItsYearIsOneCitation()
    {
        var found = Find("tuyên truyền Luật Tài nguyên nước năm 2023; thực hiện nghiêm Luật Tài nguyên nước.");
        Assert.Equal("LUẬT-TÀI-NGUYÊN-NƯỚC-2023", Assert.Single(found).Key);
    }

    [Fact]
    public void ReadsDateAndIssuerOfACitation()
    {
        var c = Assert.Single(Find("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp \n\nhành Trung ương Đảng khóa XIII về đẩy mạnh"));
        Assert.Equal(new DateOnly(2021, 10, 25), c.Date);
        Assert.Equal("Ban Chấp hành Trung ương Đảng khóa XIII", c.Issuer);
        Assert.Equal("Kết luận", c.Type);
    }

    [Theory]
    [InlineData("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;", "basis")]
    [InlineData("Thực hiện Thông báo số 61-TB/BCĐ, ngày 22/7/2024 của Ban chỉ đạo Huyện về thực hiện", "implements")]
    [InlineData("Ủy ban nhân dân tỉnh nhận được Văn bản số 44-CV/BCĐ ngày 25/3/2024 (có Văn bản số 44-CV/BCĐ gửi kèm)", "forwards")]
    [InlineData("quán triệt những quan điểm đã được đề cập trong Nghị định số 04/2015/NĐ-CP, Chỉ thị", "mentions")]
    public void TypesTheRelation(string text, string relation) => Assert.Equal(relation, Find(text)[0].Relation);

    [Fact]
    public void FlagsSymbolsTheRegistryDoesNotKnow()
    {
        // seed 001 cites both; 04/2014 is also one digit from 64/2014, so only the document's own 04/2015 decides
        var c = Find("Nghị định số 04/2015/NĐ-CP của Chính phủ trong các cơ quan hành chính; Nghị định số 04/2014/NĐ-CP của Chính phủ").Single(x => x.Key == "04/2014/NĐ-CP");
        Assert.Contains("unknown_in_registry", c.Flags);
        // seed 001 prints 04/2014 where the registry knows 04/2015 (same type and issuer, one digit off): flagged, not rewritten.
        // (Its 45/2020 for 145/2020 cannot be flagged this way: 45/2020/NĐ-CP is a real decree the registry knows.)
        Assert.Contains("probable_typo_of:04/2015/NĐ-CP", c.Flags);
        Assert.Equal("04/2014/NĐ-CP", c.Key);
        var known = Assert.Single(Find("Nghị định số 04/2015/NĐ-CP của Chính phủ"));
        Assert.DoesNotContain("unknown_in_registry", known.Flags);
    }

    [Fact]
    public void SkipsTheDocumentsOwnNumberLine()
    {
        var found = Find("Số: 04/BC-UBND Song Vân, ngày 11 tháng 01 năm 2024\n\nthực hiện Kết luận số 21-KL/TW");
        Assert.Equal(["21-KL/TW"], found.Select(c => c.Number ?? "").ToArray());
    }

    [Theory]
    [InlineData("Nghị định 59/2023", null, "59", 2023, "Nghị định")]
    [InlineData("nghi dinh 59/2023", null, "59", 2023, "Nghị định")]
    [InlineData("NĐ 59/2023", "59/2023/NĐ-CP", null, null, "Nghị định")]
    [InlineData("59/2023/NĐ-CP", "59/2023/NĐ-CP", "59", 2023, null)]
    [InlineData("Nghị định số 61/2023/NĐ-CP", "61/2023/NĐ-CP", "61", 2023, null)]
    [InlineData("Kết luận 120", null, "120", null, "Kết luận")]
    [InlineData("Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15", null, null, "Luật")]
    public void ParsesWhatUsersTypeForACitedDocument(string input, string? key, string? number, int? year, string? type)
    {
        var q = CitationQuery.Parse(input, TestReference.Value.Registry);
        Assert.Equal(key, q.Key);
        Assert.Equal(number, q.Number);
        Assert.Equal(year, q.Year);
        Assert.Equal(type, q.TypeName);
    }
    private static IReadOnlyList<Extract.Documents.Citation> FindScanned(string raw, string? ownNumber = null)
    {
        var text = VietnameseNormalizer.Default.Normalize(raw).Text;
        Extract.Text.Found<string>? own = null;
        if (ownNumber is not null)
        {
            var at = text.IndexOf(ownNumber, StringComparison.Ordinal);
            own = new Extract.Text.Found<string>(ownNumber, TextSpan.FromLength(at, ownNumber.Length), 0.95, "test");
        }
        return new CitationFinder(TestReference.Value.Registry).Find(text, new TextSpan(0, text.Length), own, Extract.Misreadings.RecognisedText.All(text.Length));
    }

    // What OCR made of the generated scans of the dev set and seeds, and what the text version says.
    public static TheoryData<string, string[]> Scanned => new()
    {
        // dev c006: the L of KL read as IL, after "văn bản số"
        { "của Ban Bí thư tại văn bản số 213-KIL/TW ngày 21/11/2025, Nghị quyết 380/NQ-CP", ["213-KL/TW", "380/NQ-CP"] },
        // dev c003: a T of TTr lost
        { "Thực hiện Tờ trình số 03-TR/ĐU ngày 15/10/2025 của Đảng ủy", ["03-TTR/ĐU"] },
        // seed 004: the same letter read once with a P in it
        { "Ủy ban nhân dân tỉnh nhận được Văn bản số 44-CV/BCĐ ngày 25/3/2024 của Ban Chỉ đạo (có Văn bản số\n44-CV/BCPĐ gửi kèm); về việc này, Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau: tổ chức triển khai thực hiện Văn bản số 44-CV/BCĐ", ["44-CV/BCĐ"] },
        // dev c017: Đ read twice, and TT read as TI once beside the right reading
        { "Quyết định số 2304/QĐ-BNNMT ngày 23/6/2025; Quyết định số 3380/QĐ-TTPVHCC ngày 25/8/2025 về việc công bố. Thực hiện Quyết định số 2304/QĐÐ-BNNMT và Quyết định số 3380/QĐÐ-\nTIPVHCC", ["2304/QĐ-BNNMT", "3380/QĐ-TTPVHCC"] },
        // dev c022: the hyphen read as a colon; a legislature's term with I for 1
        { "Đề án số 377/ĐA:CP ngày 09 tháng 5 năm 2025; Căn cứ Nghị quyết số 76/2025/UBTVQHI5 ngày 14 tháng 4 năm 2025", ["377/ĐA-CP", "76/2025/UBTVQH15"] },
        // seed 004 at 300 dpi: a digit misread; the date and the title that follow are 59/2023/NĐ-CP's
        { "trọng tâm là Luật Thực hiện dân chủ ở cơ sở, Nghị định số 99/2023/NĐ-CP, ngày 14/8/2023 của\nChính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở và", ["10/2022/QH15", "59/2023/NĐ-CP"] },
        // the same date without the title is not enough
        { "Thực hiện Nghị định số 99/2023/NĐ-CP ngày 14/8/2023 của Chính phủ về quản lý", ["99/2023/NĐ-CP"] },
        // dev c020: two resolutions of one day, one digit apart, are both real
        { "Nghị quyết số 190/2025/QH15 ngày 19/02/2025; Nghị quyết số 193/2025/QH15 ngày 19/02/2025 về thí điểm", ["190/2025/QH15", "193/2025/QH15"] },
        // seed-like: a law the registry does not know, then the code it is one digit from; the next clause is not its title
        { "Căn cứ Luật Giáo dục số 43/2019/QH14;\nCăn cứ Bộ luật Lao động số 45/2019/QH14;\nCăn cứ Nghị định", ["43/2019/QH14", "45/2019/QH14"] },
        // dev c015, c014 at 300 dpi: a space in the year, a fraction slash
        { "Căn cứ Luật Giáo dục số 43/201 9/QH14;", ["43/2019/QH14"] },
        { "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số\n02⁄2 020/UBTVQH14;", ["02/2020/UBTVQH14"] },
        // two plans one number apart are two documents, even in a scan
        { "Kế hoạch số 12/KH-UBND và Kế hoạch số 13/KH-UBND của UBND xã", ["12/KH-UBND", "13/KH-UBND"] },
    };

    [Theory]
    [MemberData(nameof(Scanned))]
    public void ReadsMisreadSymbolsOfAScanAsTheSymbolsMeant(string text, string[] keys) =>
        Assert.Equal(keys, FindScanned(text).Where(c => c.Number is not null).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public void KeepsWhatItReadInTheFlags()
    {
        var c = Assert.Single(FindScanned("Kết luận số 213-KIL/TW ngày 21/11/2025 của Ban Bí thư"));
        Assert.Equal("213-KL/TW", c.Number);
        Assert.Equal("Kết luận", c.Type);
        Assert.Contains(CitationFinder.MisreadFlag + "213-KIL/TW", c.Flags);
    }

    [Fact]
    public void LeavesATypedSymbolAsWritten()
    {
        var c = Assert.Single(Find("Kết luận số 213-KIL/TW ngày 21/11/2025 của Ban Bí thư"));
        Assert.Equal("213-KIL/TW", c.Number);
        Assert.DoesNotContain(c.Flags, f => f.StartsWith(CitationFinder.MisreadFlag, StringComparison.Ordinal));
    }

    [Fact]
    public void AMisreadingOfTheDocumentsOwnNumberIsNoCitation()
    {
        const string text = "Số: 44-CV/BCĐ\nBan Chỉ đạo gửi kèm theo (Văn bản số 44-CV/BCPĐ) để các cơ quan thực hiện.";
        Assert.Empty(FindScanned(text, "44-CV/BCĐ"));
    }

    [Fact]
    public void ARegistryNameAScanRanTogetherIsStillTheRegistrysDocument() =>
        Assert.Equal("20/2023/QH15", Assert.Single(Find("quy định tại Điều 23 Luật Giao dịch điệntử.")).Key);

    [Fact]
    public void TheAmendingFormulaWithAWrongMarkStillKeepsTheAmendingLawsYearOff() =>
        Assert.DoesNotContain(Find("Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008; Luật sửa đổi, bồ sung\nmột số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;"),
            c => c.Key.EndsWith("2014", StringComparison.Ordinal));

    [Fact]
    public void TheDocumentsOwnNumberWithSpacesAScanPutInsideIsNoCitation()
    {
        // dev c016 at 200 dpi
        const string text = "Số: 144/2025/QĐ-CTUBND\nQUY ĐỊNH\n(Ban hành kèm theo Quyết định số 1 44/2025/QĐ-C TUBND)\nCăn cứ Luật Giao dịch điện tử số 20/2023/QH15;";
        Assert.Equal(["20/2023/QH15"], FindScanned(text, "144/2025/QĐ-CTUBND").Select(c => c.Key).ToArray());
    }

    [Fact]
    public void ACapitalStandingAloneAfterVaIsASplitWordNotALawsName() =>
        Assert.DoesNotContain(Find("theo quy định tại Luật Đầu tư và N ghị định hướng dẫn Luật Đầu tư; không chịu trách nhiệm"),
            c => c.Key.Contains("N-GHỊ", StringComparison.Ordinal));
}
