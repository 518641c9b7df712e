using DocIntel.Extract.Misreadings;
using DocIntel.Extract.Symbols;

namespace DocIntel.Extract.Tests.Misreadings;

/// <summary>Symbols as OCR read them in the generated scans of the seeds and the dev set, and what they were.</summary>
public sealed class SymbolMisreadingsTests
{
    public static TheoryData<string, string?, string?> TypeCodes => new()
    {
        // dev c006, harsh 200 dpi: the L read as IL
        { "213-KIL/TW", "Kết luận", "213-KL/TW" },
        // dev c003: one T of TTr lost
        { "03-TR/ĐU", "Tờ trình", "03-TTR/ĐU" },
        // dev c014: NQ with a G after it
        { "20/2023/NQG-HĐND", "Nghị quyết", "20/2023/NQ-HĐND" },
        // dev c017: Đ read twice; a công văn's grammar until the code is read right
        { "2304/QĐĐ-BNNMT", "Quyết định", "2304/QĐ-BNNMT" },
        // "văn bản số …" names no type: the only type code one edit from KIL
        { "213-KIL/TW", "Văn bản", "213-KL/TW" },
        { "213-KIL/TW", null, "213-KL/TW" },
        // TR is one edit from TTR, TT, TB, TC and CTR: without a type word nothing tells which
        { "03-TR/ĐU", null, null },
        // a code that is a code says what it says, even beside another type word
        { "05-CTR/TU", "Chỉ thị", null },
        { "12/KH-UBND", "Kế hoạch", null },
        // more than one edit away
        { "213-KLLL/TW", "Kết luận", null },
    };

    [Theory]
    [MemberData(nameof(TypeCodes))]
    public void ATypeCodeThatIsNoCodeIsReadAsTheCodeOfItsTypeWord(string read, string? typeWord, string? expected)
    {
        Assert.True(DocumentSymbol.TryParse(read, out var symbol));
        Assert.Equal(expected, SymbolMisreadings.WithTypeCodeOf(symbol, typeWord)?.Key);
    }

    [Theory]
    [InlineData("44-CV/BCPĐ", "44-CV/BCĐ", true)] // seed 004: a P read into BCĐ
    [InlineData("3380/QĐ-TIPVHCC", "3380/QĐ-TTPVHCC", true)] // dev c017: T read as I
    [InlineData("37698/TB-CH", "37698/TB-CHQ", true)]
    [InlineData("12/KH-UBND", "13/KH-UBND", false)] // another number is another document
    [InlineData("59/2023/NĐ-CP", "59/2024/NĐ-CP", false)] // so is another year
    [InlineData("44-CV/BCĐ", "44-CV/BCĐ", false)]
    [InlineData("44-CV/BCĐ", "44-CV/TU", false)]
    public void ACodeVariantHasTheSameNumberAndOneCharacterOfItsCodesOtherwise(string read, string other, bool expected) =>
        Assert.Equal(expected, SymbolMisreadings.IsVariantOf(read, other));

    public static TheoryData<string, string, bool> Titles => new()
    {
        // seed 004 at 300 dpi: what follows "Nghị định số 99/2023/NĐ-CP" is the title of 59/2023/NĐ-CP
        { "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
          ", ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở và các văn bản khác", true },
        // with the marks a scan gets wrong
        { "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
          " của Chính phủ quy đinh chỉ tiết một số điều của Luật Thục hiện dân chú ở cơ sớ", true },
        // dev c020: 193/2025/QH15 of the same day is about something else
        { "Quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước",
          " ngày 19/02/2025 về thí điểm một số cơ chế, chính sách đặc biệt tạo đột phá phát triển khoa học", false },
        // too short a title to tell anything
        { "Đất đai", " Đất đai năm 2024", false },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void ATitleFollowsWhenMostOfItsWordsStandAfterTheCitation(string title, string following, bool expected) =>
        Assert.Equal(expected, SymbolMisreadings.TitleFollows(title, following));
}
