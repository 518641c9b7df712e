using System.Text.RegularExpressions;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Undoes page layout: drops running page headers, footers and page numbers (pages are separated by form feeds),
/// joins lines that a printer wrapped inside a body paragraph, and undoes end-of-line hyphenation where the joined
/// form is a word.
/// Joining is deliberately conservative because the extractors read the header and signature blocks line by line
/// (issuer, "Số:", place and date, title, "Kính gửi:", signer, "Nơi nhận:"): a line is joined to the next only when it
/// is long (a full printed line), mostly lower case, does not end a sentence or clause, is not a header line, and the
/// next line goes on in lower case. Short, upper-case, list and blank-line separated lines are never joined.
/// </summary>
internal sealed partial class LineLayout(SyllableLexicon lexicon, NormalizerOptions options)
{
    /// <summary>Shorter lines are header cells, titles or the last line of a paragraph, never a wrapped line.</summary>
    private const int MinWrappedLineLength = 40;

    [GeneratedRegex(@"^\s*(?:-\s*\d{1,4}\s*-|Trang\s+\d{1,4}(?:\s*/\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberLine();

    [GeneratedRegex(@"^\s*(?:-\s*\d{1,4}\s*-|Trang\s+\d{1,4}(?:\s*/\s*\d{1,4})?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitPageNumberLine();

    // A number may start the next line after these words (Nghị định số⏎04/2015/NĐ-CP).
    private static readonly HashSet<string> NumberIntroducers = new(StringComparer.Ordinal)
    {
        "số", "ngày", "tháng", "năm", "khoản", "điều", "điểm", "mục", "chương", "phần", "khóa", "lần", "quý", "giai", "đoạn", "từ", "đến", "và", "là", "có", "gồm", "đạt", "với", "tại",
    };

    private readonly record struct Line(int Start, int End, int Page);

    public (string, OffsetMap?) Apply(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        if (input.Length == 0) return (input, null);
        var lines = SplitLines(input);
        var drop = options.DropPageFurniture ? FindFurniture(input, lines) : new bool[lines.Count];
        var b = new TextEditBuilder(input);
        var glued = false; // the previous line ended in a hyphen joined without a space: skip this line's indent
        var logicalStart = -1; // start of the line as joined so far: decisions look at it whole, so a second run decides alike
        var logical = default(LineStats);
        var logicalHeader = false;
        for (var li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            if (logicalStart < 0) logicalStart = line.Start;
            if (drop[li])
            {
                repairs.Add((RepairKind.Layout, new TextSpan(line.Start, line.End), input[line.Start..line.End], ""));
            }
            else
            {
                var from = line.Start;
                if (glued) while (from < line.End && input[from] == ' ') from++;
                b.CopyRange(from, line.End);
            }
            glued = false;
            if (line.End >= input.Length) break;
            var brk = line.End; // '\n' or '\f'
            if (input[brk] == '\f')
            {
                logicalStart = -1;
                b.Append('\n', brk, brk + 1);
                b.Append('\n', brk, brk + 1);
                continue;
            }
            if (!drop[li] && options.JoinWrappedLines && li + 1 < lines.Count && !drop[li + 1] && lines[li + 1].Page == line.Page)
            {
                var join = Join.None;
                if (NextLineMayContinue(input, lines[li + 1]))
                {
                    if (logicalStart == line.Start)
                    {
                        logical = default;
                        logicalHeader = IsHeaderLine(input, line);
                    }
                    logical = logical.Add(Measure(input, line));
                    if (!logicalHeader) join = JoinWith(input, line, logical, lines[li + 1]);
                }
                if (join == Join.Space)
                {
                    b.Append(' ', brk, brk + 1);
                    repairs.Add((RepairKind.Layout, new TextSpan(brk, brk + 1), "\n", " "));
                    continue;
                }
                if (join == Join.Dehyphenate)
                {
                    // "thực hi-⏎ện": drop the hyphen the printer added and the line break.
                    var hyphen = LastNonSpace(input, line);
                    while (b.Length > 0 && b[b.Length - 1] is ' ' or '-') b.RemoveLast();
                    repairs.Add((RepairKind.Hyphenation, new TextSpan(hyphen, brk + 1), input[hyphen..(brk + 1)], ""));
                    glued = true;
                    continue;
                }
                if (join == Join.Glue)
                {
                    // A real hyphen at the line end (chính trị-⏎xã hội): keep it, drop the break.
                    repairs.Add((RepairKind.Layout, new TextSpan(brk, brk + 1), "\n", ""));
                    glued = true;
                    continue;
                }
            }
            logicalStart = -1;
            b.Copy(brk);
        }
        return b.Build();
    }

    private static List<Line> SplitLines(string s)
    {
        var lines = new List<Line>(s.AsSpan().Count('\n') + 1);
        var page = 0;
        var start = 0;
        while (start <= s.Length)
        {
            var next = s.AsSpan(start).IndexOfAny('\n', '\f');
            var i = next < 0 ? s.Length : start + next;
            lines.Add(new Line(start, i, page));
            if (i < s.Length && s[i] == '\f') page++;
            start = i + 1;
        }
        return lines;
    }

    /// <summary>Page numbers and running headers/footers: the same line (digits aside) at the top or bottom of many pages.</summary>
    private static bool[] FindFurniture(string s, List<Line> lines)
    {
        var drop = new bool[lines.Count];
        var pages = lines.Count == 0 ? 0 : lines[^1].Page + 1;
        // "- 2 -" and "Trang 2/5" are page numbers wherever they stand (and pages may already be joined).
        for (var i = 0; i < lines.Count; i++)
        {
            var text = s.AsSpan(lines[i].Start, lines[i].End - lines[i].Start).TrimStart(' ');
            drop[i] = text.Length is > 0 and < 16 && text[0] is '-' or 'T' or 't' && ExplicitPageNumberLine().IsMatch(text);
        }
        if (pages < 2) return drop;
        // Up to two non-blank lines at the top and the bottom of each page are candidates.
        var edges = new List<int>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages; p++)
        {
            var onPage = Enumerable.Range(0, lines.Count).Where(i => lines[i].Page == p && !IsBlank(s, lines[i])).ToList();
            var pick = onPage.Take(2).Concat(onPage.Skip(Math.Max(2, onPage.Count - 2))).Distinct().ToList();
            edges.AddRange(pick);
            foreach (var key in pick.Select(i => FurnitureKey(s, lines[i])).Distinct()) counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var needed = Math.Max(2, (pages + 1) / 2);
        foreach (var i in edges)
        {
            var text = s.AsSpan(lines[i].Start, lines[i].End - lines[i].Start);
            if (PageNumberLine().IsMatch(text) || counts[FurnitureKey(s, lines[i])] >= needed && text.Trim().Length >= 3) drop[i] = true;
        }
        return drop;
    }

    private static string FurnitureKey(string s, Line l)
    {
        var chars = s[l.Start..l.End].Trim().Select(c => char.IsDigit(c) ? '#' : c).ToArray();
        return new string(chars);
    }

    private static bool IsBlank(string s, Line l)
    {
        for (var i = l.Start; i < l.End; i++) if (!char.IsWhiteSpace(s[i])) return false;
        return true;
    }

    private static int LastNonSpace(string s, Line l)
    {
        var i = l.End - 1;
        while (i >= l.Start && s[i] == ' ') i--;
        return i;
    }

    /// <summary>Only a line that starts in lower case or with a number can continue the one before it.</summary>
    private static bool NextLineMayContinue(string s, Line next)
    {
        var first = next.Start;
        while (first < next.End && s[first] == ' ') first++;
        return first < next.End && (CharClass.IsLower(s[first]) || char.IsDigit(s[first]));
    }

    /// <summary>Letters, capitals and length (runs of white space counted once) of a line or of lines joined so far.</summary>
    private readonly record struct LineStats(int Length, int Letters, int Upper)
    {
        public LineStats Add(LineStats other) => new(Length + other.Length + (Length > 0 ? 1 : 0), Letters + other.Letters, Upper + other.Upper);
    }

    private static LineStats Measure(string s, Line line)
    {
        int length = 0, letters = 0, upper = 0;
        var start = line.Start;
        var end = line.End;
        while (start < end && CharClass.IsWhiteSpace(s[start])) start++;
        while (end > start && CharClass.IsWhiteSpace(s[end - 1])) end--;
        var previousWhite = false; // s[start] is not white space, so what precedes it does not count
        for (var i = start; i < end; i++)
        {
            var f = CharClass.Of(s[i]);
            var white = (f & CharClass.Bits.WhiteSpace) != 0;
            if (!white || !previousWhite) length++;
            previousWhite = white;
            if ((f & CharClass.Bits.Letter) == 0) continue;
            letters++;
            if ((f & CharClass.Bits.Upper) != 0) upper++;
        }
        return new LineStats(length, letters, upper);
    }

    private static readonly string[] HeaderStarts = ["Số", "V/v", "Về việc", "Kính gửi", "Nơi nhận", "Trích yếu"];

    /// <summary>Lines of the header the extractors read alone: "Số:", "V/v", "Kính gửi:", "Nơi nhận:".</summary>
    private static bool IsHeaderLine(string s, Line line)
    {
        var i = line.Start;
        while (i < line.End && s[i] is ' ' or '*' or '_' or '-') i++;
        var rest = s.AsSpan(i, line.End - i);
        // Every header word starts with S, V, K, N or T (an ASCII letter can only match itself in either case).
        if (rest.Length == 0 || (rest[0] < 0x80 && rest[0] is not ('S' or 's' or 'V' or 'v' or 'K' or 'k' or 'N' or 'n' or 'T' or 't'))) return false;
        foreach (var h in HeaderStarts)
            if (rest.StartsWith(h, StringComparison.OrdinalIgnoreCase) && (rest.Length == h.Length || !char.IsLetter(rest[h.Length]))) return true;
        return false;
    }

    private enum Join { None, Space, Dehyphenate, Glue }

    private Join JoinWith(string s, Line line, LineStats logical, Line next)
    {
        var last = LastNonSpace(s, line);
        if (last < line.Start) return Join.None;
        var first = next.Start;
        while (first < next.End && s[first] == ' ') first++;
        if (first >= next.End || !CharClass.IsLower(s[first]) && !char.IsDigit(s[first])) return Join.None;

        // Hyphenation: "hi-⏎ện" becomes "hiện" when the whole is a syllable of real text and a half is not.
        if (s[last] == '-' && last > line.Start && CharClass.IsLetter(s[last - 1]) && CharClass.IsLower(s[first]))
        {
            var a = last - 1;
            while (a > line.Start && CharClass.IsLetter(s[a - 1])) a--;
            var e = first;
            while (e < next.End && CharClass.IsLetter(s[e])) e++;
            var left = s[a..last];
            var right = s[first..e];
            // (hunspell lists "hi" and "ện" too, so a half counts as broken when real text never uses it.)
            if ((lexicon.Frequency(SyllableLexicon.Key(left)) <= 0 || lexicon.Frequency(SyllableLexicon.Key(right)) <= 0) && lexicon.Frequency(SyllableLexicon.Key(left + right)) > 0)
                return Join.Dehyphenate;
            return IsWrappedBodyLine(s, last, logical) ? Join.Glue : Join.None;
        }
        if (!IsWrappedBodyLine(s, last, logical)) return Join.None;
        if (char.IsDigit(s[first]))
        {
            // Only a number the line asks for: "Nghị định số⏎04/2015/NĐ-CP", "ngày⏎21/6/2024".
            var w = last;
            while (w > line.Start && CharClass.IsLetter(s[w - 1])) w--;
            if (!char.IsLetter(s[last]) || !NumberIntroducers.Contains(s[w..(last + 1)].ToLowerInvariant())) return Join.None;
            // ... but not a numbered item: "2. Thực hiện", "3) Tổ chức".
            var d = first;
            while (d < next.End && char.IsDigit(s[d])) d++;
            if (d < next.End && s[d] is '.' or ')' && (d + 1 == next.End || s[d + 1] == ' ')) return Join.None;
        }
        return Join.Space;
    }

    /// <summary>A full-width body line (as joined so far) that does not end its sentence or clause.</summary>
    private static bool IsWrappedBodyLine(string s, int last, LineStats logical)
    {
        if (logical.Length < MinWrappedLineLength) return false;
        if (s[last] is '.' or ':' or ';' or '!' or '?' or '*' or '"' or '”' or ')' or ']') return false;
        return logical.Letters > 0 && logical.Upper * 2 <= logical.Letters;
    }
}
