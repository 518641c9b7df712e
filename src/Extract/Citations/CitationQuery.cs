using System.Globalization;
using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Symbols;

namespace DocIntel.Extract.Citations;

/// <summary>
/// What a user means by a cited document, in any spelling: "59/2023/NĐ-CP", "Nghị định 59/2023", "NĐ 59/2023",
/// "nghi dinh 59/2023", "Kết luận 120", "Luật Thực hiện dân chủ ở cơ sở".
/// </summary>
public sealed partial record CitationQuery(string? Key, string? Number, int? Year, string? TypeName)
{
    private static readonly (string Folded, string Type)[] TypeNames =
    [
        ("thong tu lien tich", "Thông tư liên tịch"), ("nghi quyet", "Nghị quyết"), ("nghi dinh", "Nghị định"), ("quyet dinh", "Quyết định"),
        ("chi thi", "Chỉ thị"), ("ket luan", "Kết luận"), ("quy dinh", "Quy định"), ("huong dan", "Hướng dẫn"), ("thong bao", "Thông báo"),
        ("ke hoach", "Kế hoạch"), ("cong van", "Công văn"), ("phap lenh", "Pháp lệnh"), ("bo luat", "Bộ luật"), ("thong tu", "Thông tư"),
        ("luat", "Luật"), ("nd", "Nghị định"), ("nq", "Nghị quyết"), ("qd", "Quyết định"), ("ct", "Chỉ thị"), ("kl", "Kết luận"),
        ("tt", "Thông tư"), ("kh", "Kế hoạch"), ("tb", "Thông báo"),
    ];

    [GeneratedRegex(@"(?<n>\d{1,5})(?:\s*/\s*(?<y>(?:19|20)\d{2}))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberYear();

    public static CitationQuery Parse(string input, LegalRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = VietnameseNormalizer.Default.Normalize(input).Text.Trim();
        // A full symbol, possibly after a type word: "Nghị định số 59/2023/NĐ-CP".
        var sym = SymbolPattern.InText().Match(text);
        if (sym.Success && SymbolPattern.LooksLikeSymbol(sym.Value) && DocumentSymbol.TryParse(sym.Value, out var symbol))
            return new CitationQuery(symbol.Key, symbol.Number, symbol.Year, null);
        if (registry?.FindByAlias(text) is { } entry) return new CitationQuery(entry.Key, null, null, entry.Type);

        var folded = SearchFolding.Fold(text);
        string? type = null;
        foreach (var (f, t) in TypeNames)
        {
            if (Regex.IsMatch(folded, $@"(?<![a-z]){Regex.Escape(f)}(?![a-z])")) { type = t; break; }
        }
        var m = NumberYear().Match(folded);
        if (!m.Success) return new CitationQuery(CitationFinder.TitleKey(text), null, null, type);
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        return new CitationQuery(null, m.Groups["n"].Value.TrimStart('0') is { Length: > 0 } n ? n : "0", year, type);
    }
}
