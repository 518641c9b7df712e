using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Tests.Normalization;

public sealed class SearchFoldingTests
{
    [Theory]
    [InlineData("Nghị định", "nghi dinh")]
    [InlineData("Đảng", "dang")]
    [InlineData("đang", "dang")]
    [InlineData("dân chủ", "dan chu")]
    [InlineData("THỰC HIỆN", "thuc hien")]
    [InlineData("quyền", "quyen")]
    [InlineData("NĐ-CP", "nd-cp")]
    [InlineData("phƣơng", "phuong")]
    [InlineData("e\u0301", "e")]
    public void FoldsDiacriticsCaseAndDStroke(string text, string expected) => Assert.Equal(expected, SearchFolding.Fold(text));
}
