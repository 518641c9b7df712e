using System.Buffers;
using System.Text.RegularExpressions;
using DocIntel.Extract.Dates;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Misreadings;
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
    // Registry names worth looking for in running text, longest first (built once: the finder is shared).
    // Keyed by their first two words ("luat to", "nghi dinh"), longest first within a key.
    private readonly Dictionary<string, List<string>> _aliasesByFirstWords = registry.AliasesLongestFirst
        .Where(a => a.Length >= 8 && !ShortForm().IsMatch(a))
        .GroupBy(FirstWords, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Length).ToList(), StringComparer.Ordinal);

    // The leading letters and digits of every key above: a word of the text that is none of them starts no name.
    private readonly HashSet<string> _firstWords = registry.AliasesLongestFirst
        .Where(a => a.Length >= 8 && !ShortForm().IsMatch(a))
        .Select(LeadingWord).ToHashSet(StringComparer.Ordinal);

    // The shapes of those words (first two letters, length): most words of a text are ruled out without hashing them.
    private readonly WordShapes _firstWordShapes = new(registry.AliasesLongestFirst
        .Where(a => a.Length >= 8 && !ShortForm().IsMatch(a))
        .Select(LeadingWord));

    // Registry names with their spaces taken out, for names a scan ran together.
    private readonly Dictionary<string, List<RegistryEntry>> _aliasesWithoutSpaces = registry.AliasesLongestFirst
        .GroupBy(a => a.Replace(" ", "", StringComparison.Ordinal), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(registry.FindAllByAlias).Distinct().ToList(), StringComparer.Ordinal);

    private static string LeadingWord(string alias)
    {
        var end = 0;
        while (end < alias.Length && char.IsLetterOrDigit(alias[end])) end++;
        return alias[..end];
    }

    private static string FirstWords(string alias)
    {
        var parts = alias.Split(' ');
        return parts.Length == 1 ? parts[0] : parts[0] + " " + parts[1];
    }

    private static readonly string[] TypeWords =
    [
        "Thông tư liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Kết luận", "Quy định", "Quy chế", "Hướng dẫn",
        "Thông báo", "Kế hoạch", "Chương trình", "Công văn", "Văn bản", "Thông tri", "Đề án", "Pháp lệnh", "Bộ luật", "Luật",
        "Hiến pháp", "Thông tư", "Tờ trình", "Báo cáo", "Công điện", "Quy chế",
    ];

    [GeneratedRegex(@"(?<![\p{L}])(?<type>Thông tư liên tịch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Quy định|Quy chế|Hướng dẫn|Thông báo|Kế hoạch|Chương trình|Công văn|Văn bản|Thông tri|Đề án|Pháp lệnh|Bộ luật|(?<![Pp]háp\s)Luật|Hiến pháp|Thông tư|Tờ trình|Báo cáo|Công điện)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeWord();

    // What may stand between a type word and its symbol, or between two symbols of one list.
    [GeneratedRegex(@"^\s*(?:(?:số|số:|và|,|;|các|liên tịch)\s*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    [GeneratedRegex(@"^\s*,?\s*(?:ban hành\s+)?ngày\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLead();

    [GeneratedRegex(@"^\s*,?\s*của\s+(?<issuer>[^,;.()]{3,90}?)(?=\s+(?:về|quy định|hướng dẫn|ban hành|triển khai|tiếp tục|thực hiện|sửa đổi|đã|trong|tại|gửi)\b|\s*[,;.()]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IssuerTail();

    [GeneratedRegex(@"(?<![\p{L}])(?<t>Nghị quyết\s+(?:Hội nghị\s+)?(?:lần thứ\s+\d+\s+)?(?:Ban Chấp hành\s+)?Trung ương\s+(?:\d+|lần thứ\s+\d+)\s*\((?:khóa|khoá)\s+[XVI]+\)|Nghị quyết\s+Đại hội\s+(?:đại biểu toàn quốc|Đảng bộ\s+[\p{L} ]{2,30}?)\s+lần thứ\s+[XVI]+(?:\s+của Đảng)?|Điều lệ Đảng(?:\s+Cộng sản Việt Nam)?)", RegexOptions.CultureInvariant)]
    private static partial Regex PartyTitled();

    // Words that end a law's name ("Luật Đất đai về …", "Luật Nhà ở đã được sửa đổi …").
    private const string NameStop = "(?:và|về|của|số|ngày|năm|đã|được|theo|quy định|hướng dẫn|có|thì|này|để|trong|tại|cho|với|nhằm|đối|sửa|hiện|các|là|khi|bởi|do|hoặc|từ|trên|đến|mà|những|mới|nêu|trước|sau)";

    // "Luật Tài nguyên nước năm 2023", "Luật An toàn, vệ sinh lao động", "Bộ luật Dân sự": a capitalised name, lower-case
    // words after it (a comma may join two), up to a word that ends a name; the year when "năm"/"ngày … năm" follows.
    // A capital standing alone after "và" is a word a scan split ("Luật Đầu tư và N ghị định"), not a second name.
    [GeneratedRegex(@"(?<![\p{L}])(?<type>Bộ luật|Luật|Pháp lệnh)\s+(?<name>\p{Lu}\p{Ll}*(?:(?:\s+|,\s+)(?!" + NameStop + @"\b)\p{Ll}+|\s+và\s+(?!Nghị|Luật|Thông|Quyết|Chỉ|Pháp|Bộ luật|\p{Lu}\s)\p{Lu}\p{Ll}*){0,8}?)(?:\s+(?:năm\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+|ngày\s+\d{1,2}/\d{1,2}/)?(?<y>(?:19|20)\d{2}))?(?=\s*(?:,(?!\s+(?!" + NameStop + @"\b)\p{Ll})|[;.():]|\s(?!và\s+\p{Lu})" + NameStop + @"\b|$))", RegexOptions.CultureInvariant)]
    internal static partial Regex NamedLaw();

    // NamedLaw behind \G, for AnchoredScan.
    [GeneratedRegex(@"\G(?<![\p{L}])(?<type>Bộ luật|Luật|Pháp lệnh)\s+(?<name>\p{Lu}\p{Ll}*(?:(?:\s+|,\s+)(?!" + NameStop + @"\b)\p{Ll}+|\s+và\s+(?!Nghị|Luật|Thông|Quyết|Chỉ|Pháp|Bộ luật|\p{Lu}\s)\p{Lu}\p{Ll}*){0,8}?)(?:\s+(?:năm\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+|ngày\s+\d{1,2}/\d{1,2}/)?(?<y>(?:19|20)\d{2}))?(?=\s*(?:,(?!\s+(?!" + NameStop + @"\b)\p{Ll})|[;.():]|\s(?!và\s+\p{Lu})" + NameStop + @"\b|$))", RegexOptions.CultureInvariant)]
    internal static partial Regex NamedLawAt();

    [GeneratedRegex(@"^[a-z ]+ \d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();

    [GeneratedRegex(@"(?<![\p{L}])số\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SoWord();

    /// <param name="recognised">Where the text was read by OCR: there, a misread symbol is read again (see <see cref="SymbolMisreadings"/>).</param>
    /// <param name="ownNumber">The document's own number and where it stands: not a citation, nor are its misreadings.</param>
    public IReadOnlyList<Citation> Find(string text, TextSpan within, Found<string>? ownNumber = null, RecognisedText? recognised = null)
    {
        recognised ??= RecognisedText.None;
        var raw = new List<RawCitation>();
        var slice = text.Substring(within.Start, within.Length);
        FindNumbered(text, slice, within, ownNumber?.Span, recognised, raw);
        FindTitled(text, slice, within, raw);
        var ownKey = ownNumber?.Value;
        if (!recognised.IsEmpty) ReadAgain(text, raw, ownKey, recognised);
        return Merge(raw, ownKey);
    }

    private sealed record RawCitation(string Key, string? Type, string? Number, string? Title, DateOnly? Date, string? Issuer, string Relation, TextSpan Span, List<string> Flags);

    private void FindNumbered(string text, string slice, TextSpan within, TextSpan? ownNumber, RecognisedText recognised, List<RawCitation> into)
    {
        // The type word of a symbol stands shortly before it; only those windows are searched (the regex is costly).
        string? listType = null;
        var listEnd = -1;
        var matches = new List<(int Index, int Length, string Value, bool Loose)>();
        foreach (var sm in SymbolPattern.FindInText(slice)) matches.Add((sm.Index, sm.Length, sm.Value, false));
        // Looser symbols only right after "<type> số" ("Văn bản số 01/HLV", "số 16/CGC.BT").
        foreach (Match so in SoWord().Matches(slice))
        {
            var tailFrom = so.Index + so.Length;
            if (tailFrom >= slice.Length || !char.IsDigit(slice[tailFrom])) continue;
            var tail = SymbolPattern.LooseAfterSo().Match(slice[tailFrom..Math.Min(slice.Length, tailFrom + 40)]);
            if (!tail.Success) continue;
            var at = so.Index + so.Length + tail.Groups["sym"].Index;
            var tw0 = TypeWordBefore(slice, so.Index);
            if (tw0 is null || !Connector().IsMatch(slice[(tw0.Index + tw0.Length)..so.Index])) continue;
            matches.RemoveAll(x => x.Index == at && x.Length <= tail.Groups["sym"].Length);
            if (matches.Any(x => x.Index <= at && at < x.Index + x.Length)) continue;
            matches.Add((at, tail.Groups["sym"].Length, tail.Groups["sym"].Value, true));
        }
        foreach (var found in matches.OrderBy(x => x.Index))
        {
            var m = found;
            // "377/ĐA:CP" in a scan: the hyphen misread, the symbol goes on.
            if (SymbolPattern.PastMisreadHyphen(slice, m.Index, m.Length) is var (length, printed) && length > m.Length
                && recognised.Covers(TextSpan.FromLength(within.Start + m.Index, length)))
                m = m with { Length = length, Value = printed };
            var abs = TextSpan.FromLength(within.Start + m.Index, m.Length);
            if (ownNumber is { } own && own.Overlaps(abs)) continue;
            if (!SymbolPattern.LooksLikeSymbol(m.Value)) continue;
            DocumentSymbol? symbol;
            if (!DocumentSymbol.TryParse(m.Value, out symbol))
            {
                if (!m.Loose) continue;
                var key = DocumentSymbol.Normalize(m.Value);
                symbol = new DocumentSymbol(key, key.Split('/')[0], null, null, key.Split('/')[1], SymbolSystem.StateLetter);
            }
            if (IsDocumentNumberLine(slice, m.Index)) continue;

            // The type word: the nearest one before, with only "số", "và", commas or earlier symbols of the same list between;
            // for laws, the title may stand between ("Luật Đất đai số 31/2024/QH15").
            string? type = null, title = null;
            var tw = TypeWordBefore(slice, m.Index);
            if (tw is not null && Connector().IsMatch(slice[(tw.Index + tw.Length)..m.Index]))
            {
                type = Canonical(tw.Groups["type"].Value);
            }
            else if (LawWordBefore(slice, m.Index) is { } law && TitledNumber(slice, law, m.Index) is { } lawTitle)
            {
                // "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the law's word, not the "văn bản" inside its name.
                type = Canonical(law.Groups["type"].Value);
                title = lawTitle;
                tw = law;
            }
            else if (tw is not null && TitledNumber(slice, tw, m.Index) is { } named)
            {
                type = Canonical(tw.Groups["type"].Value);
                title = named;
            }
            else if (listType is not null && listEnd >= 0 && MayBeListGap(slice.AsSpan(listEnd, m.Index - listEnd)) && Connector().IsMatch(StripDates(slice[listEnd..m.Index])))
            {
                type = listType;
            }
            var flags = new List<string>();
            // "Kết luận số 213-KIL/TW" in a scan: the type word says which code the misread one is.
            if (recognised.Covers(abs) && SymbolMisreadings.WithTypeCodeOf(symbol, type) is { } reread)
            {
                flags.Add(MisreadFlag + symbol.Key);
                symbol = reread;
            }
            var typeFromCode = DocumentSymbol.TypeNameFromCode(symbol.TypeCode, symbol.System);
            if (type is null or "Văn bản") type = typeFromCode ?? type;
            if (type is null && symbol.System == SymbolSystem.Legislative) type = symbol.TypeCode == "PL" ? "Pháp lệnh" : null;

            var after = m.Index + m.Length;
            DateOnly? date = null;
            // Match(input, beginning, length) reads the range as the whole input: no copy of the rest of the text.
            var d = DateLead().Match(slice, after, slice.Length - after);
            if (d.Success)
            {
                var from = within.Start + after;
                var parsed = VietnameseDate.FindAll(text, new TextSpan(from, Math.Min(within.End, from + d.Length + 40)))
                    .FirstOrDefault(f => f.Span.Start - from <= d.Length);
                if (parsed is not null) { date = parsed.Value; after = parsed.Span.End - within.Start; }
            }
            string? issuer = null;
            var iss = IssuerTail().Match(slice, after, slice.Length - after);
            if (iss.Success) issuer = Spaces.Collapse(iss.Groups["issuer"].Value).Trim();

            var spanEnd = within.Start + after;
            var start = tw is not null && type is not null && tw.Index + tw.Length <= m.Index && (m.Index - (tw.Index + tw.Length) < 12 || title is not null)
                ? within.Start + tw.Index : abs.Start;
            var relation = RelationAt(text, abs.Start);
            into.Add(new RawCitation(symbol.Key, type, symbol.Key, title, date, issuer, relation, new TextSpan(start, Math.Max(abs.End, spanEnd)), flags));
            listType = type;
            listEnd = m.Index + m.Length;
        }
    }

    /// <summary>The last type word ending at or before <paramref name="index"/>, within the clause's reach; positions are in <paramref name="slice"/>.</summary>
    private static Match? TypeWordBefore(string slice, int index)
    {
        var from = Math.Max(0, index - 160);
        Match? last = null;
        // Match(input, beginning, length) keeps positions in the whole input.
        for (var m = TypeWord().Match(slice, from, index - from); m.Success; m = m.NextMatch()) last = m;
        return last;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?<type>Bộ luật|Luật|Pháp lệnh)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex LawWord();

    /// <summary>The last capitalised law word (Luật, Bộ luật, Pháp lệnh) within the clause's reach before a symbol.</summary>
    private static Match? LawWordBefore(string slice, int index)
    {
        var from = Math.Max(0, index - 160);
        Match? last = null;
        for (var m = LawWord().Match(slice, from, index - from); m.Success; m = m.NextMatch()) last = m;
        return last;
    }

    /// <summary>"Luật Đất đai số" before a symbol: the title between the type word and "số", when nothing else intervenes.</summary>
    private static string? TitledNumber(string slice, Match typeWord, int symbolAt)
    {
        var between = slice[(typeWord.Index + typeWord.Length)..symbolAt];
        var m = TitleBeforeSo().Match(between);
        if (!m.Success || m.Groups["t"].Value.Any(char.IsDigit)) return null;
        return typeWord.Value + " " + Spaces.Collapse(m.Groups["t"].Value);
    }

    [GeneratedRegex(@"^\s+(?<t>\p{L}[^;:.()]{1,100}?)\s+số\s*:?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleBeforeSo();

    [GeneratedRegex(@"ngày\s*\d{1,2}[/-]\d{1,2}[/-]\d{4}|ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex CitedDate();

    private static string StripDates(string s) => CitedDate().Replace(s, "");

    // ASCII characters neither a connector ("số", "và", ",", "các", "liên tịch" …) nor a stripped date ("ngày 14/8/2023",
    // "ngày 6 tháng 8 năm 2024") can hold: one of them between two symbols ends the list.
    private static readonly SearchValues<char> NotInListGap = SearchValues.Create(
        "!\"#$%&'()*+.<=>?@[\\]^_`{|}~abdefjkopqruwxzABDEFJKOPQRUWXZ");

    /// <summary>A cheap necessary condition for <see cref="Connector"/> after <see cref="StripDates"/>: the gap is usually a sentence.</summary>
    private static bool MayBeListGap(ReadOnlySpan<char> gap) => !gap.ContainsAny(NotInListGap);

    [GeneratedRegex(@"^(?:.*\s)?S[ốố]\s*:?$")]
    private static partial Regex EndsWithSo();

    [GeneratedRegex(@"\p{Ll}{3,}\s+số", RegexOptions.IgnoreCase)]
    private static partial Regex WordThenSo();

    private static bool IsDocumentNumberLine(string slice, int index)
    {
        // "Số: 04/BC-UBND" at the start of a line is a number line, not a citation.
        var lineStart = slice.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var prefix = slice[lineStart..index].Trim();
        return EndsWithSo().IsMatch(prefix) && lineStart + 40 > index && !WordThenSo().IsMatch(prefix)
            && (prefix.Length <= 4 || prefix.EndsWith("Số:", StringComparison.Ordinal) || prefix.EndsWith("Số", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*(?:nam\s+|ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+|ngay\s+\d{1,2}/\d{1,2}/)((?:19|20)\d{2})")]
    private static partial Regex FoldedYearAfter();

    // Over folded text: a scan's wrong mark ("bồ sung") still reads as the amending formula.
    [GeneratedRegex(@"sua doi,?\s+bo sung\s+(?:mot so dieu\s+)?cua\s+$")]
    private static partial Regex AmendingLawBefore();

    private void FindTitled(string text, string slice, TextSpan within, List<RawCitation> into)
    {
        // Folded text with every run of white space as one space, and where each character came from.
        // Pooled: a long decree's arrays would otherwise be allocated, zeroed and collected on the large object heap.
        var buffer = ArrayPool<char>.Shared.Rent(within.Length);
        var origin = ArrayPool<int>.Shared.Rent(within.Length);
        var n = 0;
        for (var i = within.Start; i < within.End; i++)
        {
            var c = text[i];
            if (Chars.IsWhiteSpace(c) || c == ',')
            {
                // Commas fold to a space, as in LegalRegistry.AliasKey.
                if (n > 0 && buffer[n - 1] == ' ') continue;
                buffer[n] = ' ';
                origin[n++] = i;
                continue;
            }
            var f = SearchFolding.FoldOne(c);
            if (f != '\0') { buffer[n] = f; origin[n++] = i; }
        }
        ReadOnlySpan<char> folded = buffer.AsSpan(0, n);
        TextSpan SpanOf(int at, int length) => new(origin[at], origin[at + length - 1] + 1);

        // Titles the document itself gives a number elsewhere ("Luật Lưu trữ số 33/2024/QH15" … "Luật Lưu trữ") teach the alias.
        var learned = into.Where(r => r.Title is not null && r.Number is not null)
            .GroupBy(r => LegalRegistry.AliasKey(r.Title!)).ToDictionary(g => g.Key, g => g.First());
        // Only where a registry name's first two words stand is the name tried, longest first.
        var byFirst = _aliasesByFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstWord = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var learnedByFirst = learned.Keys.Where(k => k.Length >= 8).GroupBy(FirstWords)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(k => k.Length).ToList(), StringComparer.Ordinal);
        var learnedByTwo = learnedByFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        // Words as (start, end) in a pooled array: a word takes a character and a separator, so half the length bounds them.
        var words = ArrayPool<(int Start, int End)>.Shared.Rent(folded.Length / 2 + 1);
        var wordCount = 0;
        for (var i = 0; i < folded.Length;)
        {
            if (!Chars.IsLetterOrDigit(folded[i])) { i++; continue; }
            var e = i;
            while (e < folded.Length && Chars.IsLetterOrDigit(folded[e])) e++;
            words[wordCount++] = (i, e);
            i = e;
        }
        // Names standing whole at a word, in the order they are tried: by word, then two-word, one-word and learned lists.
        var hits = new List<(int At, string Alias)>();
        for (var w = 0; w < wordCount; w++)
        {
            var at = words[w].Start;
            var one = folded.Slice(at, words[w].End - at);
            var two = w + 1 < wordCount && words[w + 1].Start == words[w].End + 1 ? folded.Slice(at, words[w + 1].End - at) : default;
            // Most words start no registry name: one set lookup rules out both dictionary lookups.
            if (_firstWordShapes.MayContain(one) && firstWord.Contains(one))
            {
                if (!two.IsEmpty && byFirst.TryGetValue(two, out var list)) AddWhole(folded, at, list, hits);
                if (byFirst.TryGetValue(one, out var single)) AddWhole(folded, at, single, hits);
            }
            if (learnedByFirst.Count > 0 && !two.IsEmpty && learnedByTwo.TryGetValue(two, out var ll)) AddWhole(folded, at, ll, hits);
        }
        ArrayPool<(int Start, int End)>.Shared.Return(words);
        foreach (var (at, alias) in hits)
        {
            var end = at + alias.Length;
            var span = SpanOf(at, alias.Length);
            if (into.Any(r => r.Span.Overlaps(span))) continue;
            var relation = RelationAt(text, span.Start);
            var yearAfter = FoldedYearAfter().Match(folded[end..Math.Min(folded.Length, end + 40)].ToString());
            int? year = yearAfter.Success ? int.Parse(yearAfter.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            if (learned.TryGetValue(alias, out var numbered) && (year is null || numbered.Number!.Contains($"/{year}/", StringComparison.Ordinal)))
            {
                into.Add(numbered with { Span = span, Relation = relation, Date = null, Issuer = null });
            }
            else
            {
                var candidates = registry.FindAllByAlias(alias);
                var entry = candidates.Count == 1 ? candidates[0]
                    : candidates.FirstOrDefault(c => year is not null && (c.IssuedDate?.Year == year || c.BaseKey.Contains($"/{year}/", StringComparison.Ordinal)));
                if (entry is not null)
                    into.Add(new RawCitation(entry.Key, entry.Type, entry.Number is null ? null : DocumentSymbol.Normalize(entry.Number), entry.Title, null, null, relation, span, []));
            }
        }
        // Laws, codes and ordinances the registry does not know: keyed by their title (and year when given).
        // The law pattern is costly: tried only where one of its words stands.
        foreach (var m in AnchoredScan.Matches(NamedLawAt(), slice, AnchoredScan.PositionsOf(slice, "Bộ luật", "Luật", "Pháp lệnh")))
        {
            var span = TextSpan.FromLength(within.Start + m.Index, m.Length);
            if (into.Any(r => r.Span.Overlaps(span))) continue;
            var name = Spaces.Collapse(m.Groups["name"].Value).Trim();
            var typeWord = Canonical(m.Groups["type"].Value);
            // "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014": the date is the amending law's.
            var amended = AmendingLawBefore().IsMatch(SearchFolding.Fold(slice[Math.Max(0, m.Index - 45)..m.Index]));
            var title = typeWord + " " + name + (m.Groups["y"].Success && !amended ? " năm " + m.Groups["y"].Value : "");
            // "Luật Giao dịch điệntử": a scan ran two words together; the registry's name without its spaces still tells it.
            if (_aliasesWithoutSpaces.TryGetValue(LegalRegistry.AliasKey(title).Replace(" ", "", StringComparison.Ordinal), out var joined) && joined.Count == 1)
            {
                var entry = joined[0];
                into.Add(new RawCitation(entry.Key, entry.Type, entry.Number is null ? null : DocumentSymbol.Normalize(entry.Number), entry.Title, null, null, RelationAt(text, span.Start), span, []));
                continue;
            }
            into.Add(new RawCitation(KeyOfTitle(title), typeWord, null, title, null, null, RelationAt(text, span.Start), span, []));
        }
        foreach (Match m in PartyTitled().Matches(slice))
        {
            var span = TextSpan.FromLength(within.Start + m.Index, m.Length);
            if (into.Any(r => r.Span.Overlaps(span))) continue;
            var title = Spaces.Collapse(m.Value);
            var partyType = title.StartsWith("Điều lệ", StringComparison.Ordinal) ? "Điều lệ" : "Nghị quyết";
            if (partyType == "Điều lệ") title = "Điều lệ Đảng";
            into.Add(new RawCitation(KeyOfTitle(title), partyType, null, title, null, null, RelationAt(text, span.Start), span, []));
        }
        ArrayPool<char>.Shared.Return(buffer);
        ArrayPool<int>.Shared.Return(origin);
    }

    /// <summary>The names of <paramref name="aliases"/> that stand at <paramref name="at"/> as whole words.</summary>
    private static void AddWhole(ReadOnlySpan<char> folded, int at, List<string> aliases, List<(int At, string Alias)> into)
    {
        foreach (var alias in aliases)
        {
            var end = at + alias.Length;
            if (end > folded.Length || !folded.Slice(at, alias.Length).SequenceEqual(alias)) continue;
            if ((at == 0 || !char.IsLetterOrDigit(folded[at - 1])) && (end >= folded.Length || !char.IsLetterOrDigit(folded[end]))) into.Add((at, alias));
        }
    }

    /// <summary>The key of a titled citation the registry does not know: its folded title in capitals.</summary>
    public static string TitleKey(string title) => KeyOfTitle(VietnameseNormalizer.Default.Normalize(title).Text);

    /// <summary><see cref="TitleKey"/> of a title already in normalised form (taken from normalised text).</summary>
    [GeneratedRegex(@"\s+năm\s+((?:19|20)\d{2})\b")]
    private static partial Regex YearAfterNam();

    private static string KeyOfTitle(string t)
    {
        // Like the registry's keys (HIẾN-PHÁP-2013): capitals with their marks, words joined by '-', "năm" before a year dropped.
        t = YearAfterNam().Replace(t, " $1");
        return string.Join('-', Chars.ToUpperInvariant(t).Replace(",", " ", StringComparison.Ordinal).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    // Each folded type word to the first of TypeWords that folds to it, built once.
    private static readonly Dictionary<string, string> CanonicalByFold = BuildCanonical();

    private static Dictionary<string, string> BuildCanonical()
    {
        var byFold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in TypeWords) byFold.TryAdd(SearchFolding.Fold(t), t);
        return byFold;
    }

    private static string Canonical(string typeWord) => CanonicalByFold[SearchFolding.Fold(typeWord)];

    [GeneratedRegex(@"gửi kèm", RegexOptions.IgnoreCase)]
    private static partial Regex SentWith();

    [GeneratedRegex(@"\(\s*có\s*$|gửi kèm\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EnclosedBefore();

    [GeneratedRegex(@"^Căn cứ", RegexOptions.IgnoreCase)]
    private static partial Regex BasisLead();

    [GeneratedRegex(@"^(?:Thực hiện|Triển khai|Tiếp tục thực hiện|Để triển khai|Để thực hiện)", RegexOptions.IgnoreCase)]
    private static partial Regex ImplementsLead();

    /// <summary>
    /// basis for a "Căn cứ" paragraph, implements for an opening "Thực hiện / Triển khai / Tiếp tục thực hiện",
    /// forwards for "gửi kèm", mentions otherwise.
    /// </summary>
    private static string RelationAt(string text, int position)
    {
        var paraStart = text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
        paraStart = paraStart < 0 ? 0 : paraStart + 2;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var sentenceEnd = text.AsSpan(position).IndexOfAny(SentenceEnds);
        if (sentenceEnd >= 0) sentenceEnd += position;
        // Spans, not substrings: a paragraph before a citation can be long, and every citation asks.
        var near = text.AsSpan(position, Math.Min(text.Length, (sentenceEnd < 0 ? text.Length : sentenceEnd) + 1) - position);
        if (SentWith().IsMatch(near) || EnclosedBefore().IsMatch(text.AsSpan(Math.Max(0, position - 30), position - Math.Max(0, position - 30)))) return "forwards";
        var lead = text.AsSpan(lineStart, position - lineStart).TrimStart(LeadMarks);
        var para = text.AsSpan(paraStart, position - paraStart).TrimStart(LeadMarks);
        if (BasisLead().IsMatch(lead) || BasisLead().IsMatch(para)) return "basis";
        if (ImplementsLead().IsMatch(para) && !para.Contains('.')) return "implements";
        return "mentions";
    }

    private const string LeadMarks = "* -+";

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".;\n");

    /// <summary>A registry symbol one edit away in the number or year, with the same type and issuer codes.</summary>
    // The registry's symbols, parsed once.
    // Grouped by system, type code and issuer code (a typo keeps those), each with its "number/year", in registry order.
    private readonly Dictionary<(SymbolSystem, string?, string), List<(string Key, string NumberAndYear)>> _registrySymbols = registry.Entries
        .Select(e => DocumentSymbol.TryParse(e.BaseKey, out var s) ? s : null).OfType<DocumentSymbol>().DistinctBy(s => s.Key)
        .GroupBy(s => (s.System, s.TypeCode, s.IssuerCode))
        .ToDictionary(g => g.Key, g => g.Select(s => (s.Key, s.Number + "/" + s.Year)).ToList());

    private string? ProbableTypoOf(string key, IReadOnlySet<string> citedInDocument)
    {
        if (!DocumentSymbol.TryParse(key, out var cited) || cited.System is not (SymbolSystem.Normative or SymbolSystem.Party or SymbolSystem.Legislative)) return null;
        var numberAndYear = cited.Number + "/" + cited.Year;
        var candidates = new List<string>();
        foreach (var (knownKey, knownNumberAndYear) in _registrySymbols.GetValueOrDefault((cited.System, cited.TypeCode, cited.IssuerCode)) ?? [])
        {
            if (Edits.Distance(numberAndYear, knownNumberAndYear) != 1) continue;
            candidates.Add(knownKey);
        }
        // One candidate, or the one the same document also cites correctly (seed 001 cites 04/2015/NĐ-CP too).
        if (candidates.Count == 1) return candidates[0];
        var inDoc = candidates.Where(citedInDocument.Contains).ToList();
        return inDoc.Count == 1 ? inDoc[0] : null;
    }

    /// <summary>The flag a citation read again carries, followed by the symbol as OCR read it.</summary>
    public const string MisreadFlag = "ocr_misread_as:";

    /// <summary>
    /// Numbered citations in recognised text that no registry entry bears, read again as the symbol they misread: the
    /// document's own number or a better-attested symbol it cites (known to the registry, or read more often) when one
    /// code character differs ("44-CV/BCPĐ" beside "44-CV/BCĐ"); or the registry's symbol one digit away when the cited
    /// date is that document's (or none is given) and its title follows ("Nghị định số 99/2023/NĐ-CP, ngày 14/8/2023 của
    /// Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở" is 59/2023/NĐ-CP). A date alone is not
    /// enough: the National Assembly passed 190/2025/QH15 and 193/2025/QH15 on one day. Each keeps what was read in its flags.
    /// </summary>
    private void ReadAgain(string text, List<RawCitation> raw, string? ownKey, RecognisedText recognised)
    {
        var counts = raw.Where(r => r.Number is not null).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        HashSet<string>? cited = null;
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            if (r.Number is null || !recognised.Covers(r.Span) || registry.FindBySymbol(r.Key).Count > 0) continue;
            string? meant = null;
            if (ownKey is not null && (SymbolMisreadings.IsVariantOf(r.Key, ownKey) || SplitBySpaces(text, r.Span, ownKey))) meant = ownKey;
            else
            {
                // Better attested: known to the registry, read more often, or as often but never needing a second reading.
                var others = counts.Keys.Where(k => SymbolMisreadings.IsVariantOf(r.Key, k) && (registry.FindBySymbol(k).Count > 0 || counts[k] > counts[r.Key]
                    || (counts[k] == counts[r.Key] && r.Flags.Count > 0 && raw.All(x => x.Key != k || x.Flags.Count == 0)))).ToList();
                if (others.Count == 1) meant = others[0];
                else if (others.Count == 0)
                {
                    cited ??= raw.Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
                    if (ProbableTypoOf(r.Key, cited) is { } known
                        && registry.FindBySymbol(known).Any(e => (r.Type is null || r.Type == e.Type) && (r.Date is null || e.IssuedDate == r.Date)
                            && SymbolMisreadings.TitleFollows(e.Title, ClauseAfter(text, r.Span.End, raw))))
                        meant = known;
                }
            }
            if (meant is null) continue;
            // The type came from the misread code when no type word stood before it: it follows the code meant.
            var readType = TypeOfSymbol(r.Key);
            var meantType = TypeOfSymbol(meant);
            // The same reading elsewhere in the scan is the same misreading ("N ghị định số 99/2023/NĐ-CP" again).
            for (var k = i; k < raw.Count; k++)
            {
                var x = raw[k];
                if (x.Key != r.Key || !recognised.Covers(x.Span)) continue;
                raw[k] = x with { Key = meant, Number = meant, Type = x.Type is null || x.Type == readType ? meantType ?? x.Type : x.Type, Flags = [.. x.Flags, MisreadFlag + r.Key] };
            }
        }
    }

    private static string? TypeOfSymbol(string key) =>
        DocumentSymbol.TryParse(key, out var s) ? DocumentSymbol.TypeNameFromCode(s.TypeCode, s.System) : null;

    /// <summary>
    /// True when the symbol at <paramref name="span"/> is part of <paramref name="key"/> with spaces a scan put inside it
    /// ("Quyết định số 1 44/2025/QĐ-C TUBND" is the document's own 144/2025/QĐ-CTUBND).
    /// </summary>
    private static bool SplitBySpaces(string text, TextSpan span, string key)
    {
        var from = Math.Max(0, span.Start - 6);
        var to = Math.Min(text.Length, span.End + 12);
        var joined = DocumentSymbol.Normalize(text[from..to].Replace('\n', ' '));
        return joined.Contains(key, StringComparison.Ordinal);
    }

    /// <summary>
    /// The words after a citation up to the end of its clause or the next numbered citation ("…; Căn cứ Bộ luật Lao động số
    /// 45/2019/QH14" is not its title; a law named inside the title, "… của Luật Thực hiện dân chủ ở cơ sở", is part of it).
    /// </summary>
    private static string ClauseAfter(string text, int from, List<RawCitation> raw)
    {
        var end = Math.Min(text.Length, from + 400);
        foreach (var x in raw)
            if (x.Span.Start >= from && x.Span.Start < end && text.AsSpan(x.Span.Start, x.Span.Length).ContainsAnyInRange('0', '9')) end = x.Span.Start;
        var stop = text.AsSpan(from, end - from).IndexOfAny(ClauseEnds);
        return text.Substring(from, stop < 0 ? end - from : stop);
    }

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(";!?");

    private static int Strength(string relation) => relation switch { "forwards" => 3, "basis" => 2, "implements" => 1, _ => 0 };

    [GeneratedRegex(@"-(?:19|20)\d{2}$")]
    private static partial Regex KeyEndsWithYear();

    private List<Citation> Merge(List<RawCitation> raw, string? ownKey)
    {
        // A law named once with its year and once without is one law ("Luật Tài nguyên nước năm 2023" … "Luật Tài nguyên nước").
        var yeared = raw.Where(r => r.Number is null && KeyEndsWithYear().IsMatch(r.Key)).Select(r => r.Key).Distinct().ToList();
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i].Number is not null) continue;
            var match = yeared.Where(k => k.StartsWith(raw[i].Key + "-", StringComparison.Ordinal)).ToList();
            if (match.Count == 1) raw[i] = raw[i] with { Key = match[0] };
        }
        var result = new List<Citation>();
        HashSet<string>? citedKeys = null;
        foreach (var g in raw.GroupBy(r => r.Key, StringComparer.Ordinal).OrderBy(g => g.Min(r => r.Span.Start)))
        {
            // A document does not cite itself (its own number recurs in running heads and closing formulas).
            if (ownKey is not null && g.Key == ownKey) continue;
            var first = g.OrderBy(r => r.Span.Start).First();
            var date = g.Select(r => r.Date).FirstOrDefault(d => d is not null);
            var issuer = g.Select(r => r.Issuer).FirstOrDefault(i => i is not null);
            var type = g.Select(r => r.Type).FirstOrDefault(t => t is not null and not "Văn bản") ?? g.Select(r => r.Type).FirstOrDefault(t => t is not null);
            var relation = g.OrderByDescending(r => Strength(r.Relation)).First().Relation;
            var flags = g.Any(r => r.Flags.Count > 0) ? g.SelectMany(r => r.Flags).Distinct().ToList() : new List<string>();
            var key = first.Key;
            string? title = first.Title;
            if (first.Number is not null)
            {
                var candidates = registry.FindBySymbol(first.Number);
                if (candidates.Count == 0)
                {
                    flags.Add("unknown_in_registry");
                    // "04/2014/NĐ-CP" where the registry knows "04/2015/NĐ-CP": flagged, never rewritten.
                    citedKeys ??= raw.Select(r => r.Key).ToHashSet();
                    if (ProbableTypoOf(first.Number, citedKeys) is { } known) { flags.Add("probable_typo"); flags.Add("probable_typo_of:" + known); }
                }
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

    /// <summary>
    /// A necessary condition for membership in a set of words: the pair of first letters (a–z) and the length. When a
    /// word of the set is of another form (shorter than two, other first characters), every word may be a member.
    /// </summary>
    private sealed class WordShapes
    {
        private readonly bool[] _pairs = new bool[26 * 26];
        private readonly int _maxLength;
        private readonly bool _all;

        public WordShapes(IEnumerable<string> words)
        {
            foreach (var w in words)
            {
                if (w.Length < 2 || !IsAz(w[0]) || !IsAz(w[1])) { _all = true; continue; }
                _pairs[(w[0] - 'a') * 26 + (w[1] - 'a')] = true;
                _maxLength = Math.Max(_maxLength, w.Length);
            }
        }

        private static bool IsAz(char c) => c is >= 'a' and <= 'z';

        public bool MayContain(ReadOnlySpan<char> word) =>
            _all || (word.Length >= 2 && word.Length <= _maxLength && IsAz(word[0]) && IsAz(word[1]) && _pairs[(word[0] - 'a') * 26 + (word[1] - 'a')]);
    }
}
