using System.Globalization;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// The Vietnamese syllables (âm tiết) with how often each one, and each adjacent pair, occurs in real administrative
/// text. Keys are lower case in the traditional tone placement. Immutable; the embedded copy is loaded once.
/// Source and licence: data/SOURCE.md (built by scripts/build-syllable-data.py).
/// </summary>
internal sealed class SyllableLexicon
{
    private static readonly Lazy<SyllableLexicon> EmbeddedLexicon = new(LoadEmbedded);

    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _countsBySpan;
    private readonly Dictionary<(string, string), int> _pairs;
    private readonly Dictionary<string, int> _pairTotals;
    private readonly double _total;

    // Additive smoothing for unseen but valid syllables, and the pull of the unigram in a bigram (Dirichlet prior).
    private const double Alpha = 0.5;
    private const double Prior = 50;

    /// <summary>Cost (−log p) of a token that is not a Vietnamese syllable: a fragment, an abbreviation, a foreign word.</summary>
    public const double UnknownCost = 14.0;

    private SyllableLexicon(Dictionary<string, int> counts, Dictionary<(string, string), int> pairs)
    {
        _counts = counts;
        _countsBySpan = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        _pairs = pairs;
        _pairTotals = [];
        foreach (var ((a, _), n) in pairs) _pairTotals[a] = _pairTotals.GetValueOrDefault(a) + n;
        _total = counts.Values.Sum() + Alpha * counts.Count;
        _deletions = new(BuildDeletions);
    }

    public static SyllableLexicon Embedded => EmbeddedLexicon.Value;

    public int Count => _counts.Count;

    /// <summary>Reads the tab-separated format of data/vi-syllables.tsv (S syllable count; B first second count).</summary>
    public static SyllableLexicon Load(TextReader reader)
    {
        var counts = new Dictionary<string, int>(8192, StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), int>(16384);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f[0] == "S" && f.Length == 3) counts[f[1]] = int.Parse(f[2], CultureInfo.InvariantCulture);
            else if (f[0] == "B" && f.Length == 4) pairs[(f[1], f[2])] = int.Parse(f[3], CultureInfo.InvariantCulture);
            else throw new InvalidDataException($"vi-syllables: bad line '{line}'");
        }
        return new SyllableLexicon(counts, pairs);
    }

    private static SyllableLexicon LoadEmbedded()
    {
        const string name = "DocIntel.Extract.vi-syllables.tsv";
        using var stream = typeof(SyllableLexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    /// <summary>The lexicon key of a word: lower case, traditional tone placement.</summary>
    public static string Key(string word)
    {
        var lower = VietnameseSyllable.ToLowerInvariant(word);
        if (!VietnameseSyllable.MayNeedCanonicalTone(lower) || VietnameseSyllable.IsCanonicalTone(lower)) return lower;
        return VietnameseSyllable.TryCanonicalize(lower, out var c) ? c : lower;
    }

    /// <summary>
    /// The syllables that become <paramref name="partial"/> when their letter at <paramref name="position"/> is removed
    /// ("thc", 1 → thác, thúc, thực …), with that letter: the candidates for one lost glyph. Written both in the
    /// traditional and the new tone placement, so a lost "à" of "hoà" is found from "ho".
    /// </summary>
    public IEnumerable<(char Letter, string Key)> WithOneLetterAt(string partial, int position)
    {
        if (!_deletions.Value.TryGetValue(partial, out var list)) yield break;
        foreach (var (pos, letter, key) in list)
            if (pos == position) yield return (letter, key);
    }

    private readonly Lazy<Dictionary<string, List<(int Position, char Letter, string Key)>>> _deletions;

    private Dictionary<string, List<(int, char, string)>> BuildDeletions()
    {
        var index = new Dictionary<string, List<(int, char, string)>>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            foreach (var written in NewStyleVariant(key) is { } v ? new[] { key, v } : [key])
            {
                for (var p = 0; p < written.Length; p++)
                {
                    var partial = written.Remove(p, 1);
                    if (!index.TryGetValue(partial, out var list)) index[partial] = list = [];
                    list.Add((p, written[p], key));
                }
            }
        }
        return index;
    }

    /// <summary>hòa → hoà, thủy → thuỷ, khỏe → khoẻ: the same syllable with the tone on the second vowel of an open oa/oe/uy.</summary>
    private static string? NewStyleVariant(string key)
    {
        if (key.Length < 2) return null;
        var a = key[^2];
        var b = key[^1];
        var tone = VietnameseSyllable.ToneOf(a);
        if (tone <= 0 || VietnameseSyllable.ToneOf(b) != 0) return null;
        var pair = $"{VietnameseSyllable.WithoutTone(a)}{b}";
        if (pair is not ("oa" or "oe" or "uy")) return null;
        if (pair == "uy" && key.Length >= 3 && key[^3] == 'q') return null;
        return string.Concat(key.AsSpan(0, key.Length - 2), $"{VietnameseSyllable.WithoutTone(a)}{VietnameseSyllable.WithTone(b, tone)}");
    }

    /// <summary>True when <paramref name="key"/> (see <see cref="Key"/>) is a Vietnamese syllable.</summary>
    public bool Contains(string key) => _counts.ContainsKey(key);

    /// <summary>
    /// <c>Contains(Key(word))</c> without making the key: the word is lower-cased on the stack and looked up as a span;
    /// only a word whose tone mark must move (or with a letter outside the lower-casing table) goes through the string form.
    /// Text scoring asks this of every word of every document.
    /// </summary>
    public bool ContainsWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 32) return Contains(Key(word.ToString()));
        Span<char> lower = stackalloc char[word.Length];
        if (!VietnameseSyllable.TryToLowerInvariant(word, lower)) return Contains(Key(word.ToString()));
        if (VietnameseSyllable.MayNeedCanonicalTone(lower) && !VietnameseSyllable.IsCanonicalTone(lower))
            return Contains(VietnameseSyllable.TryCanonicalize(lower.ToString(), out var c) ? c : lower.ToString());
        return _countsBySpan.ContainsKey(lower);
    }

    /// <summary>Occurrences in the training text (0 for valid but unseen syllables, -1 when not a syllable).</summary>
    public int Frequency(string key) => _counts.TryGetValue(key, out var n) ? n : -1;

    /// <summary>−log p(word), or <see cref="UnknownCost"/> when the word is not a syllable.</summary>
    public double Cost(string key) => _counts.TryGetValue(key, out var n) ? -Math.Log((n + Alpha) / _total) : UnknownCost;

    /// <summary>−log p(word | previous word), interpolated with the unigram; <paramref name="previous"/> may be null.</summary>
    public double Cost(string? previous, string key) => Cost(previous, key, null);

    /// <summary>
    /// As <see cref="Cost(string?, string)"/>, with the counts of the document being read added in (a cache model):
    /// a damaged heading is best read with the words the same document uses in its undamaged lines.
    /// </summary>
    public double Cost(string? previous, string key, DocumentCounts? document)
    {
        if (!_counts.TryGetValue(key, out var n)) return UnknownCost;
        double count = n, total = _total;
        if (document is not null)
        {
            count += DocumentCounts.Weight * document.Count(key);
            total += DocumentCounts.Weight * document.Total;
        }
        var p = (count + Alpha) / total;
        double pairTotal = previous is null ? 0 : _pairTotals.GetValueOrDefault(previous);
        double pair = previous is null ? 0 : _pairs.GetValueOrDefault((previous, key));
        if (document is not null && previous is not null)
        {
            pairTotal += DocumentCounts.Weight * document.PairTotal(previous);
            pair += DocumentCounts.Weight * document.Pair(previous, key);
        }
        if (pairTotal == 0) return -Math.Log(p);
        return -Math.Log((pair + Prior * p) / (pairTotal + Prior));
    }
}

/// <summary>Syllable and syllable-pair counts of one document's own clean lines.</summary>
internal sealed class DocumentCounts
{
    /// <summary>A word of the document counts as much as this many words of the training text.</summary>
    public const double Weight = 5;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _pairs = [];
    private readonly Dictionary<string, int> _pairTotals = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public void Add(string? previous, string key)
    {
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        Total++;
        if (previous is null) return;
        _pairs[(previous, key)] = _pairs.GetValueOrDefault((previous, key)) + 1;
        _pairTotals[previous] = _pairTotals.GetValueOrDefault(previous) + 1;
    }

    public int Count(string key) => _counts.GetValueOrDefault(key);

    public int Pair(string previous, string key) => _pairs.GetValueOrDefault((previous, key));

    public int PairTotal(string previous) => _pairTotals.GetValueOrDefault(previous);
}
