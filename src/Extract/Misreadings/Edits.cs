namespace DocIntel.Extract.Misreadings;

/// <summary>Edit distance for short keys, where only "at most one edit" is ever asked.</summary>
internal static class Edits
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by at most one insertion, deletion or substitution.</summary>
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
