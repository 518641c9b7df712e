using System.Text;
using System.Text.RegularExpressions;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Layout;

/// <summary>
/// Recognises the fixed phrases of a header — national motto (quốc hiệu), tiêu ngữ, Party header (ĐẢNG CỘNG SẢN
/// VIỆT NAM) — even when a flattened two-column layout wraps them over lines, so the issuer block can be read
/// around them whatever order the columns came out in.
/// </summary>
public static partial class HeaderLines
{
    // Each allows what a scan does to it: a wrong mark on a vowel, a full stop for a space ("CỘNG.HÒA", "Việt.nam",
    // "Tựdo- -.Hạnh phúc", "ĐÁNG CỘNG SẢN").
    [GeneratedRegex(@"C[ỘOÔỒỐỔỖ]NG[\s.]*H[ÒOÕỊÓỎ]A[\s.]+X[ÃAÁÀẢẠ][\s.]+H[ỘOÔỐỒỔỖ]I[\s.]+CH?\s*\S*\s*NG\S*[\s.]*\S*[\s.]*VI[ỆEÊẸẾỀỂỄ]T[\s.]*NAM", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalMotto();

    [GeneratedRegex(@"Đ[ộôồốổỗo]c\s*l[ậâầấẩẫa]p[\s.,\-–]*T[ựưừứửữu]\s*do[\s.,\-–]*H[ạaàáảã]nh\s*ph[úuùủũụ]c", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Motto();

    [GeneratedRegex(@"Đ[ẢAÁÀĂẠẮẰẲẴẶÃ]NG\s+C[ỘOÔỐỒỔỖ]NG\s+S[ẢAÁÀẠÃ]N\s+VI[ỆEÊẸẾỀỂỄ]T\s+NAM", RegexOptions.CultureInvariant)]
    private static partial Regex PartyHeader();

    /// <summary>The line with the fixed phrases cut out; what is left may be an issuer fragment.</summary>
    public static string WithoutFixedPhrases(string line)
    {
        var s = NationalMotto().Replace(line, " ");
        s = Motto().Replace(s, " ");
        s = PartyHeader().Replace(s, " ");
        return Spaces.Collapse(s).Trim(' ', '*', '-', '_', '|');
    }

    /// <summary>
    /// The lines with the fixed phrases blanked in the first <paramref name="headerCount"/> of them, even where a phrase
    /// wraps over lines (same offsets, same line breaks), so they keep only issuer, number and date fragments.
    /// Only the header is copied: the lines after it are returned as they are.
    /// </summary>
    public static IReadOnlyList<TextLine> MaskHeader(string text, IReadOnlyList<TextLine> lines, int headerCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        if (headerCount <= 0) return lines;
        var start = lines[0].Start;
        var header = text.Substring(start, lines[headerCount - 1].End - start);
        char[]? blanked = null;
        foreach (var re in new[] { NationalMotto(), Motto(), PartyHeader() })
        {
            foreach (Match m in re.Matches(header))
            {
                blanked ??= header.ToCharArray();
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    if (blanked[i] != '\n') blanked[i] = ' ';
                }
            }
        }
        if (blanked is null) return lines;
        var result = new List<TextLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var masked = i < headerCount ? blanked.AsSpan(line.Start - start, line.Text.Length) : default;
            result.Add(i >= headerCount || masked.SequenceEqual(line.Text) ? line : line with { Text = new string(masked) });
        }
        return result;
    }

    /// <summary>The first fixed phrase in the range: where a document's header is.</summary>
    public static int FirstAnchor(string text, TextSpan within)
    {
        var slice = text.Substring(within.Start, within.Length);
        var best = int.MaxValue;
        foreach (var re in new[] { NationalMotto(), Motto(), PartyHeader() })
        {
            var m = re.Match(slice);
            if (m.Success) best = Math.Min(best, m.Index);
        }
        return best == int.MaxValue ? -1 : within.Start + best;
    }

    public static bool IsPartyDocument(string header) => PartyHeader().IsMatch(header);

    public static bool IsStateHeader(string header) => NationalMotto().IsMatch(header) || Motto().IsMatch(header);
}
