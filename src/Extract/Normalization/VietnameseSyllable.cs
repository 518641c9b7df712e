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

    private static byte[] BuildToneTable()
    {
        var t = new byte[TableSize];
        foreach (var (c, (_, tone)) in Decompose) t[c] = (byte)(tone + 1);
        return t;
    }

    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

    private static readonly HashSet<string> Finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    private const string Modified = "ăâêôơư";

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

    public static bool IsVowel(char c) => c < TableSize && ToneTable[c] != 0;

    /// <summary>Tone of a letter: 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng; -1 not a vowel.</summary>
    public static int ToneOf(char c) => c < TableSize ? ToneTable[c] - 1 : -1;

    public static char WithoutTone(char c) => Decompose.TryGetValue(c, out var v) ? v.Bare : c;

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
    /// Rewrites a word in the traditional tone placement (hòa, thủy, khỏe; Ủy ban), the style of most
    /// current official texts and of the gazetteer; returns false when the word is not one toned syllable.
    /// </summary>
    public static bool TryCanonicalize(string word, out string canonical)
    {
        canonical = word;
        if (word.Length is < 1 or > 8) return false;
        var lower = word.ToLowerInvariant();
        var tone = 0;
        var toneCount = 0;
        foreach (var c in lower)
        {
            var t = ToneOf(c);
            if (t > 0) { tone = t; toneCount++; }
            else if (t < 0 && !char.IsLetter(c)) return false;
        }
        if (toneCount != 1) return false;

        var bare = new StringBuilder(lower.Length);
        foreach (var c in lower) bare.Append(WithoutTone(c));
        var b = bare.ToString();

        var onset = Onsets.FirstOrDefault(o => b.StartsWith(o, StringComparison.Ordinal) && b.Length > o.Length && IsVowel(b[o.Length])) ?? "";
        // "gì", "gìn": the i is the vowel, not part of the onset.
        if (onset == "gi" && !b.Skip(2).Any(IsVowel)) onset = "g";
        if (onset == "" && b.Length > 0 && !IsVowel(b[0])) return false;
        var i = onset.Length;
        var nucleusStart = i;
        while (i < b.Length && IsVowel(b[i])) i++;
        var nucleusLength = i - nucleusStart;
        var coda = b[i..];
        if (nucleusLength is < 1 or > 3 || !Finals.Contains(coda)) return false;

        var nucleus = b.Substring(nucleusStart, nucleusLength);
        int target;
        var lastModified = nucleus.LastIndexOfAny(Modified.ToCharArray());
        if (nucleus.Contains("ươ", StringComparison.Ordinal)) target = nucleus.IndexOf('ơ');
        else if (lastModified >= 0) target = lastModified;
        else if (coda.Length > 0) target = nucleusLength - 1;
        else target = nucleusLength switch { 1 => 0, 2 => 0, _ => 1 };

        var chars = word.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (Decompose.TryGetValue(chars[k], out var v) && v.Tone > 0) chars[k] = v.Bare;
        }
        var pos = nucleusStart + target;
        var (bareAt, _) = Decompose[chars[pos]];
        chars[pos] = Compose[(bareAt, tone)];
        canonical = new string(chars);
        return true;
    }
}
