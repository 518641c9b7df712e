using System.Text.RegularExpressions;
using DocIntel.Extract.Dates;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Citations;

/// <summary>
/// Finds every document a text cites (trích dẫn văn bản): numbered ("Nghị định số 59/2023/NĐ-CP", lists sharing a
/// type word), and titled ones the registry knows ("Luật Thực hiện dân chủ ở cơ sở" → 10/2022/QH15).
/// Each distinct document once, with its type, date, issuer, strongest relation and every span. Nothing is guessed:
/// a symbol not in the registry keeps its own key and says so in its flags.
/// </summary>
public sealed partial class CitationFinder(LegalRegistry registry)
{
    private static readonly string[] TypeWords =
    [
        "Thông tư liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Kết luận", "Quy định", "Quy chế", "Hướng dẫn",
        "Thông báo", "Kế hoạch", "Chương trình", "Công văn", "Văn bản", "Thông tri", "Đề án", "Pháp lệnh", "Bộ luật", "Luật",
        "Hiến pháp", "Thông tư", "Tờ trình", "Báo cáo", "Công điện", "Quy chế",
    ];

    [GeneratedRegex(@"(?<![\p{L}])(?<type>Thông tư liên tịch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Quy định|Quy chế|Hướng dẫn|Thông báo|Kế hoạch|Chương trình|Công văn|Văn bản|Thông tri|Đề án|Pháp lệnh|Bộ luật|Luật|Hiến pháp|Thông tư|Tờ trình|Báo cáo|Công điện)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeWord();

    // What may stand between a type word and its symbol, or between two symbols of one list.
    [GeneratedRegex(@"^(?:\s*(?:số|số:|và|,|;|các|liên tịch)\s*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    [GeneratedRegex(@"^\s*,?\s*(?:ban hành\s+)?ngày\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLead();

    [GeneratedRegex(@"^\s*,?\s*của\s+(?<issuer>[^,;.()]{3,90}?)(?=\s+(?:về|quy định|hướng dẫn|ban hành|triển khai|tiếp tục|thực hiện|sửa đổi|đã|trong|tại|gửi)\b|\s*[,;.()]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IssuerTail();

    [GeneratedRegex(@"(?<![\p{L}])(?<t>Nghị quyết\s+(?:Hội nghị\s+)?(?:lần thứ\s+\d+\s+)?(?:Ban Chấp hành\s+)?Trung ương\s+(?:\d+|lần thứ\s+\d+)\s*\((?:khóa|khoá)\s+[XVI]+\)|Nghị quyết\s+Đại hội\s+(?:đại biểu toàn quốc|Đảng bộ\s+[\p{L} ]{2,30}?)\s+lần thứ\s+[XVI]+(?:\s+của Đảng)?)", RegexOptions.CultureInvariant)]
    private static partial Regex PartyTitled();

    [GeneratedRegex(@"^[a-z ]+ \d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();

    public IReadOnlyList<Citation> Find(string text, TextSpan within, TextSpan? ownNumber = null)
    {
        var raw = new List<RawCitation>();
        FindNumbered(text, within, ownNumber, raw);
        FindTitled(text, within, raw);
        var ownKey = ownNumber is { } own ? DocumentSymbol.Normalize(text.Substring(own.Start, own.Length)) : null;
        return Merge(raw, ownKey);
    }

    private sealed record RawCitation(string Key, string? Type, string? Number, string? Title, DateOnly? Date, string? Issuer, string Relation, TextSpan Span, List<string> Flags);

    private void FindNumbered(string text, TextSpan within, TextSpan? ownNumber, List<RawCitation> into)
    {
        var slice = text.Substring(within.Start, within.Length);
        var typeMatches = TypeWord().Matches(slice).Cast<Match>().ToList();
        string? listType = null;
        var listEnd = -1;
        foreach (Match m in SymbolPattern.InText().Matches(slice))
        {
            var abs = TextSpan.FromLength(within.Start + m.Index, m.Length);
            if (ownNumber is { } own && own.Overlaps(abs)) continue;
            if (!SymbolPattern.LooksLikeSymbol(m.Value)) continue;
            if (!DocumentSymbol.TryParse(m.Value, out var symbol)) continue;
            if (IsDocumentNumberLine(slice, m.Index)) continue;

            // The type word: the nearest one before, with only "số", "và", commas or earlier symbols of the same list between.
            string? type = null;
            var tw = typeMatches.LastOrDefault(t => t.Index + t.Length <= m.Index);
            if (tw is not null && Connector().IsMatch(slice[(tw.Index + tw.Length)..m.Index]))
                type = Canonical(tw.Groups["type"].Value);
            else if (listType is not null && listEnd >= 0 && Connector().IsMatch(StripDates(slice[listEnd..m.Index])))
                type = listType;
            var typeFromCode = DocumentSymbol.TypeNameFromCode(symbol.TypeCode, symbol.System);
            if (type is null or "Văn bản") type = typeFromCode ?? type;
            if (type is null && symbol.System == SymbolSystem.Legislative) type = symbol.TypeCode == "PL" ? "Pháp lệnh" : null;

            var after = m.Index + m.Length;
            DateOnly? date = null;
            var d = DateLead().Match(slice[after..]);
            if (d.Success)
            {
                var from = within.Start + after;
                var parsed = VietnameseDate.FindAll(text, new TextSpan(from, Math.Min(within.End, from + d.Length + 40)))
                    .FirstOrDefault(f => f.Span.Start - from <= d.Length);
                if (parsed is not null) { date = parsed.Value; after = parsed.Span.End - within.Start; }
            }
            string? issuer = null;
            var iss = IssuerTail().Match(slice[after..]);
            if (iss.Success) issuer = Regex.Replace(iss.Groups["issuer"].Value, @"\s+", " ").Trim();

            var spanEnd = within.Start + after;
            var start = tw is not null && type is not null && tw.Index + tw.Length <= m.Index && m.Index - (tw.Index + tw.Length) < 12 ? within.Start + tw.Index : abs.Start;
            var relation = RelationAt(text, abs.Start);
            into.Add(new RawCitation(symbol.Key, type, symbol.Key, null, date, issuer, relation, new TextSpan(start, Math.Max(abs.End, spanEnd)), []));
            listType = type;
            listEnd = m.Index + m.Length;
        }
    }

    private static string StripDates(string s) => Regex.Replace(s, @"ngày\s*\d{1,2}[/-]\d{1,2}[/-]\d{4}|ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}", "", RegexOptions.IgnoreCase);

    private static bool IsDocumentNumberLine(string slice, int index)
    {
        // "Số: 04/BC-UBND" at the start of a line is a number line, not a citation.
        var lineStart = slice.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var prefix = slice[lineStart..index].Trim();
        return Regex.IsMatch(prefix, @"^(?:.*\s)?S[ốố]\s*:?$") && lineStart + 40 > index && !Regex.IsMatch(prefix, @"\p{Ll}{3,}\s+số", RegexOptions.IgnoreCase)
            && (prefix.Length <= 4 || prefix.EndsWith("Số:", StringComparison.Ordinal) || prefix.EndsWith("Số", StringComparison.Ordinal));
    }

    private void FindTitled(string text, TextSpan within, List<RawCitation> into)
    {
        // Folded text with every run of white space as one space, and where each character came from.
        var sb = new System.Text.StringBuilder(within.Length);
        var origin = new List<int>(within.Length);
        for (var i = within.Start; i < within.End; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (sb.Length > 0 && sb[^1] == ' ') continue;
                sb.Append(' ');
                origin.Add(i);
                continue;
            }
            foreach (var c in SearchFolding.FoldChar(text[i])) { sb.Append(c); origin.Add(i); }
        }
        var folded = sb.ToString();
        TextSpan SpanOf(int at, int length) => new(origin[at], origin[at + length - 1] + 1);

        foreach (var alias in registry.AliasesLongestFirst)
        {
            if (alias.Length < 8) continue;
            // "Nghị quyết 18", "Kết luận 120": colloquial short forms name many documents; only the context could tell.
            if (ShortForm().IsMatch(alias)) continue;
            var entry = registry.FindByAlias(alias)!;
            var at = 0;
            while ((at = folded.IndexOf(alias, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + alias.Length;
                var okLeft = at == 0 || !char.IsLetterOrDigit(folded[at - 1]);
                var okRight = end >= folded.Length || !char.IsLetterOrDigit(folded[end]);
                var span = SpanOf(at, alias.Length);
                if (okLeft && okRight && !into.Any(r => r.Span.Overlaps(span)))
                {
                    into.Add(new RawCitation(entry.Key, entry.Type, entry.Number is null ? null : DocumentSymbol.Normalize(entry.Number), entry.Title, null, null,
                        RelationAt(text, span.Start), span, []));
                }
                at = end;
            }
        }
        var slice = text.Substring(within.Start, within.Length);
        foreach (Match m in PartyTitled().Matches(slice))
        {
            var span = TextSpan.FromLength(within.Start + m.Index, m.Length);
            if (into.Any(r => r.Span.Overlaps(span))) continue;
            var title = Regex.Replace(m.Value, @"\s+", " ");
            into.Add(new RawCitation(TitleKey(title), "Nghị quyết", null, title, null, null, RelationAt(text, span.Start), span, []));
        }
    }

    /// <summary>The key of a titled citation the registry does not know: its folded title in capitals.</summary>
    public static string TitleKey(string title) =>
        string.Join('-', SearchFolding.Fold(title).ToUpperInvariant().Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Canonical(string typeWord)
    {
        var folded = SearchFolding.Fold(typeWord);
        return TypeWords.First(t => SearchFolding.Fold(t) == folded);
    }

    /// <summary>
    /// basis for a "Căn cứ" paragraph, implements for an opening "Thực hiện / Triển khai / Tiếp tục thực hiện",
    /// forwards for "gửi kèm", mentions otherwise.
    /// </summary>
    private static string RelationAt(string text, int position)
    {
        var paraStart = text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
        paraStart = paraStart < 0 ? 0 : paraStart + 2;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var sentenceEnd = text.IndexOfAny(['.', ';', '\n'], position);
        var near = text.Substring(position, Math.Min(text.Length, (sentenceEnd < 0 ? text.Length : sentenceEnd) + 1) - position);
        var prefix = text[Math.Max(paraStart, lineStart - 400 < 0 ? 0 : paraStart)..position];
        if (Regex.IsMatch(near, @"gửi kèm", RegexOptions.IgnoreCase) || Regex.IsMatch(text[Math.Max(0, position - 30)..position], @"\(\s*có\s*$|gửi kèm\s*$", RegexOptions.IgnoreCase)) return "forwards";
        var lead = text[lineStart..position].TrimStart('*', ' ', '-', '+');
        var para = text[paraStart..position].TrimStart('*', ' ', '-', '+');
        if (Regex.IsMatch(lead, @"^Căn cứ", RegexOptions.IgnoreCase) || Regex.IsMatch(para, @"^Căn cứ", RegexOptions.IgnoreCase)) return "basis";
        if (Regex.IsMatch(para, @"^(?:Thực hiện|Triển khai|Tiếp tục thực hiện|Để triển khai|Để thực hiện)", RegexOptions.IgnoreCase) && !para.Contains('.', StringComparison.Ordinal)) return "implements";
        _ = prefix;
        return "mentions";
    }

    private static int Strength(string relation) => relation switch { "forwards" => 3, "basis" => 2, "implements" => 1, _ => 0 };

    private List<Citation> Merge(List<RawCitation> raw, string? ownKey)
    {
        var result = new List<Citation>();
        foreach (var g in raw.GroupBy(r => r.Key, StringComparer.Ordinal).OrderBy(g => g.Min(r => r.Span.Start)))
        {
            // A document does not cite itself (its own number recurs in running heads and closing formulas).
            if (ownKey is not null && g.Key == ownKey) continue;
            var first = g.OrderBy(r => r.Span.Start).First();
            var date = g.Select(r => r.Date).FirstOrDefault(d => d is not null);
            var issuer = g.Select(r => r.Issuer).FirstOrDefault(i => i is not null);
            var type = g.Select(r => r.Type).FirstOrDefault(t => t is not null and not "Văn bản") ?? g.Select(r => r.Type).FirstOrDefault(t => t is not null);
            var relation = g.OrderByDescending(r => Strength(r.Relation)).First().Relation;
            var flags = new List<string>();
            var key = first.Key;
            string? title = first.Title;
            if (first.Number is not null)
            {
                var candidates = registry.FindBySymbol(first.Number);
                if (candidates.Count == 0) flags.Add("unknown_in_registry");
                else
                {
                    var pick = LegalRegistry.PickByDate(candidates, date);
                    if (pick is null) flags.Add("ambiguous_in_registry");
                    else
                    {
                        key = pick.Key;
                        if (date is not null && pick.IssuedDate is not null && pick.IssuedDate != date) flags.Add("date_mismatch_with_registry");
                    }
                }
            }
            result.Add(new Citation(type, first.Number, key, first.Number is null ? title : null, date, issuer, relation,
                g.Select(r => r.Span).OrderBy(s => s.Start).ToList(), flags));
        }
        return result;
    }
}
