using System.Globalization;
using System.Text;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Turns raw text (a PDF text layer, OCR output, a web page, an old TCVN3 file) into the clean text every extractor
/// reads, with an <see cref="OffsetMap"/> back to the raw text and every repair recorded. The passes run in this order:
/// legacy encodings (before anything strips the soft hyphen that is TCVN3's ư), Unicode (NFC, look-alikes, dashes,
/// spaces, invisibles, ƣ → ư), markup residue, symbols cut at a line end, dropped PDF glyphs (before white space is
/// collapsed: the extra spaces are the evidence), page layout, white space, canonical tone placement.
/// Pure and thread-safe.
/// </summary>
public sealed class VietnameseNormalizer
{
    public static readonly VietnameseNormalizer Default = new(NormalizerOptions.Default);

    private readonly Lazy<SyllableLexicon> _lexicon;

    public VietnameseNormalizer(NormalizerOptions options)
        : this(options, null)
    {
    }

    internal VietnameseNormalizer(NormalizerOptions options, SyllableLexicon? lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _lexicon = lexicon is null ? new Lazy<SyllableLexicon>(() => SyllableLexicon.Embedded) : new Lazy<SyllableLexicon>(lexicon);
    }

    public NormalizerOptions Options { get; }

    private delegate (string Text, OffsetMap? Map) Pass(string input, List<(RepairKind, TextSpan, string, string)> repairs);

    /// <summary>The passes in the order they run, with the names <see cref="Normalize(string, long[])"/> reports timings under.</summary>
    public IReadOnlyList<string> PassNames => [.. Passes().Select(p => p.Name)];

    private IEnumerable<(string Name, Pass Run)> Passes()
    {
        if (Options.RepairLegacyEncodings) yield return ("encoding", new LegacyEncodingRepair(_lexicon.Value).Apply);
        yield return ("unicode", UnicodePass);
        if (Options.StripMarkup) yield return ("markup", MarkupPass);
        if (Options.JoinBrokenSymbols) yield return ("symbols", SymbolJoinPass);
        if (Options.RepairDroppedGlyphs) yield return ("glyphs", new DroppedGlyphRepair(_lexicon.Value).Apply);
        yield return ("layout", new LineLayout(_lexicon.Value, Options).Apply);
        yield return ("whitespace", WhitespacePass);
        if (Options.CanonicalTones) yield return ("tones", TonePass);
    }

    public NormalizedText Normalize(string raw) => Normalize(raw, null);

    /// <summary>Normalises <paramref name="raw"/>; when <paramref name="passTicks"/> is given, adds each pass's elapsed Stopwatch ticks to it (same order as <see cref="PassNames"/>).</summary>
    public NormalizedText Normalize(string raw, long[]? passTicks)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var repairs = new List<TextRepair>();
        var text = raw;
        OffsetMap? map = null; // null while the text is still the raw text character for character
        var local = new List<(RepairKind Kind, TextSpan Span, string Before, string After)>();
        var index = 0;
        foreach (var (_, pass) in Passes())
        {
            var t0 = passTicks is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            local.Clear();
            var (next, passMap) = pass(text, local);
            foreach (var r in local) repairs.Add(new TextRepair(r.Kind, map is null ? r.Span : map.ToRaw(r.Span), r.Before, r.After));
            if (passMap is not null)
            {
                map = map is null ? passMap : passMap.After(map);
                text = next;
            }
            if (passTicks is not null) passTicks[index] += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
            index++;
        }
        return new NormalizedText(raw, text, map ?? OffsetMap.Identity(raw.Length), repairs);
    }

    private static bool IsDash(char c) => c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D';

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F';

    private static bool IsOddSpace(char c) => c is '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u2004' or '\u2005' or '\u2006' or '\u2008' or '\u205F' or '\u3000' or '\t' or '\v';

    private static char MapChar(char c) => c switch
    {
        '\u01A3' => 'ư', // ƣ LATIN SMALL LETTER OI: broken ToUnicode maps in PDF fonts (GUIDE §5.4)
        '\u01A2' => 'Ư',
        '\u00D0' => 'Đ', // Icelandic eth: VISCII or OCR look-alike of Đ
        '\u00F0' => 'đ',
        '\u0189' => 'Đ', // African D
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        '\u2044' or '\u2215' => '/',
        '\u2028' or '\u2029' => '\n',
        _ when IsDash(c) => '-',
        _ when IsOddSpace(c) => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII
        _ => c,
    };

    /// <summary>Cyrillic and Greek letters drawn like Latin ones; replaced only inside a word that has Latin letters.</summary>
    private static char LatinLookAlike(char c) => c switch
    {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'х' => 'x', 'у' => 'y', 'і' => 'i', 'ј' => 'j', 'ѕ' => 's',
        'ԁ' => 'd', 'һ' => 'h', 'ӏ' => 'l', 'ԛ' => 'q', 'ԝ' => 'w',
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P', 'С' => 'C', 'Т' => 'T',
        'Х' => 'X', 'У' => 'Y', 'І' => 'I', 'Ј' => 'J', 'Ѕ' => 'S',
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N', 'Ο' => 'O',
        'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X', 'ο' => 'o', 'ν' => 'v',
        _ => '\0',
    };

    private static bool IsLatinLetter(char c) => char.IsLetter(c) && (c < 0x0250 || c is >= '\u1E00' and <= '\u1EFF');

    private static bool IsCombining(char c) => CharClass.IsCombining(c);

    /// <summary>A character the Unicode pass keeps as it is (when no combining mark follows it).</summary>
    private static bool IsPlain(char c) =>
        c < PlainTableSize ? PlainTable[c] : !IsCombining(c) && MapChar(c) == c && !IsInvisible(c) && !char.IsControl(c) && !char.IsSurrogate(c);

    /// <summary>True when the word around <paramref name="at"/> has a Latin letter (so a Cyrillic "о" in it is a look-alike).</summary>
    private static bool InLatinWord(string s, int at)
    {
        for (var k = at - 1; k >= 0 && (char.IsLetter(s[k]) || IsCombining(s[k])); k--) if (IsLatinLetter(s[k])) return true;
        for (var k = at + 1; k < s.Length && (char.IsLetter(s[k]) || IsCombining(s[k])); k++) if (IsLatinLetter(s[k])) return true;
        return false;
    }

    // Characters that pass the Unicode pass unchanged (when no combining mark follows): one lookup on the hot path.
    private const int PlainTableSize = 0x2100;
    private static readonly bool[] PlainTable = BuildPlainTable();

    private static bool[] BuildPlainTable()
    {
        var t = new bool[PlainTableSize];
        for (var c = 0; c < PlainTableSize; c++)
        {
            var ch = (char)c;
            t[c] = ch == '\n' || (!char.IsControl(ch) && !IsCombining(ch) && MapChar(ch) == ch && !IsInvisible(ch) && LatinLookAlike(ch) == '\0');
        }
        return t;
    }

    /// <summary>NFC per cluster (so NFD input composes), look-alike letters, dashes, spaces, invisible characters.</summary>
    private static (string, OffsetMap?) UnicodePass(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var b = new TextEditBuilder(input);
        var i = 0;
        var n = input.Length;
        while (i < n)
        {
            // Fast path: a run of characters that stay as they are (one table lookup each), less its last character when a
            // combining mark follows it (that character starts a cluster).
            var runEnd = i;
            while (runEnd < n && IsPlain(input[runEnd])) runEnd++;
            if (runEnd > i)
            {
                if (runEnd < n && IsCombining(input[runEnd])) runEnd--;
                b.CopyRange(i, runEnd);
                i = runEnd;
                if (i == n) break;
            }
            var c = input[i];
            if (c == '\r')
            {
                // CRLF and lone CR become LF.
                var end = i + 1 < n && input[i + 1] == '\n' ? i + 2 : i + 1;
                b.Append('\n', i, end);
                i = end;
                continue;
            }
            if (c == '\f')
            {
                b.Copy(i); // a page break, read by the layout pass
                i++;
                continue;
            }
            if (IsInvisible(c) || (char.IsControl(c) && c is not ('\n' or '\t' or '\v')))
            {
                repairs.Add((RepairKind.Unicode, new TextSpan(i, i + 1), c.ToString(), ""));
                i++;
                continue;
            }
            // A cluster: a base character and the combining marks after it.
            var j = i + 1;
            while (j < n && IsCombining(input[j])) j++;
            if (char.IsHighSurrogate(c) && j < n && char.IsLowSurrogate(input[j]) && j == i + 1) j++;
            var cluster = input[i..j];
            var lookAlike = LatinLookAlike(c);
            var kind = RepairKind.Unicode;
            var based = cluster;
            if (lookAlike != '\0' && InLatinWord(input, i)) based = lookAlike + cluster[1..];
            var composed = j - i > 1 ? based.Normalize(NormalizationForm.FormC) : based;
            var sb = new StringBuilder(composed.Length);
            foreach (var ch in composed) sb.Append(MapChar(ch));
            var result = sb.ToString();
            if (result != cluster)
            {
                if (cluster.Any(ch => ch is '\u01A3' or '\u01A2')) kind = RepairKind.Glyph;
                repairs.Add((kind, new TextSpan(i, j), cluster, result));
            }
            if (result == cluster) b.CopyRange(i, j);
            else b.Append(result, i, j);
            i = j;
        }
        return b.Build();
    }

    private static readonly System.Buffers.SearchValues<char> MarkupChars = System.Buffers.SearchValues.Create("*#|\\_");

    /// <summary>Markdown and table residue of web-to-text conversion: **bold**, \*, leading #, | cells |, --- rules.</summary>
    private static (string, OffsetMap?) MarkupPass(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var b = new TextEditBuilder(input);
        var lineStart = 0;
        var nextMark = -1; // the first markup character at or after lineStart (searched once per occurrence, not per line)
        while (lineStart <= input.Length)
        {
            var nl = input.AsSpan(lineStart).IndexOfAny('\n', '\f'); // a form feed (page break) ends a line too
            var lineEnd = nl < 0 ? input.Length : lineStart + nl;
            if (nextMark < lineStart)
            {
                var k = input.AsSpan(lineStart).IndexOfAny(MarkupChars);
                nextMark = k < 0 ? int.MaxValue : lineStart + k;
            }
            if (nextMark >= lineEnd && !StartsLikeRule(input, lineStart, lineEnd)) b.CopyRange(lineStart, lineEnd);
            else MarkupLine(input, lineStart, lineEnd, b, repairs);
            if (nl < 0) break;
            b.Copy(lineEnd);
            lineStart = lineEnd + 1;
        }
        return b.Build();
    }

    /// <summary>The first character after the indent starts a horizontal rule or a table separator (---, ===, :--).</summary>
    private static bool StartsLikeRule(string s, int start, int end)
    {
        var first = start;
        while (first < end && s[first] == ' ') first++;
        return first < end && (s[first] is '-' or '=' or ':' || IsDash(s[first]));
    }

    /// <summary>
    /// A horizontal rule or table separator: three or more rule marks ('-' or any dash the dash pass turns into one, '=',
    /// '_'), with colons, spaces and emphasis stars between ("––*–" is "---" once the stars and dashes are cleaned, and
    /// must go in the same pass for the normaliser to be idempotent). A star line ("* *") has no rule mark and stays.
    /// </summary>
    private static bool IsRule(ReadOnlySpan<char> cell)
    {
        var marks = 0;
        foreach (var c in cell)
        {
            if (c is '-' or '=' or '_' || IsDash(c)) marks++;
            else if (c is not (':' or ' ' or '*')) return false;
        }
        return marks >= 3;
    }

    private static void MarkupLine(string s, int start, int end, TextEditBuilder b, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        // Fast path: nothing that can be markup on this line.
        if (s.AsSpan(start, end - start).IndexOfAny(MarkupChars) < 0 && !StartsLikeRule(s, start, end))
        {
            b.CopyRange(start, end);
            return;
        }
        // Table cells become lines of their own, so header cells read like the lines of a printed header.
        var cellStart = start;
        for (var i = start; i <= end; i++)
        {
            var boundary = i == end || (s[i] == '|' && !(i > start && s[i - 1] == '\\'));
            if (!boundary) continue;
            MarkupCell(s, cellStart, i, b, repairs);
            if (i < end)
            {
                repairs.Add((RepairKind.Markup, new TextSpan(i, i + 1), "|", "\n"));
                b.Append('\n', i, i + 1);
            }
            cellStart = i + 1;
        }
    }

    private static void MarkupCell(string s, int start, int end, TextEditBuilder b, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var trimmed = s.AsSpan(start, end - start).Trim();
        // Horizontal rules and table separators carry no text.
        if (IsRule(trimmed))
        {
            repairs.Add((RepairKind.Markup, new TextSpan(start, end), s[start..end], ""));
            return;
        }
        // The Party star line ("*" or "* *") stays: it marks the end of the issuer block.
        if (trimmed.Length > 0 && IsStarLine(trimmed))
        {
            for (var j = start; j < end; j++)
            {
                if (s[j] == '\\') repairs.Add((RepairKind.Markup, new TextSpan(j, j + 1), "\\", ""));
                else b.Copy(j);
            }
            return;
        }
        var i = start;
        // Leading heading marks and emphasis, however many and in whatever order ("**#", "### **").
        while (true)
        {
            var k = i;
            while (k < end && s[k] == ' ') k++;
            if (k >= end) break;
            int h;
            if (s[k] == '\\' && k + 1 < end && s[k + 1] is '*' or '#' or '_' or '|')
            {
                h = k + 2;
            }
            else if (s[k] is '#' or '*' or '_')
            {
                h = k;
                while (h < end && s[h] == s[k]) h++;
                if (s[k] == '#' && h < end && s[h] is not (' ' or '*' or '\\' or '_')) break;
                if (s[k] == '_' && h - k < 2) break;
            }
            else
            {
                break;
            }
            b.CopyRange(i, k);
            repairs.Add((RepairKind.Markup, new TextSpan(k, h), s[k..h], ""));
            i = h;
        }
        while (i < end)
        {
            // Text between markup characters goes as one run.
            var next = s.AsSpan(i, end - i).IndexOfAny('\\', '*', '_');
            if (next < 0)
            {
                b.CopyRange(i, end);
                break;
            }
            b.CopyRange(i, i + next);
            i += next;
            var c = s[i];
            if (c == '\\' && i + 1 < end && "*_#|".Contains(s[i + 1]))
            {
                // An escaped markup character is markup residue too.
                repairs.Add((RepairKind.Markup, new TextSpan(i, i + 2), s.Substring(i, 2), ""));
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < end && ".-[]()`>!+".Contains(s[i + 1]))
            {
                repairs.Add((RepairKind.Markup, new TextSpan(i, i + 1), "\\", ""));
                i++;
                b.Copy(i);
                i++;
                continue;
            }
            if (c == '*' || (c == '_' && i + 1 < end && s[i + 1] == '_'))
            {
                var run = i;
                while (run < end && s[run] == c) run++;
                // "(*)" is a footnote mark, not emphasis.
                var footnote = c == '*' && i > start && s[i - 1] == '(' && run < end && s[run] == ')';
                if (footnote)
                {
                    b.CopyRange(i, run);
                }
                else
                {
                    repairs.Add((RepairKind.Markup, new TextSpan(i, run), s[i..run], ""));
                }
                i = run;
                continue;
            }
            b.Copy(i);
            i++;
        }
    }


    /// <summary>Only stars and spaces, a star possibly escaped ("\\*").</summary>
    private static bool IsStarLine(ReadOnlySpan<char> t)
    {
        for (var k = 0; k < t.Length; k++)
        {
            if (t[k] is '*' or ' ') continue;
            if (t[k] == '\\' && k + 1 < t.Length && t[k + 1] == '*')
            {
                k++;
                continue;
            }
            return false;
        }
        return true;
    }

    /// <summary>Joins "18-⏎NQ/TW" and "34/2007/PL-⏎UBTVQH11": a symbol cut after a hyphen at a line end.</summary>
    private static (string, OffsetMap?) SymbolJoinPass(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var b = new TextEditBuilder(input);
        var i = 0;
        while (i < input.Length)
        {
            // Only a hyphen can start a join: copy up to the next one (vectorised search).
            var hyphen = input.AsSpan(i).IndexOf('-');
            if (hyphen < 0) break;
            b.CopyRange(i, i + hyphen);
            i += hyphen;
            if (i > 0 && IsSymbolChar(input[i - 1]))
            {
                var j = i + 1;
                while (j < input.Length && input[j] == ' ') j++;
                if (j < input.Length && input[j] is '\n' or '\f')
                {
                    var k = j;
                    while (k < input.Length && input[k] is '\n' or '\f' or ' ') k++;
                    if (k < input.Length && LooksLikeSymbolTail(input, k))
                    {
                        b.Copy(i);
                        repairs.Add((RepairKind.Hyphenation, new TextSpan(i + 1, k), input[(i + 1)..k], ""));
                        i = k;
                        continue;
                    }
                }
            }
            b.Copy(i);
            i++;
        }
        b.CopyRange(i, input.Length);
        return b.Build();
    }

    private static bool IsSymbolChar(char c) => char.IsDigit(c) || (char.IsUpper(c) && c <= 'Ỹ');

    private static bool LooksLikeSymbolTail(string s, int k)
    {
        // The next token is capitals/digits with a '/' or '-' inside or straight after: NQ/TW, UBTVQH11, CP.
        var e = k;
        while (e < s.Length && (char.IsLetterOrDigit(s[e]) || s[e] is '/' or '-')) e++;
        var token = s[k..e].TrimEnd('.', ',', ';');
        if (token.Length < 2) return false;
        var letters = token.Where(char.IsLetter).ToArray();
        if (letters.Length == 0) return false;
        // Symbols are written in ASCII capitals and Đ (NQ/TW, NĐ-CP); "KIẾN" after "18-" is a new line, not a tail.
        if (letters.Any(c => c > 127 && c != 'Đ')) return false;
        var upper = letters.Count(char.IsUpper);
        return upper >= letters.Length - 1 && upper >= 2 && (token.Contains('/') || token.Contains('-') || token.Any(char.IsDigit) || e - k <= 6);
    }

    /// <summary>One space between words, no trailing spaces, at most one blank line, no leading or trailing blank lines.</summary>
    private static (string, OffsetMap?) WhitespacePass(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var b = new TextEditBuilder(input);
        var next = new IrregularWhitespace(input);
        var tail = input.AsSpan().TrimEnd(" \n").Length; // after the last character that is not white space
        var pendingSpace = -1;
        var newlines = 0;
        var firstNewline = -1;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == ' ')
            {
                if (pendingSpace < 0) pendingSpace = i;
                i++;
                continue;
            }
            if (c == '\n')
            {
                if (newlines == 0) firstNewline = i;
                newlines++;
                pendingSpace = -1;
                i++;
                continue;
            }
            if (b.Length > 0)
            {
                // Copy (not Append) the kept white space so unchanged text stays on the builder's no-copy path.
                if (newlines > 0)
                {
                    b.Copy(firstNewline);
                    if (newlines > 1)
                    {
                        if (input[firstNewline + 1] == '\n') b.Copy(firstNewline + 1);
                        else b.Append('\n', firstNewline, firstNewline + 1);
                    }
                }
                else if (pendingSpace >= 0)
                {
                    b.Copy(pendingSpace);
                }
            }
            newlines = 0;
            pendingSpace = -1;
            // Everything up to the next irregular white space stays as it is: one run. (Back to the start of that
            // white space, so the loop above reads all of it; the character before it is not white space.)
            var end = Math.Min(next.From(i), tail);
            while (end > i + 1 && input[end - 1] is ' ' or '\n') end--;
            b.CopyRange(i, Math.Max(end, i + 1));
            i = Math.Max(end, i + 1);
        }
        return b.Build();
    }

    /// <summary>
    /// Where white space is not already one space or one or two line breaks between words: two spaces, a space
    /// before or after a line break, three line breaks. Each pattern is searched (vectorised) once per occurrence.
    /// </summary>
    private struct IrregularWhitespace(string text)
    {
        private int _doubleSpace = -1, _spaceBreak = -1, _breakSpace = -1, _threeBreaks = -1;

        public int From(int at) =>
            Math.Min(Math.Min(Find(text, "  ", ref _doubleSpace, at), Find(text, " \n", ref _spaceBreak, at)),
                Math.Min(Find(text, "\n ", ref _breakSpace, at), Find(text, "\n\n\n", ref _threeBreaks, at)));

        private static int Find(string text, string pattern, ref int cached, int at)
        {
            if (cached >= at) return cached;
            var k = text.AsSpan(at).IndexOf(pattern, StringComparison.Ordinal);
            cached = k < 0 ? int.MaxValue : at + k;
            return cached;
        }
    }

    /// <summary>One tone placement for every syllable (hoà → hòa, Uỷ → Ủy, họach → hoạch).</summary>
    private static (string, OffsetMap?) TonePass(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var b = new TextEditBuilder(input);
        var i = 0; // everything before i is done
        var search = 0;
        while (search < input.Length)
        {
            // Only a word with a toned vowel can need a change, and only when a vowel stands next to that one: a mark on
            // a lone vowel is on the nucleus of a one-vowel syllable (or the word is no syllable), where it belongs.
            var toned = search;
            while (toned < input.Length && !VietnameseSyllable.IsTonedVowel(input[toned])) toned++;
            if (toned == input.Length) break;
            search = toned + 1;
            if (!(toned > 0 && VietnameseSyllable.IsVowel(input[toned - 1])) && !(toned + 1 < input.Length && VietnameseSyllable.IsVowel(input[toned + 1])))
                continue;
            var start = toned;
            while (start > i && CharClass.IsLetter(input[start - 1])) start--;
            var j = toned + 1;
            while (j < input.Length && CharClass.IsLetter(input[j])) j++;
            b.CopyRange(i, start);
            i = j;
            search = j;
            var span = input.AsSpan(start, j - start);
            if (!VietnameseSyllable.MayNeedCanonicalTone(span) || VietnameseSyllable.IsCanonicalTone(span))
            {
                b.CopyRange(start, j);
                continue;
            }
            var word = input[start..j];
            if (VietnameseSyllable.TryCanonicalize(word, out var canonical) && canonical != word && canonical.Length == word.Length)
            {
                repairs.Add((RepairKind.Tone, new TextSpan(start, j), word, canonical));
                for (var k = 0; k < canonical.Length; k++) b.Append(canonical[k], start + k, start + k + 1);
            }
            else
            {
                b.CopyRange(start, j);
            }
        }
        b.CopyRange(i, input.Length);
        return b.Build();
    }
}
