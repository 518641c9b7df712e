using System.Text;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Restores letters a PDF font dropped from its text layer. Such fonts print a space for every glyph they cannot map,
/// so "CHỦ NGHĨA" comes out as "CH  NG Ĩ " and "THỰC HIỆN" as "T ỰC  IỆN" (seed 001): each lost letter is one space.
/// A space is a candidate only with physical evidence (two spaces in a row, or a neighbour that is not a syllable);
/// every candidate reading must consist of real Vietnamese syllables, and the reading is scored with syllable and
/// syllable-pair frequencies learnt from real administrative text. The text is changed only when one reading beats
/// both the text as it stands and every other reading by a wide margin, so valid text is never "repaired".
/// </summary>
internal sealed class DroppedGlyphRepair(SyllableLexicon lexicon)
{
    /// <summary>−log of the prior that a space is a lost glyph: each restored letter must pay for itself.</summary>
    private const double InsertionCost = 4.0;

    /// <summary>How much better (in nats: ×20) the chosen reading must be than the text as it stands.</summary>
    private const double Margin = 3.0;

    /// <summary>How much better (×7) it must be than the next best restoration.</summary>
    private const double RunnerUpMargin = 2.0;

    /// <summary>
    /// Cost of a run of spaces left unexplained between two words in a run that has a broken word: in such a run each
    /// lost glyph left exactly one space, so "DÂN C   TRỰC" is CHỦ + space, not CƯ + two spaces.
    /// </summary>
    private const double ExtraSpaceCost = 6.0;

    private const int MaxInsertedPerToken = 2;
    private const int MaxSegmentations = 4000;

    // Letters a lost glyph can be: Vietnamese consonants and every vowel with every tone.
    private static readonly char[] Alphabet = BuildAlphabet();

    private static char[] BuildAlphabet()
    {
        var letters = new List<char>("bcdđghklmnpqrstvx");
        foreach (var row in new[] { "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ" })
            letters.AddRange(row);
        return [.. letters];
    }

    public (string, OffsetMap?) Apply(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        TextEditBuilder? b = null;
        Lazy<DocumentCounts>? document = null;
        var copied = 0;
        var from = 1;
        // One scan of the document for evidence of lost glyphs; only the lines that have some are looked at whole.
        while (from < input.Length)
        {
            var at = NextEvidence(input, from);
            if (at < 0) break;
            var lineStart = input.LastIndexOf('\n', at) + 1;
            var nl = input.IndexOf('\n', at);
            var lineEnd = nl < 0 ? input.Length : nl;
            from = lineEnd + 1;
            if (!HasVietnameseLetter(input, lineStart, lineEnd)) continue;
            document ??= new Lazy<DocumentCounts>(() => CountDocument(input), LazyThreadSafetyMode.None);
            foreach (var edit in RepairLine(input, lineStart, lineEnd, document))
            {
                b ??= new TextEditBuilder(input);
                b.CopyRange(copied, edit.Start);
                for (var k = 0; k < edit.Text.Length; k++) b.Append(edit.Text[k], edit.Sources[k], edit.Sources[k] + 1);
                repairs.Add((RepairKind.Glyph, new TextSpan(edit.Start, edit.End), input[edit.Start..edit.End], edit.Text));
                copied = edit.End;
            }
        }
        if (b is null) return (input, null);
        b.CopyRange(copied, input.Length);
        return b.Build();
    }

    /// <summary>The syllables and pairs of the document's lines, read only where words are separated by single spaces.</summary>
    private DocumentCounts CountDocument(string s)
    {
        var counts = new DocumentCounts();
        string? previous = null;
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetter(s[i]))
            {
                if (!(s[i] == ' ' && i > 0 && char.IsLetter(s[i - 1]) && i + 1 < s.Length && char.IsLetter(s[i + 1]))) previous = null;
                i++;
                continue;
            }
            var j = i;
            while (j < s.Length && char.IsLetter(s[j])) j++;
            var key = SyllableLexicon.Key(s[i..j]);
            if (lexicon.Contains(key))
            {
                counts.Add(previous, key);
                previous = key;
            }
            else
            {
                previous = null;
            }
            i = j;
        }
        return counts;
    }

    /// <summary>
    /// The next space (from <paramref name="from"/> on, which is at least 1) that is evidence of a lost glyph on its
    /// line: a run of two or more spaces next to a letter, or a short vowelless fragment next to a letter; -1 if none.
    /// A line with evidence is damaged when it has Vietnamese letters (<see cref="HasVietnameseLetter"/>).
    /// </summary>
    private static int NextEvidence(string s, int from)
    {
        var n = s.Length;
        for (var i = from; i < n; i++)
        {
            if (s[i] != ' ') continue;
            var before = s[i - 1];
            if (before is ' ' or '\n') continue; // not the first space of a run, or at a line start
            if (i + 1 < n && s[i + 1] == ' ')
            {
                // Two or more spaces next to a letter (on the same line).
                var j = i;
                while (j < n && s[j] == ' ') j++;
                if (j < n && s[j] != '\n' && (CharClass.IsLetter(s[j]) || CharClass.IsLetter(before))) return i;
                i = j - 1;
                continue;
            }
            // A vowelless fragment (T, NG, CH) before the rest of its syllable ("T ỰC", "NG Ị") or at a line end ("V ");
            // not an abbreviation in a sentence ("VB này", "khóa XV;"), which is followed by a consonant or punctuation.
            if (!(i + 1 == n || s[i + 1] == '\n' || VietnameseSyllable.IsVowel(s[i + 1]))) continue;
            var a = i - 1;
            if (!CharClass.IsLetter(s[a]) || VietnameseSyllable.IsVowel(s[a])) continue;
            if (a > 0 && CharClass.IsLetter(s[a - 1]))
            {
                a--;
                if (VietnameseSyllable.IsVowel(s[a]) || (a > 0 && CharClass.IsLetter(s[a - 1]))) continue;
            }
            if (a == 0 || s[a - 1] is ' ' or '\n') return i;
        }
        return -1;
    }

    private static bool HasVietnameseLetter(string s, int start, int end)
    {
        for (var i = start; i < end; i++) if (s[i] >= 0x80 && CharClass.IsLetter(s[i])) return true;
        return false;
    }

    private sealed record Edit(int Start, int End, string Text, int[] Sources);

    /// <summary>A token of the line: a run of letters.</summary>
    private readonly record struct Token(int Start, int End);

    /// <summary>How one gap of spaces is read: letters taken by the left token, spaces kept, letters taken by the right token.</summary>
    private readonly record struct GapChoice(int Left, int Kept, int Right);

    private IEnumerable<Edit> RepairLine(string s, int lineStart, int lineEnd, Lazy<DocumentCounts> document)
    {
        var tokens = new List<Token>();
        for (var i = lineStart; i < lineEnd;)
        {
            if (!char.IsLetter(s[i])) { i++; continue; }
            var j = i;
            while (j < lineEnd && char.IsLetter(s[j])) j++;
            tokens.Add(new Token(i, j));
            i = j;
        }
        // Chains: tokens separated by nothing but spaces.
        var edits = new List<Edit>();
        var c0 = 0;
        while (c0 < tokens.Count)
        {
            var c1 = c0;
            while (c1 + 1 < tokens.Count && OnlySpaces(s, tokens[c1].End, tokens[c1 + 1].Start)) c1++;
            edits.AddRange(RepairChain(s, lineStart, lineEnd, tokens.GetRange(c0, c1 - c0 + 1), document));
            c0 = c1 + 1;
        }
        return edits;
    }

    private static bool OnlySpaces(string s, int from, int to)
    {
        if (to <= from) return false;
        for (var i = from; i < to; i++) if (s[i] != ' ') return false;
        return true;
    }

    private bool IsFragment(string s, Token t) => !lexicon.ContainsWord(s.AsSpan(t.Start, t.End - t.Start));

    private List<Edit> RepairChain(string s, int lineStart, int lineEnd, List<Token> chain, Lazy<DocumentCounts> document)
    {
        var n = chain.Count;
        // Gap g (0..n) lies before token g; gap 0 is the lead-in of the first token, gap n the tail of the last.
        var options = new List<GapChoice>[n + 1];
        var fragment = new bool[n];
        for (var t = 0; t < n; t++) fragment[t] = IsFragment(s, chain[t]);
        for (var g = 0; g <= n; g++) options[g] = GapOptions(s, lineStart, lineEnd, chain, fragment, g);

        var edits = new List<Edit>();
        // Islands: runs of tokens whose gaps offer more than keeping the spaces, solved one by one with their neighbours as context.
        var t0 = 0;
        while (t0 < n)
        {
            if (options[t0].Count <= 1 && options[t0 + 1].Count <= 1) { t0++; continue; }
            var t1 = t0;
            while (t1 + 1 < n && options[t1 + 1].Count > 1) t1++;
            var edit = SolveIsland(s, lineStart, chain, options, t0, t1, document);
            if (edit is not null) edits.AddRange(edit);
            t0 = t1 + 1;
        }
        return edits;
    }

    private static List<GapChoice> GapOptions(string s, int lineStart, int lineEnd, List<Token> chain, bool[] fragment, int g)
    {
        var n = chain.Count;
        var list = new List<GapChoice>();
        if (g == 0)
        {
            // Lead-in: spaces after punctuation ("3.  oạt động"); one space stays.
            var start = chain[0].Start;
            var k = start;
            while (k > lineStart && s[k - 1] == ' ') k--;
            var spaces = start - k;
            list.Add(new GapChoice(0, spaces, 0));
            if (k > lineStart && spaces >= 2)
                for (var b = 1; b <= Math.Min(MaxInsertedPerToken, spaces - 1); b++) list.Add(new GapChoice(0, spaces - b, b));
            return list;
        }
        if (g == n)
        {
            // Tail: spaces before punctuation or the line end ("NHIỆM V  NĂM" is inside; "V " at a line end is a tail).
            var end = chain[n - 1].End;
            var k = end;
            while (k < lineEnd && s[k] == ' ') k++;
            var spaces = k - end;
            list.Add(new GapChoice(0, spaces, 0));
            var atLineEnd = k == lineEnd;
            var usable = atLineEnd ? (fragment[n - 1] ? spaces : 0) : spaces - 1;
            for (var a = 1; a <= Math.Min(MaxInsertedPerToken, usable); a++) list.Add(new GapChoice(a, spaces - a, 0));
            return list;
        }
        var l = chain[g].Start - chain[g - 1].End;
        list.Add(new GapChoice(0, l, 0));
        if (l >= 2)
        {
            for (var a = 0; a <= Math.Min(MaxInsertedPerToken, l - 1); a++)
                for (var b = 0; a + b <= l - 1 && b <= MaxInsertedPerToken; b++)
                    if (a + b > 0) list.Add(new GapChoice(a, l - a - b, b));
        }
        if (l <= 2 && (fragment[g - 1] || fragment[g])) list.Add(new GapChoice(l, 0, 0)); // joined: the spaces were letters
        return list;
    }

    /// <summary>One output token of a reading: its letters (wildcards '\0' for restored ones) and where each came from.</summary>
    private sealed record Piece(string Pattern, int[] Sources, int Inserted, bool Upper, bool SentenceStart);

    private sealed record Reading(double Cost, string Text, List<Piece> Pieces, List<(string Surface, int[] Sources)> Chosen);

    private List<Edit>? SolveIsland(string s, int lineStart, List<Token> chain, List<GapChoice>[] options, int t0, int t1, Lazy<DocumentCounts> document)
    {
        var left = t0 > 0 ? SyllableLexicon.Key(s[chain[t0 - 1].Start..chain[t0 - 1].End]) : null;
        var right = t1 + 1 < chain.Count ? SyllableLexicon.Key(s[chain[t1 + 1].Start..chain[t1 + 1].End]) : null;
        // The gaps of the island: the lead-in of t0 (only when t0 starts the chain), those between its tokens, the tail of t1 (only at the chain end).
        var firstGap = t0;
        var lastGap = t1 + 1;
        var leadIn = t0 == 0;
        var tail = t1 + 1 == chain.Count;

        var damaged = Enumerable.Range(t0, t1 - t0 + 1).Any(t => IsFragment(s, chain[t]));
        var readings = new List<Reading>();
        var segmentations = new List<(List<Piece> Pieces, double Extra)>();
        var candidateCache = new Dictionary<string, List<(string Surface, double Cost, string Key)>>();
        var choices = new GapChoice[lastGap - firstGap + 1];
        var count = 0;

        void Recurse(int gi)
        {
            if (count > MaxSegmentations) return;
            if (gi == choices.Length)
            {
                count++;
                var pieces = BuildPieces(s, lineStart, chain, t0, t1, choices, leadIn, tail);
                if (pieces is null || pieces.Any(p => CandidatesOf(p, candidateCache).Count == 0)) return;
                var extra = 0.0;
                if (damaged)
                    for (var k = 0; k < choices.Length; k++)
                        if (!(k == 0 && leadIn) && !(k == choices.Length - 1 && tail)) extra += Math.Max(0, choices[k].Kept - 1) * ExtraSpaceCost;
                segmentations.Add((pieces, extra));
                return;
            }
            var g = firstGap + gi;
            var opts = options[g];
            if ((gi == 0 && !leadIn) || (gi == choices.Length - 1 && !tail))
            {
                // Gaps to the neighbours outside the island are kept as they are.
                choices[gi] = opts[0];
                Recurse(gi + 1);
                return;
            }
            foreach (var o in opts)
            {
                choices[gi] = o;
                Recurse(gi + 1);
            }
        }

        Recurse(0);
        // Only the text as it stands can be read: nothing to decide, and no need to count the document's words.
        if (segmentations.Count < 2) return null;
        foreach (var (pieces, extra) in segmentations)
            foreach (var r in Score(pieces, left, right, candidateCache, document.Value)) readings.Add(r with { Cost = r.Cost + extra });
        if (readings.Count < 2) return null;
        readings.Sort((x, y) => x.Cost.CompareTo(y.Cost));
        var keep = readings.FirstOrDefault(r => r.Pieces.All(p => p.Inserted == 0));
        var best = readings[0];
        if (keep is null || ReferenceEquals(best, keep) || best.Pieces.All(p => p.Inserted == 0)) return null;
        var second = readings.Skip(1).FirstOrDefault(r => r.Text != best.Text);
        if (best.Cost + Margin > keep.Cost) return null;
        if (second is not null && best.Cost + RunnerUpMargin > second.Cost) return null;
        var edits = new List<Edit>();
        for (var i = 0; i < best.Pieces.Count; i++)
        {
            var p = best.Pieces[i];
            if (p.Inserted == 0) continue;
            var (surface, sources) = best.Chosen[i];
            edits.Add(new Edit(sources.Min(), sources.Max() + 1, surface, sources));
        }
        // A piece that took the first spaces of a gap leaves the kept spaces in place; merge nothing else.
        return edits;
    }

    private static List<Piece>? BuildPieces(string s, int lineStart, List<Token> chain, int t0, int t1, GapChoice[] choices, bool leadIn, bool tail)
    {
        var pieces = new List<Piece>();
        var pattern = new StringBuilder();
        var sources = new List<int>();
        var inserted = 0;
        int? pieceStart = null;

        void Close()
        {
            if (pattern.Length == 0) return;
            var letters = pattern.ToString().Where(char.IsLetter).ToArray();
            var upper = letters.Length > 0 && letters.All(char.IsUpper) && (letters.Length > 1 || pattern.Length > 1);
            var first = pieceStart ?? sources[0];
            var k = first - 1;
            while (k >= lineStart && s[k] == ' ') k--;
            var sentenceStart = k < lineStart || s[k] is '.' or ':' or ';' or '!' or '?' or ')';
            pieces.Add(new Piece(pattern.ToString(), [.. sources], inserted, upper, sentenceStart));
            pattern.Clear();
            sources.Clear();
            inserted = 0;
            pieceStart = null;
        }

        for (var t = t0; t <= t1; t++)
        {
            var before = choices[t - t0];
            var gapStart = t == 0 ? chain[0].Start - (before.Kept + before.Right) : chain[t - 1].End;
            if (t == t0 && !leadIn) before = new GapChoice(0, 1, 0);
            // Letters of the gap before this token that belong to it (or, when joined, to the running piece).
            if (before.Kept > 0) Close();
            var gapLen = before.Left + before.Kept + before.Right;
            for (var k = gapLen - before.Right; k < gapLen; k++)
            {
                if (pattern.Length == 0) pieceStart = gapStart + k;
                pattern.Append('\0');
                sources.Add(gapStart + k);
                inserted++;
            }
            for (var k = chain[t].Start; k < chain[t].End; k++)
            {
                pattern.Append(s[k]);
                sources.Add(k);
            }
            var after = choices[t - t0 + 1];
            if (t == t1 && !tail) after = new GapChoice(0, 1, 0);
            var end = chain[t].End;
            for (var k = 0; k < after.Left; k++)
            {
                pattern.Append('\0');
                sources.Add(end + k);
                inserted++;
            }
            if (inserted > MaxInsertedPerToken) return null;
        }
        Close();
        return pieces.Any(p => p.Inserted > MaxInsertedPerToken) ? null : pieces;
    }

    /// <summary>The two best readings of one segmentation.</summary>
    private IEnumerable<Reading> Score(List<Piece> pieces, string? left, string? right, Dictionary<string, List<(string Surface, double Cost, string Key)>> cache, DocumentCounts document)
    {
        // Candidate surfaces per piece.
        var cands = new List<(string Surface, double Cost, string Key)>[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            var list = CandidatesOf(p, cache);
            if (list.Count == 0) return [];
            cands[i] = list;
        }
        // Beam search over the pieces with syllable-pair costs, the island's neighbours as context.
        var beam = new List<(double Cost, string? Last, int[] Pick)> { (0, left, []) };
        for (var i = 0; i < pieces.Count; i++)
        {
            var next = new List<(double, string?, int[])>();
            foreach (var (cost, last, pick) in beam)
            {
                for (var c = 0; c < cands[i].Count; c++)
                {
                    var (_, baseCost, key) = cands[i][c];
                    next.Add((cost + lexicon.Cost(last, key, document) + baseCost, key, [.. pick, c]));
                }
            }
            next.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            beam = next.Take(32).ToList();
        }
        var ranked = beam.Select(b => (Cost: b.Cost + (right is null ? 0 : lexicon.Cost(b.Last, right, document) - lexicon.Cost(null, right, document)), b.Pick))
            .OrderBy(b => b.Cost).Take(2);
        var readings = new List<Reading>();
        foreach (var (cost, pick) in ranked)
        {
            var chosen = new List<(string, int[])>();
            var text = new StringBuilder();
            for (var i = 0; i < pieces.Count; i++)
            {
                var surface = cands[i][pick[i]].Surface;
                chosen.Add((surface, pieces[i].Sources));
                if (i > 0) text.Append(' ');
                text.Append(surface);
            }
            readings.Add(new Reading(cost, text.ToString(), pieces, chosen));
        }
        return readings;
    }

    private List<(string Surface, double Cost, string Key)> CandidatesOf(Piece p, Dictionary<string, List<(string Surface, double Cost, string Key)>> cache)
    {
        var cacheKey = p.Pattern + (p.Upper ? "U" : "l") + (p.SentenceStart ? "S" : "m");
        if (!cache.TryGetValue(cacheKey, out var list))
        {
            list = Candidates(p);
            cache[cacheKey] = list;
        }
        return list;
    }

    /// <summary>The syllables a piece can be: itself when nothing was restored, else every fill of its wildcards that is a syllable.</summary>
    private List<(string Surface, double Cost, string Key)> Candidates(Piece p)
    {
        if (p.Inserted == 0) return [(p.Pattern, 0, SyllableLexicon.Key(p.Pattern))];
        var result = new List<(string, double, string)>();
        var lower = p.Pattern.ToLowerInvariant().ToCharArray();
        var holes = Enumerable.Range(0, lower.Length).Where(i => lower[i] == '\0').ToArray();
        var surface = p.Pattern.ToCharArray();

        void Add(char[] letters)
        {
            for (var h = 0; h < holes.Length; h++)
            {
                var upper = p.Upper || (holes[h] == 0 && p.SentenceStart);
                surface[holes[h]] = upper ? char.ToUpperInvariant(letters[h]) : letters[h];
            }
            var text = new string(surface);
            var key = SyllableLexicon.Key(text);
            if (lexicon.Frequency(key) > 0 && !result.Exists(r => r.Item1 == text)) result.Add((text, p.Inserted * InsertionCost, key));
        }

        // The last hole comes from the deletion index; any earlier hole is tried with every letter.
        var last = holes[^1];
        var fills = new char[holes.Length];
        void Fill(int h)
        {
            if (h == holes.Length - 1)
            {
                var partial = new string(lower.Where((_, i) => i != last).ToArray());
                foreach (var (letter, _) in lexicon.WithOneLetterAt(partial, last))
                {
                    fills[h] = letter;
                    Add(fills);
                }
                return;
            }
            foreach (var letter in Alphabet)
            {
                lower[holes[h]] = letter;
                fills[h] = letter;
                Fill(h + 1);
            }
            lower[holes[h]] = '\0';
        }

        Fill(0);
        return result;
    }
}
