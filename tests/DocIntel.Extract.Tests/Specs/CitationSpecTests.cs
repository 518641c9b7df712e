using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tests.Specs;

/// <summary>
/// Citation cases kept as data (testdata/specs/*.tsv): real clauses from the seeds and the dev set, each with the
/// number of the document it cites (from the hand-checked gold files), and real lines that cite nothing.
/// Adding a case needs no C#.
/// </summary>
public sealed class CitationSpecTests
{
    private static readonly CitationFinder Finder = new(TestReference.Value.Registry);

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(RepoPaths.TestData("specs", file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));

    public static TheoryData<string, string, string> Positive()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in Rows("citations.tsv")) data.Add(r[0], r[1], r[2]);
        return data;
    }

    public static TheoryData<string, string> Negative()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in Rows("not-citations.tsv")) data.Add(r[0], r[1]);
        return data;
    }

    private static IReadOnlyList<Documents.Citation> Find(string clause)
    {
        var text = VietnameseNormalizer.Default.Normalize(clause).Text;
        return Finder.Find(text, new TextSpan(0, text.Length));
    }

    [Theory]
    [MemberData(nameof(Positive))]
    public void FindsTheCitedDocumentInARealClause(string source, string clause, string number)
    {
        var found = Find(clause);
        Assert.True(found.Any(c => c.Number == Extract.Symbols.DocumentSymbol.Normalize(number)),
            $"{source}: {number} not found in \"{clause}\"; found {string.Join(", ", found.Select(c => c.Key))}");
    }

    [Theory]
    [MemberData(nameof(Negative))]
    public void FindsNothingInARealLineThatCitesNothing(string source, string line)
    {
        var found = Find(line);
        Assert.True(found.Count == 0, $"{source}: found {string.Join(", ", found.Select(c => c.Key))} in \"{line}\"");
    }
}
