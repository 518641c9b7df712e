using System.Text;
using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Symbols;

/// <summary>Which numbering grammar a symbol follows.</summary>
public enum SymbolSystem
{
    /// <summary>N/TYPE-ISSUER (administrative document, Nghị định 30/2020).</summary>
    State,
    /// <summary>N/YYYY/TYPE-ISSUER (văn bản quy phạm pháp luật).</summary>
    Normative,
    /// <summary>N/ISSUER-UNIT: a state công văn, which has no type code.</summary>
    StateLetter,
    /// <summary>N-TYPE/ISSUER (Party documents, Hướng dẫn 36-HD/VPTW).</summary>
    Party,
    /// <summary>N/YYYY/QHkk or N/YYYY/PL-UBTVQHkk: laws, ordinances, National Assembly resolutions.</summary>
    Legislative,
}

/// <summary>
/// A document's number and symbol (số, ký hiệu), e.g. 04/BC-UBND, 585-CV/ĐU, 59/2023/NĐ-CP.
/// <see cref="Key"/> is the contract's normalised form: NFC, one dash, no spaces, upper case.
/// </summary>
public sealed partial record DocumentSymbol(string Key, string Number, int? Year, string? TypeCode, string IssuerCode, SymbolSystem System)
{
    private static readonly HashSet<string> StateTypeCodes =
    [
        "NQ", "QĐ", "CT", "QC", "QYĐ", "QĐI", "TC", "TB", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTR", "HĐ", "CĐ",
        "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT", "TTLT", "PL", "SY", "TRS", "SL", "VBHN", "CV",
        "GN", "TTH", "UQ", "NP", "ND", "QD",
    ];

    /// <summary>True when <paramref name="code"/> (upper case) is a type code of a state or Party document ("KL", "TTR").</summary>
    public static bool IsTypeCode(string code) => StateTypeCodes.Contains(code) || code == "KL";

    /// <summary>Every type code <see cref="IsTypeCode"/> knows.</summary>
    public static IReadOnlyCollection<string> TypeCodes { get; } = [.. StateTypeCodes, "KL"];

    [GeneratedRegex(@"^(?<n>\d{1,5})-(?<t>[A-ZĐ]{1,5}[IY]?)/(?<i>[A-ZĐ0-9][A-ZĐ0-9.\-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyGrammar();

    [GeneratedRegex(@"^(?<n>\d{1,5})/(?<y>(?:19|20)\d{2})/(?<rest>[A-ZĐ][A-ZĐ0-9.\-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NormativeGrammar();

    [GeneratedRegex(@"^(?<n>\d{1,5})/(?<rest>[A-ZĐ][A-ZĐ0-9.\-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainGrammar();

    /// <summary>The contract's normalisation of a printed symbol: "Số 44 -CV/BCĐ" → "44-CV/BCĐ".</summary>
    public static string Normalize(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        // The contract's rules only (NFC, ƣ→ư, one dash, no spaces, capitals, no "Số"): symbols are short and many,
        // so not the whole normaliser.
        // Below U+0300 every character is already NFC (no combining marks, no canonical singletons): no ICU call.
        var s = printed.AsSpan().ContainsAnyInRange('\u0300', '\uffff') && !printed.IsNormalized(NormalizationForm.FormC)
            ? printed.Normalize(NormalizationForm.FormC) : printed;
        s = SoPrefix().Replace(s, "");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u00AD' or '\uFEFF') continue;
            var k = c switch
            {
                'Ð' or 'ð' or 'đ' => 'Đ',
                'ƣ' or 'Ƣ' => 'Ư',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
                '\u2044' or '\u2215' => '/',
                _ => Chars.ToUpperInvariant(c),
            };
            // One dash, one slash: "2282/QĐ- -TTg", "76/⁄2025" in scans.
            if (k is '-' or '/' && sb.Length > 0 && sb[^1] == k) continue;
            sb.Append(k);
        }
        var key = sb.ToString().Trim('.', ',', ';', ':');
        // OCR reads 0 as O and 1 as l or I in the number ("O4/2015/NĐ-CP", "l20-KL/TW").
        var m = OcrNumber().Match(key);
        if (m.Success && m.Value.Any(char.IsDigit))
            key = m.Value.Replace('O', '0').Replace('L', '1').Replace('I', '1') + key[m.Length..];
        // And in a legislature's term ("76/2025/UBTVQHI5"): QH is always followed by digits.
        var qh = key.LastIndexOf("QH", StringComparison.Ordinal);
        if (qh < 0 || !key.AsSpan(qh + 2).ContainsAnyExcept("0123456789")) return key;
        var term = OcrTerm().Match(key);
        if (term.Success && !term.Groups[1].Value.All(char.IsDigit))
        {
            // "QHI15": a stray I or l before the two digits of the term; else the letters stand for digits ("QHI5").
            var digits = term.Groups[1].Value;
            digits = digits.Length == 3 && digits[0] is 'I' or 'L' && char.IsAsciiDigit(digits[1]) && char.IsAsciiDigit(digits[2])
                ? digits[1..] : digits.Replace('O', '0').Replace('L', '1').Replace('I', '1');
            key = key[..term.Groups[1].Index] + digits;
        }
        return key;
    }

    [GeneratedRegex(@"^[0-9OLI]+(?=[-/])", RegexOptions.CultureInvariant)]
    private static partial Regex OcrNumber();

    [GeneratedRegex(@"/(?:PL-)?(?:UBTV)?QH([0-9OLI]{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex OcrTerm();

    [GeneratedRegex(@"^(?:QH\d{1,2}|UBTVQH\d{1,2}|PL-UBTVQH\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex LegislativeTail();

    [GeneratedRegex(@"^\s*[Ss][ốoÔỐ]\s*:?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SoPrefix();

    public static bool TryParse(string printed, out DocumentSymbol symbol)
    {
        var key = Normalize(printed);
        symbol = null!;
        var m = PartyGrammar().Match(key);
        if (m.Success)
        {
            symbol = new DocumentSymbol(key, m.Groups["n"].Value, null, m.Groups["t"].Value, m.Groups["i"].Value, SymbolSystem.Party);
            return true;
        }
        m = NormativeGrammar().Match(key);
        if (m.Success)
        {
            var rest = m.Groups["rest"].Value;
            var year = int.Parse(m.Groups["y"].Value, global::System.Globalization.CultureInfo.InvariantCulture);
            if (LegislativeTail().IsMatch(rest))
            {
                var type = rest.StartsWith("PL-", StringComparison.Ordinal) ? "PL" : null;
                symbol = new DocumentSymbol(key, m.Groups["n"].Value, year, type, rest.StartsWith("PL-", StringComparison.Ordinal) ? rest[3..] : rest, SymbolSystem.Legislative);
                return true;
            }
            var dash = rest.IndexOf('-');
            if (dash <= 0) return false;
            symbol = new DocumentSymbol(key, m.Groups["n"].Value, year, rest[..dash], rest[(dash + 1)..], SymbolSystem.Normative);
            return true;
        }
        m = PlainGrammar().Match(key);
        if (m.Success)
        {
            var rest = m.Groups["rest"].Value;
            var dash = rest.IndexOf('-');
            if (dash <= 0) return false;
            var first = rest[..dash];
            var tail = rest[(dash + 1)..];
            if (tail.Length == 0) return false;
            symbol = StateTypeCodes.Contains(first)
                ? new DocumentSymbol(key, m.Groups["n"].Value, null, first, tail, SymbolSystem.State)
                : new DocumentSymbol(key, m.Groups["n"].Value, null, null, rest, SymbolSystem.StateLetter);
            return true;
        }
        return false;
    }

    /// <summary>The document type a symbol's type code names, in the contract's codes.</summary>
    public string? DocTypeFromCode() => System switch
    {
        SymbolSystem.StateLetter => "cong_van",
        SymbolSystem.Legislative when TypeCode == "PL" => "other",
        SymbolSystem.Legislative => null,
        _ => TypeCode switch
        {
            "BC" => "bao_cao",
            "KH" => "ke_hoach",
            "QĐ" or "QD" => "quyet_dinh",
            "NQ" => "nghi_quyet",
            "TB" => "thong_bao",
            "CT" => "chi_thi",
            "TTR" => "to_trinh",
            "HD" => "huong_dan",
            "KL" => "ket_luan",
            "QYĐ" or "QĐI" => "quy_dinh",
            "CTR" => "chuong_trinh",
            "BB" => "bien_ban",
            "GM" => "giay_moi",
            "NĐ" or "ND" => "nghi_dinh",
            "TT" when System != SymbolSystem.Party => "thong_tu",
            "CV" => "cong_van",
            _ => "other",
        },
    };

    /// <summary>The Vietnamese type name a code stands for (for citations that give only the symbol).</summary>
    public static string? TypeNameFromCode(string? code, SymbolSystem system) => code switch
    {
        "NĐ" or "ND" => "Nghị định",
        "NQ" => "Nghị quyết",
        "QĐ" or "QD" => "Quyết định",
        "QĐI" or "QYĐ" => "Quy định",
        "CT" => "Chỉ thị",
        "KL" => "Kết luận",
        "TB" => "Thông báo",
        "KH" => "Kế hoạch",
        "BC" => "Báo cáo",
        "HD" => "Hướng dẫn",
        "TTR" => "Tờ trình",
        "CTR" => "Chương trình",
        "CV" => "Công văn",
        "TT" => system == SymbolSystem.Party ? "Thông tri" : "Thông tư",
        "TTLT" => "Thông tư liên tịch",
        "PL" => "Pháp lệnh",
        "ĐA" => "Đề án",
        "QC" => "Quy chế",
        "GM" => "Giấy mời",
        "BB" => "Biên bản",
        _ => system == SymbolSystem.StateLetter ? "Công văn" : null,
    };
}
