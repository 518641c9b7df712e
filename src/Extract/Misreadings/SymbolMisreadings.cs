using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Misreadings;

/// <summary>
/// How OCR misreads a document symbol (ký hiệu) and what in the text tells the symbol meant: the type word before it
/// ("Kết luận số 213-KIL/TW" is 213-KL/TW: KIL is no type code, KL is one edit away and is what "Kết luận" takes), and
/// the same symbol read right elsewhere in the document ("44-CV/BCPĐ" beside "44-CV/BCĐ"), the title of a registry
/// document after it. Only one edit is undone, and in the number or year only when that title follows: 12/KH-UBND and
/// 13/KH-UBND are both real.
/// </summary>
public static class SymbolMisreadings
{
    /// <summary>The type codes a type word takes in symbols (Kết luận → KL; Quy định → QĐI or QYĐ).</summary>
    public static IReadOnlyList<string> TypeCodesOf(string typeWord) => typeWord switch
    {
        "Nghị quyết" => ["NQ"],
        "Nghị định" => ["NĐ"],
        "Quyết định" => ["QĐ"],
        "Chỉ thị" => ["CT"],
        "Kết luận" => ["KL"],
        "Quy định" => ["QĐI", "QYĐ"],
        "Quy chế" => ["QC"],
        "Hướng dẫn" => ["HD"],
        "Thông báo" => ["TB"],
        "Kế hoạch" => ["KH"],
        "Chương trình" => ["CTR"],
        "Công văn" => ["CV"],
        "Thông tri" or "Thông tư" => ["TT"],
        "Thông tư liên tịch" => ["TTLT"],
        "Đề án" => ["ĐA"],
        "Tờ trình" => ["TTR"],
        "Báo cáo" => ["BC"],
        "Công điện" => ["CĐ"],
        "Pháp lệnh" => ["PL"],
        _ => [],
    };

    /// <summary>
    /// The symbol with the type code its type word takes, when the code read is no type code and one edit from that one
    /// ("Tờ trình số 03-TR/ĐU" → 03-TTR/ĐU; "Nghị quyết số 20/2023/NQG-HĐND" → 20/2023/NQ-HĐND). After a word that names
    /// no type ("văn bản số 213-KIL/TW") or none, the one type code a single edit away, if only one is; null otherwise.
    /// </summary>
    public static DocumentSymbol? WithTypeCodeOf(DocumentSymbol read, string? typeWord)
    {
        ArgumentNullException.ThrowIfNull(read);
        var named = typeWord is null ? [] : TypeCodesOf(typeWord);
        var codes = named.Count > 0 ? named : DocumentSymbol.TypeCodes;
        // A công văn's symbol has no type code: its first issuer segment stands where the code would ("2304/QĐĐ-BNNMT").
        var (code, rebuild) = read.System switch
        {
            SymbolSystem.Party => (read.TypeCode, (Func<string, string>)(c => $"{read.Number}-{c}/{read.IssuerCode}")),
            SymbolSystem.Normative => (read.TypeCode, c => $"{read.Number}/{read.Year}/{c}-{read.IssuerCode}"),
            SymbolSystem.State => (read.TypeCode, c => $"{read.Number}/{c}-{read.IssuerCode}"),
            SymbolSystem.StateLetter when read.IssuerCode.IndexOf('-') is > 0 and var dash =>
                (read.IssuerCode[..dash], c => $"{read.Number}/{c}{read.IssuerCode[dash..]}"),
            _ => (null, _ => ""),
        };
        if (code is null || DocumentSymbol.IsTypeCode(code)) return null;
        var near = codes.Where(c => Edits.AtMostOne(code, c)).ToList();
        return near.Count == 1 && DocumentSymbol.TryParse(rebuild(near[0]), out var fixedSymbol) ? fixedSymbol : null;
    }

    /// <summary>
    /// True when <paramref name="read"/> is <paramref name="other"/> with one character of its codes misread, added or
    /// lost: the same number and year ("44-CV/BCPĐ" of 44-CV/BCĐ; "3380/QĐĐ-TTPVHCC" of 3380/QĐ-TTPVHCC).
    /// </summary>
    public static bool IsVariantOf(string read, string other)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(other);
        if (read == other || !DocumentSymbol.TryParse(read, out var r) || !DocumentSymbol.TryParse(other, out var o)) return false;
        return r.Number == o.Number && r.Year == o.Year && Edits.AtMostOne(read, other);
    }

    /// <summary>
    /// True when the words after a citation give a document's title ("Nghị định số 99/2023/NĐ-CP, ngày 14/8/2023 của
    /// Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở" gives the title of 59/2023/NĐ-CP):
    /// at least six words of the title (a short name like "Bộ luật Lao động" is cited by name, not described), and four in
    /// five of them among as many words after the citation and a few more, marks and case aside (a scan misreads some).
    /// </summary>
    public static bool TitleFollows(string title, string following)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(following);
        var wanted = Words(title);
        if (wanted.Count < 6) return false;
        var near = Words(following).Take(wanted.Count + 12).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var found = 0;
        foreach (var w in wanted)
        {
            if (near.TryGetValue(w, out var n) && n > 0) { found++; near[w] = n - 1; }
        }
        return found * 5 >= wanted.Count * 4;
    }

    private static List<string> Words(string text) =>
        SearchFolding.Fold(text).Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries).ToList();
}
