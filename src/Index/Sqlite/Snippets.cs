using System.Text;
using DocIntel.Extract.Normalization;

namespace DocIntel.Index.Sqlite;

/// <summary>A short passage of the original text around the first query term, with matches in [brackets].</summary>
internal static class Snippets
{
    public static string Make(string text, IReadOnlyList<string> foldedTerms, int width = 160)
    {
        // Fold character by character so positions in the folded text are positions in the original.
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var fc = SearchFolding.FoldOne(text[i]); if (fc != (char)0) { folded.Append(fc); origin.Add(i); }
        }
        var f = folded.ToString();
        var hits = new List<(int Start, int End)>();
        foreach (var term in foldedTerms)
        {
            var at = 0;
            while ((at = f.IndexOf(term, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + term.Length;
                var wordStart = at == 0 || !char.IsLetterOrDigit(f[at - 1]);
                var wordEnd = end >= f.Length || !char.IsLetterOrDigit(f[end]);
                if (wordStart && wordEnd) hits.Add((origin[at], origin[end - 1] + 1));
                at = end;
            }
        }
        if (hits.Count == 0) return Flat(text[..Math.Min(text.Length, width)]);
        hits.Sort();
        // Adjacent words of a phrase read as one highlight: [hương ước], not [hương] [ước].
        var merged = new List<(int Start, int End)>();
        foreach (var h in hits)
        {
            if (merged.Count > 0 && h.Start >= merged[^1].End && text[merged[^1].End..h.Start].All(char.IsWhiteSpace))
                merged[^1] = (merged[^1].Start, h.End);
            else if (merged.Count == 0 || h.Start >= merged[^1].End)
                merged.Add(h);
        }
        hits = merged;
        var center = hits[0].Start;
        var from = Math.Max(0, center - width / 3);
        var to = Math.Min(text.Length, from + width);
        var sb = new StringBuilder();
        if (from > 0) sb.Append('…');
        var pos = from;
        foreach (var (s, e) in hits.Where(h => h.Start >= from && h.End <= to))
        {
            if (s < pos) continue;
            sb.Append(text, pos, s - pos).Append('[').Append(text, s, e - s).Append(']');
            pos = e;
        }
        sb.Append(text, pos, to - pos);
        if (to < text.Length) sb.Append('…');
        return Flat(sb.ToString());
    }

    private static string Flat(string s) => string.Join(' ', s.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
}
