using System.Globalization;
using System.Text.RegularExpressions;
using DocIntel.Extract.Dates;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Issuers;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Tasks;

/// <summary>
/// The task list (nhiệm vụ) a document gives: numbered items under headings such as NHIỆM VỤ, TỔ CHỨC THỰC HIỆN,
/// PHƯƠNG HƯỚNG, NHIỆM VỤ; numbered blocks or paragraphs after "… yêu cầu:" / "… nội dung sau:"; and directive
/// sentences ("đề nghị …", "yêu cầu …", "giao … chủ trì"). Each task keeps its text, its assignee and its deadline.
/// </summary>
public static partial class TaskExtractor
{
    private static readonly string[] TaskHeadings = ["nhiemvu", "tochucthuchien", "phuonghuong", "giaiphap", "phancong", "trachnhiem", "noidungthuchien"];
    private static readonly string[] NotTaskHeadings = ["mucdich", "ketqua", "danhgia", "tinhhinh", "khaiquat", "hanche", "kiennghi", "dexuat"];

    // "II. NHIỆM VỤ TRỌNG TÂM", "V - PHƯƠNG HƯỚNG": not a wrapped "XII) về …" inside a sentence.
    [GeneratedRegex(@"^\s*(?<roman>[IVX]{1,4})\s*[-.–]\s*(?<title>\p{Lu}.{0,110})$", RegexOptions.CultureInvariant)]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\s*[.)]\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    // Only an intro that directs: a decision's "… như sau:" lists what it decides, not tasks.
    [GeneratedRegex(@"(?:yêu cầu|đề nghị|chỉ đạo|giao)[^.:]{0,200}:\s*$|(?:nội dung sau|công việc sau|nhiệm vụ sau|nhiệm vụ, giải pháp sau)\s*:\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DirectiveIntro();

    [GeneratedRegex(@"(?<![\p{L}])(?:[Đđ]ề nghị|[Yy]êu cầu|[Gg]iao)\s+(?<who>(?:các\s+|Các\s+)?\p{Lu}[^.;:]{2,90}?|các\s+[^.;:]{2,90}?)\s+(?:chủ trì|thực hiện|triển khai|tổ chức|khẩn trương|nghiêm túc|tiếp tục|phối hợp|quan tâm|báo cáo|chỉ đạo|rà soát|xây dựng|theo dõi|tham mưu|hoàn thành|căn cứ|có trách nhiệm)", RegexOptions.CultureInvariant)]
    private static partial Regex DirectiveSentence();

    [GeneratedRegex(@"^(?<who>(?:Các\s+|các\s+)?(?:[ỦU]y ban|UBND|Ban|Sở|Mặt trận|MTTQ|Hội|Đảng ủy|Đảng uỷ|Chi bộ|Phòng|Công an|Văn phòng|Trung tâm|Cán bộ|Hội đồng|HĐND|Đoàn|Bộ|Cục|Thanh tra|Quân sự|Trường|Tỉnh đoàn|Liên đoàn|Ban Chỉ đạo|BCĐ|Trưởng)[^.;:]{0,100}?)\s+(?:chủ trì|có trách nhiệm|(?<![Cc]hỉ đạo\s+)thực hiện|triển khai|(?<!các\s+)tổ chức|(?<![Bb]an\s+)chỉ đạo|nghiêm túc|tiếp tục|phối hợp|xây dựng|tăng cường|rà soát|báo cáo|theo dõi|hướng dẫn|kiểm tra|căn cứ|nghiên cứu|tham mưu|lãnh đạo|nâng cao|phát huy|đẩy mạnh|quan tâm|chủ động|khẩn trương)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAssignee();

    [GeneratedRegex(@"(?:trước|chậm nhất(?: là)?|hạn chót|hoàn thành trong)\s+(?:ngày\s+)?(?<d>\d{1,2})\s?[/.-]\s?(?<m>\d{1,2})\s?[/.-]\s?(?<y>(?:19|20)\d{2})|(?:trước|chậm nhất(?: là)?)\s+ngày\s+(?<d2>\d{1,2})\s+tháng\s+(?<m2>\d{1,2})\s+năm\s+(?<y2>(?:19|20)\d{2})|(?:đến|trước)\s+tháng\s+(?<m3>\d{1,2})\s?/\s?(?<y3>(?:19|20)\d{2})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^\s*\**\s*Nơi\s+nh[ậâ]n")]
    private static partial Regex RecipientsLine();

    // A stray single letter: what lost glyphs leave in a heading ("P ƯƠNG ƯỚNG, N IỆM V").
    [GeneratedRegex(@"(?:^|\s)\p{L}(?:\s|,|$)")]
    private static partial Regex LoneLetter();

    [GeneratedRegex(@"^(cac |uy ban|ubnd|ban |so |mat tran|hoi |dang uy|chi bo|phong |cong an|van phong|trung tam|can bo|hdnd|hoi dong|doan |bo |cuc |thanh tra|bcd|mttq)")]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"\s(?:yêu cầu|đề nghị|giao)\s+(?<who>.+)$")]
    private static partial Regex AskedBody();

    public static IReadOnlyList<DocumentTask> Extract(string text, IReadOnlyList<TextLine> lines)
    {
        var tasks = new List<DocumentTask>();
        var end = EndOfBody(lines);
        var covered = new bool[lines.Count];

        // Each line's heading status, once.
        var roman = new bool[lines.Count];
        var titles = new string?[lines.Count];
        for (var i = 0; i < end; i++)
        {
            if (IsHeading(lines[i].Text, out var title)) titles[i] = title;
            roman[i] = titles[i] is not null && RomanHeading().IsMatch(lines[i].Text);
        }

        // 1. Numbered items under task headings.
        for (var i = 0; i < end; i++)
        {
            if (titles[i] is not { } title || !IsTaskHeading(title)) continue;
            var sectionEnd = i + 1;
            while (sectionEnd < end && !roman[sectionEnd]) sectionEnd++;
            AddItems(text, lines, i + 1, sectionEnd, tasks, covered);
            i = sectionEnd - 1;
        }
        // 2. After an intro that announces directives ("… yêu cầu:", "… một số nội dung sau:").
        for (var i = 0; i < end; i++)
        {
            if (covered[i] || !lines[i].Text.TrimEnd().TrimEnd('*').EndsWith(':') || !DirectiveIntro().IsMatch(lines[i].Text.Replace("*", "").TrimEnd())) continue;
            var sectionEnd = i + 1;
            while (sectionEnd < end && !roman[sectionEnd]) sectionEnd++;
            var before = tasks.Count;
            covered[i] = true;
            // The intro's earlier lines, wrapped: a scan's paragraph keeps its line breaks ("… Kết luận số 120-KL/TW của Bộ⏎Chính trị …").
            for (var k = i - 1; k >= 0 && lines[k].Text.Trim().Length > 0 && !EndsSentence(lines[k].Text); k--) covered[k] = true;
            AddItems(text, lines, i + 1, sectionEnd, tasks, covered);
            if (tasks.Count == before) AddParagraphs(text, lines, i + 1, sectionEnd, tasks, covered);
            i = sectionEnd - 1;
        }
        // 3. Directive sentences elsewhere; the closing formula ("Đề nghị … triển khai thực hiện./.") only when nothing else was found.
        var structured = tasks.Count > 0;
        foreach (var para in Paragraphs(lines, 0, end).Where(p => !covered[p.First]))
        {
            var raw = text.AsSpan(lines[para.First].Start, lines[para.Last].End - lines[para.First].Start);
            if (!raw.Contains("ề nghị", StringComparison.Ordinal) && !raw.Contains("êu cầu", StringComparison.Ordinal) && !raw.Contains("iao ", StringComparison.Ordinal)) continue;
            var paraText = Flat(raw);
            var m = DirectiveSentence().Match(paraText);
            if (!m.Success) continue;
            if (structured && lines[para.Last].Text.TrimEnd().EndsWith("./.", StringComparison.Ordinal)) continue;
            tasks.Add(Make(text, lines, para.First, para.Last, CleanAssignee(m.Groups["who"].Value)));
        }
        return tasks;
    }

    private static bool EndsSentence(string line) => line.TrimEnd().TrimEnd('*') is { Length: > 0 } t && t[^1] is '.' or ';' or ':' or '!' or '?';

    private static int EndOfBody(IReadOnlyList<TextLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Text.Contains("Nơi", StringComparison.Ordinal) && RecipientsLine().IsMatch(lines[i].Text)) return i;
        }
        return lines.Count;
    }

    private static bool IsHeading(string line, out string title)
    {
        title = line;
        // Most lines are body text: decide from the characters before building the cleaned line.
        if (!MayBeHeading(line)) return false;
        var t = line.Replace("*", "").Trim();
        title = t;
        var r = RomanHeading().Match(t);
        if (r.Success) { title = r.Groups["title"].Value; return true; }
        var letters = t.Count(char.IsLetter);
        return letters >= 6 && t.Length < 120 && t.Count(char.IsUpper) >= letters * 0.8;
    }

    /// <summary>
    /// A necessary condition for <see cref="IsHeading"/> on the raw line: a Roman numeral first (after '*' and spaces),
    /// or at least 6 letters, 80 % of them capitals, in under 120 characters once '*' and the edges are gone.
    /// </summary>
    private static bool MayBeHeading(string line)
    {
        if (FirstNonMark(line) is 'I' or 'V' or 'X') return true;
        int letters = 0, upper = 0, kept = 0, first = -1, last = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '*') continue;
            // ASCII answered inline (half the characters of Vietnamese text), the rest by the Unicode tables.
            var space = c < 128 ? c == ' ' || c is >= '\t' and <= '\r' : char.IsWhiteSpace(c);
            if (!space)
            {
                if (first < 0) first = kept;
                last = kept;
            }
            kept++;
            if (c < 128)
            {
                if (c is >= 'A' and <= 'Z') { letters++; upper++; }
                else if (c is >= 'a' and <= 'z') letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
            // Capitals can no longer reach 80 % of the letters even if every character left is one: a body line.
            if (upper + (line.Length - i - 1) < 4 * (letters - upper)) return false;
        }
        return first >= 0 && letters >= 6 && last - first + 1 < 120 && upper >= letters * 0.8;
    }

    /// <summary>The first character that is neither '*' (nor <paramref name="alsoSkip"/>) nor white space ('\0' when none).</summary>
    private static char FirstNonMark(string line, char alsoSkip = '*')
    {
        foreach (var c in line)
        {
            if (c != '*' && c != alsoSkip && !char.IsWhiteSpace(c)) return c;
        }
        return '\0';
    }

    private static bool IsTaskHeading(string title)
    {
        var key = SearchFolding.Fold(title).Replace(" ", "", StringComparison.Ordinal);
        if (NotTaskHeadings.Any(k => key.Contains(k, StringComparison.Ordinal))) return false;
        if (TaskHeadings.Any(k => key.Contains(k, StringComparison.Ordinal))) return true;
        // Approximate only where letters were lost ("P ƯƠNG ƯỚNG, N IỆM V": stray single letters), as damaged text layers and OCR do.
        return key.Length < 80 && LoneLetter().IsMatch(title) && TaskHeadings.Any(k => ApproximateContains(key, k, k.Length >= 9 ? 3 : 2));
    }

    private static bool ApproximateContains(string text, string pattern, int maxEdits)
    {
        // Semi-global edit distance: the pattern anywhere in the text.
        var prev = new int[text.Length + 1];
        var cur = new int[text.Length + 1];
        for (var i = 1; i <= pattern.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= text.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev.Min() <= maxEdits;
    }

    /// <summary>Top-level numbered items between two lines: each one task, its text running to the next item.</summary>
    private static void AddItems(string text, IReadOnlyList<TextLine> lines, int from, int to, List<DocumentTask> into, bool[] covered)
    {
        var starts = new List<int>();
        var expected = 1;
        for (var i = from; i < to; i++)
        {
            // An item starts with its number once '*', '#' and spaces are gone.
            if (!char.IsDigit(FirstNonMark(lines[i].Text, '#'))) continue;
            var m = NumberedItem().Match(lines[i].Text.Replace("*", "").Replace("#", "").Trim());
            if (!m.Success || int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) != expected) continue;
            starts.Add(i);
            expected++;
        }
        for (var k = 0; k < starts.Count; k++)
        {
            var first = starts[k];
            var last = (k + 1 < starts.Count ? starts[k + 1] : to) - 1;
            while (last > first && lines[last].IsBlank) last--;
            var head = NumberedItem().Match(lines[first].Text.Replace("*", "").Replace("#", "").Trim()).Groups["rest"].Value.Trim();
            // A short item line naming a body is the assignee of the block under it ("1. Uỷ ban nhân dân xã").
            string? assignee = null;
            // … but not the first line of a sentence that starts with a body ("1. Ủy ban nhân dân xã xây dựng kế hoạch …").
            if (head.Length < 70 && !head.Contains('.', StringComparison.Ordinal) && LooksLikeBody(head) && !LeadingAssignee().IsMatch(head) && last > first)
                assignee = head.TrimEnd('.', ':');
            for (var c = first; c <= last; c++) covered[c] = true;
            into.Add(Make(text, lines, first, last, assignee));
        }
    }

    private static void AddParagraphs(string text, IReadOnlyList<TextLine> lines, int from, int to, List<DocumentTask> into, bool[] covered)
    {
        foreach (var (first, last) in Paragraphs(lines, from, to))
        {
            var t = lines[first].Text.Trim();
            if (t.Length == 0 || t.StartsWith("Xem", StringComparison.Ordinal)) continue;
            for (var c = first; c <= last; c++) covered[c] = true;
            into.Add(Make(text, lines, first, last, null));
        }
    }

    private static IEnumerable<(int First, int Last)> Paragraphs(IReadOnlyList<TextLine> lines, int from, int to)
    {
        var start = -1;
        for (var i = from; i <= to; i++)
        {
            var blank = i == to || lines[i].IsBlank;
            if (!blank && start < 0) start = i;
            if (blank && start >= 0)
            {
                yield return (start, i - 1);
                start = -1;
            }
        }
    }

    private static bool LooksLikeBody(string s)
    {
        var f = SearchFolding.Fold(s);
        return BodyStart().IsMatch(f);
    }

    private static DocumentTask Make(string text, IReadOnlyList<TextLine> lines, int first, int last, string? assignee)
    {
        var span = new TextSpan(lines[first].Start, lines[last].End);
        var body = Flat(text.AsSpan(span.Start, span.Length));
        body = WithoutItemNumber(body.Replace("*", "")).Trim();
        if (assignee is null)
        {
            var lead = LeadingAssignee().Match(body);
            if (lead.Success) assignee = CleanAssignee(lead.Groups["who"].Value);
            else if (DirectiveSentence().Match(body) is { Success: true } d) assignee = CleanAssignee(d.Groups["who"].Value);
        }
        return new DocumentTask(body.Length > 600 ? body[..600] + "…" : body, assignee is null ? null : BodyNames.ExpandAbbreviations(assignee), FindDeadline(body), span);
    }

    /// <summary>"1. Ủy ban …" → "Ủy ban …": what <c>NumberedItem().Replace(s, "${rest}")</c> gives (the pattern is anchored, so one match at most).</summary>
    private static string WithoutItemNumber(string s)
    {
        var m = NumberedItem().Match(s);
        return m.Success ? string.Concat(s.AsSpan(0, m.Index), m.Groups["rest"].ValueSpan, s.AsSpan(m.Index + m.Length)) : s;
    }

    private static string CleanAssignee(string who)
    {
        var w = Spaces.Collapse(who).Trim().TrimEnd(',', ';');
        // "UBND tỉnh yêu cầu các sở, ban, ngành …": the one asked, not the one asking.
        var asked = AskedBody().Match(w);
        return asked.Success ? asked.Groups["who"].Value : w;
    }

    // A deadline starts with one of these (ignoring case): looked for before the regex runs.
    private static readonly CaselessPhrases DeadlineWords = new(["trước", "chậm nhất", "hạn chót", "hoàn thành trong", "đến tháng"]);

    public static DateOnly? FindDeadline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DeadlineWords.ContainsAny(text)) return null;
        var m = Deadline().Match(text);
        if (!m.Success) return null;
        if (m.Groups["d"].Success) return VietnameseDate.FromParts(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value);
        if (m.Groups["d2"].Success) return VietnameseDate.FromParts(m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value);
        var month = int.Parse(m.Groups["m3"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y3"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : null;
    }

    /// <summary>One space for every run of white space, trimmed.</summary>
    private static string Flat(ReadOnlySpan<char> s)
    {
        // Never longer than the input: each space written stands for at least one white-space character read.
        var rented = s.Length <= 512 ? null : System.Buffers.ArrayPool<char>.Shared.Rent(s.Length);
        Span<char> buffer = rented is null ? stackalloc char[512] : rented;
        var n = 0;
        var space = false;
        foreach (var c in s)
        {
            if (Chars.IsWhiteSpace(c)) { space = n > 0; continue; }
            if (space) buffer[n++] = ' ';
            space = false;
            buffer[n++] = c;
        }
        var flat = new string(buffer[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return flat;
    }
}
