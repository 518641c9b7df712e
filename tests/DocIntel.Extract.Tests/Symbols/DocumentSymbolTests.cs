using DocIntel.Extract.Symbols;

namespace DocIntel.Extract.Tests.Symbols;

public sealed class DocumentSymbolTests
{
    [Theory]
    [InlineData("Số 44 -CV/BCĐ", "44-CV/BCĐ")]
    [InlineData("34/2007/PL - UBTVQH11", "34/2007/PL-UBTVQH11")]
    [InlineData("Số: 04/BC-UBND", "04/BC-UBND")]
    [InlineData("số 59/2023/NĐ‐CP", "59/2023/NĐ-CP")]
    [InlineData("11-QĐi/TW", "11-QĐI/TW")]
    [InlineData("26/CT-TTg", "26/CT-TTG")]
    [InlineData("59/2023/NÐ-CP", "59/2023/NĐ-CP")]
    [InlineData("27/NQ- TW", "27/NQ-TW")]
    // as scans print them: a term's 1 read as I (dev c022, c012), doubled separators (dev c010, c022), a space in the year
    [InlineData("76/2025/UBTVQHI5", "76/2025/UBTVQH15")]
    [InlineData("60/2024/UBTVQHI15", "60/2024/UBTVQH15")]
    [InlineData("2282/QĐ- -TTg", "2282/QĐ-TTG")]
    [InlineData("76/⁄2025/UBTVQH15", "76/2025/UBTVQH15")]
    [InlineData("43/201 9/QH14", "43/2019/QH14")]
    // a term is two digits: "QH1" stays as read
    [InlineData("20/2023/QHI", "20/2023/QHI")]
    public void NormalizesAsTheContractSays(string printed, string key) => Assert.Equal(key, DocumentSymbol.Normalize(printed));

    [Theory]
    [InlineData("585-CV/ĐU", SymbolSystem.Party, "CV", "ĐU", null)]
    [InlineData("04/BC-UBND", SymbolSystem.State, "BC", "UBND", null)]
    [InlineData("957/UBND-NC", SymbolSystem.StateLetter, null, "UBND-NC", null)]
    [InlineData("59/2023/NĐ-CP", SymbolSystem.Normative, "NĐ", "CP", 2023)]
    [InlineData("10/2022/QH15", SymbolSystem.Legislative, null, "QH15", 2022)]
    [InlineData("34/2007/PL-UBTVQH11", SymbolSystem.Legislative, "PL", "UBTVQH11", 2007)]
    [InlineData("1140/UBND-NCKS", SymbolSystem.StateLetter, null, "UBND-NCKS", null)]
    public void ParsesEveryNumberingGrammar(string key, SymbolSystem system, string? type, string issuer, int? year)
    {
        Assert.True(DocumentSymbol.TryParse(key, out var s));
        Assert.Equal(system, s.System);
        Assert.Equal(type, s.TypeCode);
        Assert.Equal(issuer, s.IssuerCode);
        Assert.Equal(year, s.Year);
    }

    [Theory]
    [InlineData("04/BC-UBND", "bao_cao")]
    [InlineData("585-CV/ĐU", "cong_van")]
    [InlineData("957/UBND-NC", "cong_van")]
    [InlineData("814/KH-UBND", "ke_hoach")]
    [InlineData("120-KL/TW", "ket_luan")]
    [InlineData("59/2023/NĐ-CP", "nghi_dinh")]
    [InlineData("11-QĐi/TW", "quy_dinh")]
    public void TellsTheDocumentTypeFromTheTypeCode(string key, string docType)
    {
        Assert.True(DocumentSymbol.TryParse(key, out var s));
        Assert.Equal(docType, s.DocTypeFromCode());
    }

    [Theory]
    [InlineData("10/11/2022")]
    [InlineData("V/v")]
    [InlineData("Điều 5")]
    [InlineData("2.631")]
    public void RejectsWhatIsNotASymbol(string text) => Assert.False(DocumentSymbol.TryParse(text, out _));
}
