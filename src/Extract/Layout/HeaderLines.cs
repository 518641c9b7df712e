using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Layout;

/// <summary>
/// Recognises the fixed lines of a header: national motto (quốc hiệu, tiêu ngữ), Party header, the star line,
/// so the issuer block can be read around them, whatever order the columns were flattened in.
/// </summary>
public static partial class HeaderLines
{
    [GeneratedRegex(@"C[ỘO]NG\s*H[ÒOÕỊ]A\s*X[ÃA]\s*H[ỘO]I\s*CH?\s*\S*\s*NG\S*\s*\S*\s*VI[ỆE]T\s*NAM", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalMotto();

    [GeneratedRegex(@"Độc\s*lập\s*-?\s*Tự\s*do\s*-?\s*Hạnh\s*phúc", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Motto();

    [GeneratedRegex(@"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", RegexOptions.CultureInvariant)]
    private static partial Regex PartyHeader();

    /// <summary>The line with the national motto, tiêu ngữ and Party header cut out; what is left may be an issuer fragment.</summary>
    public static string WithoutFixedPhrases(string line)
    {
        var s = NationalMotto().Replace(line, " ");
        s = Motto().Replace(s, " ");
        s = PartyHeader().Replace(s, " ");
        s = s.Replace("CHỦ NGHĨA VIỆT NAM", " ").Replace("CỘNG HÒA XÃ HỘI", " ");
        return Regex.Replace(s, @"\s+", " ").Trim(' ', '*', '-', '_', '|');
    }

    public static bool IsPartyDocument(string header) => PartyHeader().IsMatch(header);

    public static bool IsStateHeader(string header) => NationalMotto().IsMatch(header) || Motto().IsMatch(header);

    public static string Fold(string s) => SearchFolding.Fold(s);
}
