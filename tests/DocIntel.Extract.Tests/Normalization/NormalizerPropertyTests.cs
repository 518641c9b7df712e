using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DocIntel.Extract.Tests.Normalization;

/// <summary>Invariants of the normaliser over text built from real Vietnamese fragments and damage.</summary>
public sealed class NormalizerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Ủy ban", "Uỷ ban", "nhân dân", "xã", "phƣơng", "hƣớng", "hoà", "khoẻ", "Kế họach", "Số:", "59/2023/NĐ-CP", "18-", "\n", "\n\n",
        "NQ/TW", " ", "  ", "**", "*", "\\*", "#", "|", "–", "\u00A0", "\u200B", "ngày", "14/8/2023", "Đảng", "e\u0301", "o\u0300a", "CỘNG HÒA",
        "-", "ĐẢNG", "Luật", "a", "Z", ".", ",", ";", "\t", "\r\n",
    ];

    public static Arbitrary<string> VietnameseLike() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300, Arbitrary = [typeof(NormalizerPropertyTests)])]
    public bool NormalizationIsIdempotent(string raw)
    {
        var once = VietnameseNormalizer.Default.Normalize(raw).Text;
        return VietnameseNormalizer.Default.Normalize(once).Text == once;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(NormalizerPropertyTests)])]
    public bool EveryCharacterMapsInsideTheRawText(string raw)
    {
        var n = VietnameseNormalizer.Default.Normalize(raw);
        for (var i = 0; i < n.Text.Length; i++)
        {
            var src = n.Map.SourceOf(i);
            if (src.Start < 0 || src.End > raw.Length || src.End <= src.Start) return false;
        }
        return true;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(NormalizerPropertyTests)])]
    public bool MappedLettersFoldToTheSameLetters(string raw)
    {
        // A letter of the clean text comes from raw characters that fold to the same base letter (ƣ→u, Uỷ→Ủy, NFD→NFC).
        var n = VietnameseNormalizer.Default.Normalize(raw);
        for (var i = 0; i < n.Text.Length; i++)
        {
            if (!char.IsLetter(n.Text[i])) continue;
            var src = n.Map.SourceOf(i);
            var rawFolded = SearchFolding.Fold(raw.Substring(src.Start, src.Length));
            if (!rawFolded.Contains(SearchFolding.Fold(n.Text[i].ToString()), StringComparison.Ordinal)) return false;
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(NormalizerPropertyTests)])]
    public bool SpansOfTheWholeTextCoverTheRawLetters(string raw)
    {
        var n = VietnameseNormalizer.Default.Normalize(raw);
        if (n.Text.Length == 0) return true;
        var whole = n.ToRaw(new TextSpan(0, n.Text.Length));
        return whole.Start >= 0 && whole.End <= raw.Length && whole.Start <= whole.End;
    }
}
