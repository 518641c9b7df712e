using DocIntel.Extract.Normalization;

namespace DocIntel.Index.Sqlite;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75, FTS5's constants and IDF floor) computed here rather than by FTS5's <c>bm25()</c>:
/// that function counts every document holding each query term (a full pass over the posting list) and reads every
/// match's positions before the top rows can be taken, which for common words ("dân chủ" is in 97 % of an archive)
/// costs hundreds of milliseconds. Here the term frequencies of a bounded candidate set come from its text, and
/// document frequencies from a bounded sample of each posting list.
/// </summary>
internal static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>FTS5's IDF: log((N − n + 0.5) / (n + 0.5)), floored at 1e-6 for terms in more than half the documents.</summary>
    public static double Idf(double documents, double withTerm)
    {
        var idf = Math.Log((documents - withTerm + 0.5) / (withTerm + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    public static double Score(IReadOnlyList<double> idf, ReadOnlySpan<int> tf, int length, double averageLength)
    {
        var score = 0.0;
        var norm = K1 * (1 - B + B * length / Math.Max(1, averageLength));
        for (var i = 0; i < idf.Count; i++)
            if (tf[i] > 0) score += idf[i] * tf[i] * (K1 + 1) / (tf[i] + norm);
        return score;
    }

    /// <summary>
    /// Counts each term's occurrences as a whole token of the folded text (FTS5's unicode61: runs of letters and digits)
    /// and the number of tokens. Returns the token count. The text is folded character by character as it is read, with
    /// no folded copy made (ranking reads 400 texts a query; the copies were most of what a search allocated).
    /// </summary>
    public static int Count(string text, string[] terms, Span<int> tf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        tf.Clear();
        // Vietnamese syllables are short: a token of up to 7 Latin-1 characters and its length fit in one ulong, so most
        // tokens are told from every term by one comparison each.
        Span<ulong> keys = stackalloc ulong[terms.Length];
        var longest = 0;
        for (var t = 0; t < terms.Length; t++)
        {
            keys[t] = Pack(terms[t]);
            longest = Math.Max(longest, terms[t].Length);
        }
        // The current token's folded characters, as far as any term could match it.
        Span<char> token = stackalloc char[Math.Max(8, longest + 1)];
        var tokens = 0;
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                var f = SearchFolding.FoldOne(text[i]);
                if (f == '\0') continue; // a combining mark: folded away, the token goes on
                // Folded text is mostly ASCII: test that first, the full Unicode categories only beyond it.
                if ((uint)(f - 'a') <= 'z' - 'a' || (uint)(f - '0') <= 9 || (f > 127 && char.IsLetterOrDigit(f)))
                {
                    if (length < token.Length) token[length] = f;
                    length++;
                    continue;
                }
            }
            if (length == 0) continue;
            tokens++;
            if (length <= longest)
            {
                var word = token[..length];
                var key = Pack(word);
                for (var t = 0; t < terms.Length; t++)
                {
                    if (key != 0 ? key == keys[t] : keys[t] == 0 && word.SequenceEqual(terms[t])) tf[t]++;
                }
            }
            length = 0;
        }
        return tokens;
    }

    /// <summary>Length and characters in one ulong, or 0 when longer than 7 or beyond Latin-1.</summary>
    private static ulong Pack(ReadOnlySpan<char> token)
    {
        if (token.Length > 7) return 0;
        var key = (ulong)token.Length;
        foreach (var c in token)
        {
            if (c > 0xff) return 0;
            key = (key << 8) | c;
        }
        return key;
    }
}
