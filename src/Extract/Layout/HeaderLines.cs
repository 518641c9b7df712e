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
    [GeneratedRegex(@"C[ỘO]NG\s*H[ÒOÕỊ]A\s+X[ÃA]\s+H[ỘO]I\s+CH?\s*\S*\s*NG\S*\s*\S*\s*VI[ỆE]T\s+NAM", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalMotto();

    [GeneratedRegex(@"Độc\s*lập\s*-?\s*Tự\s*do\s*-?\s*Hạnh\s*phúc", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Motto();

    [GeneratedRegex(@"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", RegexOptions.CultureInvariant)]
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
    /// A copy of the text (same length, same offsets) in which the fixed phrases inside <paramref name="within"/>
    /// are blanked, so lines split from it keep only issuer, number and date fragments.
    /// </summary>
    public static string Mask(string text, TextSpan within)
    {
        var sb = new StringBuilder(text);
        var slice = text.Substring(within.Start, within.Length);
        foreach (var re in new[] { NationalMotto(), Motto(), PartyHeader() })
        {
            foreach (Match m in re.Matches(slice))
            {
                for (var i = 0; i < m.Length; i++)
                {
                    var at = within.Start + m.Index + i;
                    if (sb[at] != '\n') sb[at] = ' ';
                }
            }
        }
        return sb.ToString();
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
