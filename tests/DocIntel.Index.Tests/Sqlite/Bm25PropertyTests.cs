using DocIntel.Extract.Normalization;
using DocIntel.Index.Sqlite;
using FsCheck.Xunit;

namespace DocIntel.Index.Tests.Sqlite;

/// <summary>Bm25.Count folds as it reads; it must count exactly what folding the whole text and splitting it counts.</summary>
public sealed class Bm25PropertyTests
{
    private static readonly string[] Pieces =
    [
        "dân", "chủ", "Dân", "CHỦ", "Đảng", "đang", "hương", "ước", "59/2023/NĐ-CP", "cơ", "sở", "xã", "Tân", "Thạnh", "ở",
        "quy\u0301", "a\u0300b", "thực", "hiện", "nghiêncứu", "Nghị", "định", "2023",
    ];

    private static readonly string[] Gaps = [" ", ", ", "\n", " - ", "; ", "(", ")", "  ", "/"];

    [Property(MaxTest = 500)]
    public bool CountsWhatFoldingThenSplittingCounts(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(Pieces.Length)] + Gaps[random.Next(Gaps.Length)]));
        var reference = Split(SearchFolding.Fold(text));
        var terms = Enumerable.Range(0, random.Next(1, 4)).Select(_ => reference.Count > 0 && random.Next(4) > 0 ? reference[random.Next(reference.Count)] : "khong").ToArray();
        var tf = new int[terms.Length];
        var tokens = Bm25.Count(text, terms, tf);
        return tokens == reference.Count && terms.Select((t, i) => tf[i] == reference.Count(r => r == t)).All(x => x);
    }

    private static List<string> Split(string folded)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
