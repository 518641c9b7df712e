using System.Text.Json.Nodes;
using DocIntel.Extract.Normalization;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Sqlite;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>The index's folded analyzer must cut and fold text exactly as the embedded store folds queries and keys.</summary>
public sealed class EsFoldingAnalyzerTests
{
    private static List<string> Embedded(string text) => SqliteQueries.Tokens(SearchFolding.Fold(text));

    [Theory]
    [InlineData("Nghị định", "nghi dinh")]                  // two marks on one vowel; đ
    [InlineData("ĐẢNG ỦY XÃ BÌNH CHƯƠNG", "dang uy xa binh chuong")]
    [InlineData("Đảng", "dang")]                            // capital Đ (U+0110)
    [InlineData("Ðảng", "dang")]                            // the look-alike Ð (U+00D0) OCR sometimes gives
    [InlineData("thực hiện dân chủ ở cơ sở", "thuc hien dan chu o co so")]
    [InlineData("quyết định, khắc phục, kiểm tra, nguyễn", "quyet dinh khac phuc kiem tra nguyen")]
    [InlineData("hương ước", "huong uoc")]
    [InlineData("Số: 59/2023/NĐ-CP", "so 59 2023 nd cp")]   // numbers cut at / and -
    [InlineData("1140/UBND-NCKS", "1140 ubnd ncks")]
    [InlineData("da\u0302n chu\u0309", "dan chu")]          // decomposed (NFD) marks are dropped, not word breaks
    [InlineData("Ƣu tiên", "uu tien")]                      // ƣ of legacy fonts
    public void FoldsLikeTheEmbeddedStore(string text, string tokens)
    {
        Assert.Equal(tokens.Split(' '), EsIndexDesign.AnalyzeFolded(text));
        Assert.Equal(Embedded(text), EsIndexDesign.AnalyzeFolded(text));
    }

    [Fact]
    public void FoldsEveryWordOfTheRealTestDocumentsLikeTheEmbeddedStore()
    {
        var files = Directory.EnumerateFiles(RepoPaths.TestData("seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(RepoPaths.TestData("clean"), "*.txt")).ToList();
        Assert.NotEmpty(files);
        var words = 0;
        foreach (var file in files)
        {
            var text = VietnameseNormalizer.Default.Normalize(File.ReadAllText(file)).Text;
            var expected = Embedded(text);
            Assert.Equal(expected, EsIndexDesign.AnalyzeFolded(text));
            words += expected.Count;
        }
        Assert.True(words > 5000, $"only {words} words checked");
    }

    [Fact]
    public void TheMappingRulesAreWhatTheTemplateSends()
    {
        var analysis = new EsIndexDesign("docintel").TemplateBody(EsIndexKind.Documents)["template"]!["settings"]!["analysis"]!;
        var rules = analysis["char_filter"]!["docintel_fold"]!["mappings"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(EsIndexDesign.FoldingRules(), rules);
        // đ and Đ fold to d; ấ to a; a combining acute accent to nothing.
        Assert.Contains("\\u0111 => \\u0064", rules);
        Assert.Contains("\\u0110 => \\u0064", rules);
        Assert.Contains("\\u1ea5 => \\u0061", rules);
        Assert.Contains("\\u0301 => ", rules);
        Assert.Equal("lowercase", analysis["analyzer"]!["docintel_folded"]!["filter"]![0]!.GetValue<string>());
        Assert.Null(analysis["analyzer"]!["docintel_exact"]!["char_filter"]);
    }

    [Fact]
    public void EveryTemplateIsStrictAndVersioned()
    {
        var design = new EsIndexDesign("docintel");
        foreach (var kind in EsIndexDesign.Kinds)
        {
            var t = design.TemplateBody(kind);
            Assert.Equal("strict", t["template"]!["mappings"]!["dynamic"]!.GetValue<string>());
            Assert.Equal(design.Alias(kind) + "-v*", t["index_patterns"]![0]!.GetValue<string>());
            Assert.Equal(EsIndexDesign.SchemaVersion, t["version"]!.GetValue<int>());
        }
        Assert.Equal("docintel-documents", design.Documents);
        Assert.Equal("docintel-citations", design.Citations);
        Assert.Equal(3, design.GenerationOf(EsIndexKind.Citations, "docintel-citations-v3"));
        Assert.Null(design.GenerationOf(EsIndexKind.Citations, "docintel-documents-v3"));
    }

    [Fact]
    public void CitationEdgesCarryTheCitingDocumentsFacetsForKibana()
    {
        var props = new EsIndexDesign("docintel").TemplateBody(EsIndexKind.Citations)["template"]!["mappings"]!["properties"]!["citing"]!["properties"]!.AsObject();
        foreach (var f in new[] { "doc_type", "issuer_name", "level", "province", "commune", "issued_date" }) Assert.True(props.ContainsKey(f), f);
        Assert.Equal("date", props["issued_date"]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", props["province"]!["type"]!.GetValue<string>());
    }
}
