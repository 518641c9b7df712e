namespace DocIntel.Extract.Text;

/// <summary>Edit distance for short keys: names, positions, symbols.</summary>
internal static class Edits
{
    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary><c>Distance(a, b) ≤ 1</c> in one pass, without the table: asked of every code a misread symbol may be.</summary>
    public static bool AtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        if (a.Length == b.Length) return a.Length == 0 || a[1..].SequenceEqual(b[1..]);
        return a.Length < b.Length ? a.SequenceEqual(b[1..]) : a[1..].SequenceEqual(b);
    }
}
