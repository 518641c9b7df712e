using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Issuers;

/// <summary>
/// Names of bodies (cơ quan, tổ chức) as users write them: normal case from the capitals of a header
/// ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH" → "Ủy ban nhân dân tỉnh Thái Bình"), abbreviations expanded.
/// </summary>
public static partial class BodyNames
{
    private static readonly (string Abbrev, string Full)[] Abbreviations =
    [
        ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"), ("BCĐ", "Ban Chỉ đạo"),
        ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"), ("ĐU", "Đảng ủy"), ("HU", "Huyện ủy"), ("TU", "Tỉnh ủy"), ("BTV", "Ban Thường vụ"),
        ("TP.", "thành phố"), ("TP", "thành phố"), ("UBKT", "Ủy ban Kiểm tra"), ("VP", "Văn phòng"),
    ];

    /// <summary>Words that start a place name in a body's name.</summary>
    public static readonly string[] UnitWords = ["thị trấn", "thị xã", "thành phố", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"];

    // Bodies whose name embeds the level: what follows them is a place name.
    private static readonly string[] LevelBodies = ["tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy", "quận ủy"];

    private static readonly (string Lower, string Proper)[] ProperPhrases =
    [
        ("ban chỉ đạo", "Ban Chỉ đạo"), ("mặt trận tổ quốc", "Mặt trận Tổ quốc"), ("ban thường vụ", "Ban Thường vụ"),
        ("việt nam", "Việt Nam"), ("trung ương", "Trung ương"), ("chính phủ", "Chính phủ"), ("quốc hội", "Quốc hội"),
        ("bộ chính trị", "Bộ Chính trị"), ("ban bí thư", "Ban Bí thư"), ("ban dân vận", "Ban Dân vận"), ("ban tuyên giáo", "Ban Tuyên giáo"),
        ("ban tổ chức", "Ban Tổ chức"), ("văn phòng", "Văn phòng"), ("hồ chí minh", "Hồ Chí Minh"), ("ban chấp hành", "Ban Chấp hành"),
        ("ủy ban kiểm tra", "Ủy ban Kiểm tra"), ("ban cán sự đảng", "Ban Cán sự đảng"), ("thủ tướng", "Thủ tướng"),
        ("ủy ban thường vụ quốc hội", "Ủy ban Thường vụ Quốc hội"), ("đảng", "Đảng"), ("ủy ban nhân dân", "Ủy ban nhân dân"),
        ("hội đồng nhân dân", "Hội đồng nhân dân"), ("đại hội đại biểu toàn quốc", "Đại hội đại biểu toàn quốc"),
    ];

    private static readonly (string Lower, string Proper)[] ProperPhrasesLongestFirst = [.. ProperPhrases.OrderByDescending(p => p.Lower.Length)];

    // One whole-word pattern per abbreviation and per proper phrase, built once (the regex cache holds only 15).
    private static readonly (string Literal, Regex Word, string Replacement)[] AbbreviationWords =
        [.. Abbreviations.Select(a => (a.Abbrev, WholeWord(a.Abbrev), a.Full))];

    private static readonly (string Literal, Regex Word, string Replacement)[] ProperPhraseWords =
        [.. ProperPhrasesLongestFirst.Select(p => (p.Lower, WholeWord(p.Lower), p.Proper))];

    private static Regex WholeWord(string literal) =>
        new(@"(?<![\p{L}])" + Regex.Escape(literal) + @"(?![\p{L}])", RegexOptions.CultureInvariant);

    /// <summary>Each whole-word occurrence replaced in turn; the regex runs only where the literal occurs at all.</summary>
    private static string ReplaceWords(string s, (string Literal, Regex Word, string Replacement)[] words)
    {
        foreach (var (literal, word, replacement) in words)
        {
            if (s.Contains(literal, StringComparison.Ordinal)) s = word.Replace(s, replacement);
        }
        return s;
    }

    /// <summary>Expands header abbreviations (UBND, HĐND, MTTQ …) as whole words.</summary>
    public static string ExpandAbbreviations(string name) => Spaces.Collapse(ReplaceWords(name, AbbreviationWords)).Trim();

    /// <summary>Normal case for a body name printed in capitals, keeping place names capitalised.</summary>
    public static string ToNormalCase(string name)
    {
        var expanded = ExpandAbbreviations(TrimMarks(name));
        var lower = VietnameseSyllable.ToLowerInvariant(expanded);
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var result = words.ToArray();
        // Place names after a unit word or a level body run to the end of the name.
        for (var i = 0; i < words.Count; i++)
        {
            var rest = string.Join(' ', words.Skip(i));
            var level = LevelBodies.FirstOrDefault(u => rest.StartsWith(u + " ", StringComparison.Ordinal));
            var unit = level is null ? UnitWords.FirstOrDefault(u => rest.StartsWith(u + " ", StringComparison.Ordinal)) : null;
            var width = level is not null ? level.Split(' ').Length : unit is not null ? unit.Split(' ').Length : 0;
            if (width == 0) continue;
            for (var k = i + width; k < result.Length; k++) result[k] = Capitalize(result[k]);
            break;
        }
        // Roman numerals of a term or congress stay capitals: "lần thứ XI", "khóa XIII".
        for (var k = 1; k < result.Length; k++)
        {
            if (result[k - 1] is "thứ" or "khóa" or "khoá" && IsLowerRoman(result[k])) result[k] = result[k].ToUpperInvariant();
        }
        // "Sở Nội vụ", "Bộ Tài chính", "Cục Thuế": the field after the body word is a name.
        if (result.Length > 1 && result[0] is "sở" or "bộ" or "cục" or "tổng cục" && !UnitWords.Contains(result[1])) result[1] = Capitalize(result[1]);
        var joined = ReplaceWords(string.Join(' ', result), ProperPhraseWords);
        return joined.Length == 0 ? joined : Capitalize(joined);
    }

    /// <summary>The name without the marks around it ("*ỦY BAN …*", "… ĐỒNG THÁP _"); a closing bracket stays.</summary>
    private static string TrimMarks(string name)
    {
        var span = name.AsSpan();
        var start = 0;
        while (start < span.Length && !char.IsLetterOrDigit(span[start])) start++;
        var end = span.Length;
        while (end > start && !char.IsLetterOrDigit(span[end - 1]) && span[end - 1] != ')') end--;
        return name[start..end];
    }

    private static bool IsLowerRoman(string word)
    {
        foreach (var c in word)
        {
            if (c is not ('i' or 'v' or 'x' or 'l' or 'c')) return false;
        }
        return word.Length > 0;
    }

    public static string Capitalize(string word) =>
        word.Length == 0 ? word : Chars.ToUpperInvariant(word[0]) + word[1..];

    public static string TitleCase(string words) =>
        string.Join(' ', VietnameseSyllable.ToLowerInvariant(words).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Capitalize));

    /// <summary>Folded form for comparisons.</summary>
    public static string Key(string name) => string.Join(' ', SearchFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
