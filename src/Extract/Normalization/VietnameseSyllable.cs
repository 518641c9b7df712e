using System.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// The Vietnamese syllable (âm tiết): onset, vowel nucleus with one tone, final consonant.
/// Used to put the tone mark in one canonical place without touching anything that is not a syllable.
/// </summary>
internal static class VietnameseSyllable
{
    // Each row: the bare vowel then its five toned forms (huyền, sắc, hỏi, ngã, nặng).
    private static readonly string[] VowelRows =
    [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ];

    private static readonly Dictionary<char, (char Bare, int Tone)> Decompose = BuildDecompose();
    private static readonly Dictionary<(char Bare, int Tone), char> Compose = Decompose.ToDictionary(kv => kv.Value, kv => kv.Key);

    // Flat lookups for the hot loops (every vowel is below U+1F00): tone + 1 (0 = not a vowel).
    private const int TableSize = 0x1F00;
    private static readonly byte[] ToneTable = BuildToneTable();

    private static readonly char[] BareTable = BuildBareTable();

    // char.ToLowerInvariant for every character below TableSize: that call goes to ICU for non-ASCII letters.
    private static readonly char[] LowerTable = BuildLowerTable();

    private static char[] BuildLowerTable()
    {
        var t = new char[TableSize];
        for (var c = 0; c < TableSize; c++) t[c] = char.ToLowerInvariant((char)c);
        return t;
    }

    private static char ToLower(char c) => c < TableSize ? LowerTable[c] : char.ToLowerInvariant(c);

    /// <summary>string.ToLowerInvariant without the ICU call for Vietnamese words (same answer: one mapping per character below U+1F00).</summary>
    public static string ToLowerInvariant(string word)
    {
        foreach (var c in word) if (c >= TableSize) return word.ToLowerInvariant();
        return string.Create(word.Length, word, static (dst, w) =>
        {
            for (var k = 0; k < w.Length; k++) dst[k] = LowerTable[w[k]];
        });
    }

    /// <summary>
    /// <see cref="ToLowerInvariant(string)"/> into a buffer of the word's length; false (buffer unspecified) when a
    /// character is beyond the table, where the string form asks ICU.
    /// </summary>
    public static bool TryToLowerInvariant(ReadOnlySpan<char> word, Span<char> lower)
    {
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c >= TableSize) return false;
            lower[k] = LowerTable[c];
        }
        return true;
    }

    private static bool IsFinal(ReadOnlySpan<char> coda) => coda switch
    {
        "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t" => true,
        _ => false,
    };

    private static byte[] BuildToneTable()
    {
        var t = new byte[TableSize];
        foreach (var (c, (_, tone)) in Decompose) t[c] = (byte)(tone + 1);
        return t;
    }

    private static char[] BuildBareTable()
    {
        var t = new char[TableSize];
        for (var c = 0; c < TableSize; c++) t[c] = (char)c;
        foreach (var (c, (bare, _)) in Decompose) t[c] = bare;
        return t;
    }

    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

    private static readonly HashSet<string> Finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    private static bool IsModified(char c) => c is 'ă' or 'â' or 'ê' or 'ô' or 'ơ' or 'ư';

    private static Dictionary<char, (char, int)> BuildDecompose()
    {
        var d = new Dictionary<char, (char, int)>();
        foreach (var row in VowelRows)
        {
            for (var t = 0; t < row.Length; t++)
            {
                d[row[t]] = (row[0], t);
                d[char.ToUpperInvariant(row[t])] = (char.ToUpperInvariant(row[0]), t);
            }
        }
        return d;
    }

    /// <summary>A vowel carrying a tone mark, either case: the characters the tone pass looks for.</summary>
    public static bool IsTonedVowel(char c) => c < TableSize && ToneTable[c] > 1;

    public static bool IsVowel(char c) => c < TableSize && ToneTable[c] != 0;

    /// <summary>Tone of a letter: 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng; -1 not a vowel.</summary>
    public static int ToneOf(char c) => c < TableSize ? ToneTable[c] - 1 : -1;

    public static char WithoutTone(char c) => c < TableSize ? BareTable[c] : c;

    /// <summary>The vowel <paramref name="bare"/> (a, ă, â, e, ê, i, o, ô, ơ, u, ư, y, either case) carrying <paramref name="tone"/>.</summary>
    public static char WithTone(char bare, int tone) => Compose[(bare, tone)];

    /// <summary>
    /// Cheap test whether <see cref="TryCanonicalize"/> could change the word: a tone mark and at least two vowels.
    /// Most syllables fail it, so the tone pass costs one scan of them.
    /// </summary>
    public static bool MayNeedCanonicalTone(ReadOnlySpan<char> word)
    {
        var vowels = 0;
        var toned = false;
        foreach (var c in word)
        {
            var t = ToneOf(c);
            if (t < 0) continue;
            vowels++;
            if (t > 0) toned = true;
        }
        return toned && vowels >= 2;
    }

    /// <summary>True when a lower- or upper-case word is one well-formed Vietnamese syllable (onset, nucleus, final, at most one tone).</summary>
    public static bool IsSyllable(string word)
    {
        if (word.Length is < 1 or > 8) return false;
        var lower = word.ToLowerInvariant();
        var tones = 0;
        var bare = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            var t = ToneOf(c);
            if (t > 0) tones++;
            else if (t < 0 && !"bcdđghklmnpqrstvx".Contains(c)) return false;
            bare.Append(WithoutTone(c));
        }
        if (tones > 1) return false;
        var b = bare.ToString();
        var onset = Onsets.FirstOrDefault(o => b.StartsWith(o, StringComparison.Ordinal) && b.Length > o.Length && IsVowel(b[o.Length])) ?? "";
        if (onset == "" && !IsVowel(b[0])) return false;
        var i = onset.Length;
        var n0 = i;
        while (i < b.Length && IsVowel(b[i])) i++;
        var nucleusLength = i - n0;
        if (nucleusLength == 0 && onset == "gi") nucleusLength = 1;
        return nucleusLength is >= 1 and <= 3 && Finals.Contains(b[i..]);
    }

    /// <summary>
    /// Where the traditional placement puts the tone in a bare (toneless, lower-case) syllable, the style of most
    /// current official texts and of the gazetteer (GUIDE §5.2: official texts mix both styles; NĐ 30's main text
    /// has òa×18 against oà×1 and ủy×10 against uỷ×1, and the seed gold writes "Ủy ban"): the mark goes on the first
    /// vowel of an open oa/oe/uy (hòa, khỏe, thủy), on the modified vowel (ơ of ươ, ê, ô …), else on the last vowel
    /// before a final consonant. -1 when the letters are not one syllable.
    /// </summary>
    private static int ToneTarget(ReadOnlySpan<char> b)
    {
        var onset = OnsetLength(b);
        if (onset == 2 && b[0] == 'g' && b[1] == 'i')
        {
            // "gì", "gìn": the i is the vowel, not part of the onset.
            var more = false;
            foreach (var c in b[2..]) if (IsVowel(c)) more = true;
            if (!more) onset = 1;
        }
        if (onset == 0 && (b.Length == 0 || !IsVowel(b[0]))) return -1;
        var i = onset;
        while (i < b.Length && IsVowel(b[i])) i++;
        var nucleusLength = i - onset;
        var coda = b[i..];
        if (nucleusLength is < 1 or > 3) return -1;
        for (var k = onset + 1; k < i; k++) if (b[k] == b[k - 1]) return -1; // "oaa" is no Vietnamese vowel
        if (!IsFinal(coda)) return -1;
        var nucleus = b.Slice(onset, nucleusLength);
        int target;
        // (Loops, not IndexOf/LastIndexOfAny: the nucleus has at most three letters.)
        var horn = -1;
        var lastModified = -1;
        for (var k = 0; k < nucleus.Length; k++)
        {
            if (horn < 0 && nucleus[k] == 'ư' && k + 1 < nucleus.Length && nucleus[k + 1] == 'ơ') horn = k;
            if (IsModified(nucleus[k])) lastModified = k;
        }
        if (horn >= 0) target = horn + 1;
        else if (lastModified >= 0) target = lastModified;
        else if (coda.Length > 0) target = nucleusLength - 1;
        else target = nucleusLength switch { 1 => 0, 2 => 0, _ => 1 };
        return onset + target;
    }

    /// <summary>Length of the initial consonant (ngh, ng, nh, ch, gh, gi, kh, ph, th, tr, qu or one consonant) when a vowel follows; 0 otherwise.</summary>
    private static int OnsetLength(ReadOnlySpan<char> b)
    {
        // Same answer as trying Onsets in order (longest first) and keeping the first one a vowel follows.
        var c0 = b.Length > 0 ? b[0] : '\0';
        var c1 = b.Length > 1 ? b[1] : '\0';
        var c2 = b.Length > 2 ? b[2] : '\0';
        if (c0 == 'n' && c1 == 'g' && c2 == 'h' && b.Length > 3 && IsVowel(b[3])) return 3;
        var two = (c0 == 'n' && c1 is 'g' or 'h') || (c0 == 'c' && c1 == 'h') || (c0 == 'g' && c1 is 'h' or 'i')
            || (c0 is 'k' or 'p' && c1 == 'h') || (c0 == 't' && c1 is 'h' or 'r') || (c0 == 'q' && c1 == 'u');
        if (two && IsVowel(c2)) return 2;
        if (c0 is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'v' or 'x' && IsVowel(c1)) return 1;
        return 0;
    }

    /// <summary>True unless the word is one toned syllable whose mark sits elsewhere than <see cref="ToneTarget"/> says; allocates nothing.</summary>
    public static bool IsCanonicalTone(ReadOnlySpan<char> word)
    {
        if (word.Length is < 1 or > 8) return true;
        Span<char> bare = stackalloc char[word.Length];
        var tonePos = -1;
        var toneCount = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = ToLower(word[k]);
            var t = ToneOf(c);
            if (t > 0) { toneCount++; tonePos = k; }
            else if (t < 0 && !char.IsLetter(c)) return true;
            bare[k] = t > 0 ? WithoutTone(c) : c;
        }
        if (toneCount != 1) return true;
        if (MarkOnLastModifiedVowel(bare, tonePos)) return true;
        var target = ToneTarget(bare);
        return target < 0 || target == tonePos;
    }

    /// <summary>
    /// Shortcut for most syllables (hiện, người, được, tiếp): the mark sits on a modified vowel (ă â ê ô ơ ư) with no
    /// other after it and no "ươ" but the one whose ơ carries it, which is where <see cref="ToneTarget"/> puts it
    /// whenever the letters are a syllable at all.
    /// </summary>
    private static bool MarkOnLastModifiedVowel(ReadOnlySpan<char> bare, int tonePos)
    {
        if (!IsModified(bare[tonePos])) return false;
        for (var k = tonePos + 1; k < bare.Length; k++) if (IsModified(bare[k])) return false;
        for (var k = 0; k + 1 < bare.Length; k++)
            if (bare[k] == 'ư' && bare[k + 1] == 'ơ' && k + 1 != tonePos) return false;
        return true;
    }

    /// <summary>
    /// Rewrites a word in the traditional tone placement (hòa, thủy, khỏe; Ủy ban; see <see cref="ToneTarget"/> for why);
    /// returns false when the word is not one toned syllable.
    /// </summary>
    public static bool TryCanonicalize(string word, out string canonical)
    {
        canonical = word;
        if (word.Length is < 1 or > 8) return false;
        Span<char> bare = stackalloc char[word.Length];
        var tone = 0;
        var toneCount = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = ToLower(word[k]);
            var t = ToneOf(c);
            if (t > 0) { tone = t; toneCount++; }
            else if (t < 0 && !char.IsLetter(c)) return false;
            bare[k] = t > 0 ? WithoutTone(c) : c;
        }
        if (toneCount != 1) return false;
        var pos = ToneTarget(bare);
        if (pos < 0) return false;
        var chars = word.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (Decompose.TryGetValue(chars[k], out var v) && v.Tone > 0) chars[k] = v.Bare;
        }
        var (bareAt, _) = Decompose[chars[pos]];
        chars[pos] = Compose[(bareAt, tone)];
        canonical = new string(chars);
        return true;
    }
}
