namespace DocIntel.Extract.Text;

/// <summary>
/// <see cref="char.IsWhiteSpace(char)"/> and <see cref="char.IsLetterOrDigit(char)"/> answered inline for the characters
/// Vietnamese text is made of (ASCII, and the letters below U+1680), the Unicode tables only for the rest. Same answers
/// for every char (tested over all 65,536).
/// </summary>
public static class Chars
{
    /// <summary>As <see cref="char.IsWhiteSpace(char)"/>: nothing from U+0100 to U+167F is white space.</summary>
    public static bool IsWhiteSpace(char c) => c < 0x100
        ? c == ' ' || c is >= '\t' and <= '\r' || c == '\u0085' || c == '\u00A0'
        : c >= '\u1680' && char.IsWhiteSpace(c);

    // Capitals of every character below U+1F00 (Latin with its Vietnamese letters, Greek, Cyrillic …), taken from the
    // runtime once: char.ToUpperInvariant asks ICU for each non-ASCII character, and symbols and titles are upper-cased
    // by the thousand per document.
    private const int UpperTableSize = 0x1F00;
    private static readonly char[] UpperTable = BuildUpperTable();

    private static char[] BuildUpperTable()
    {
        var t = new char[UpperTableSize];
        for (var c = 0; c < UpperTableSize; c++) t[c] = char.ToUpperInvariant((char)c);
        return t;
    }

    /// <summary>As <see cref="char.ToUpperInvariant(char)"/>, from a table below U+1F00.</summary>
    public static char ToUpperInvariant(char c) => c < UpperTableSize ? UpperTable[c] : char.ToUpperInvariant(c);

    /// <summary>As <see cref="string.ToUpperInvariant()"/> (the same string back when nothing changes).</summary>
    public static string ToUpperInvariant(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= UpperTableSize) return s.ToUpperInvariant();
            if (UpperTable[c] != c) break;
        }
        if (i == s.Length) return s;
        foreach (var c in s.AsSpan(i)) if (c >= UpperTableSize) return s.ToUpperInvariant();
        return string.Create(s.Length, s, static (dst, src) =>
        {
            for (var k = 0; k < src.Length; k++) dst[k] = UpperTable[src[k]];
        });
    }

    /// <summary>As <see cref="char.IsLetterOrDigit(char)"/>, ASCII inline.</summary>
    public static bool IsLetterOrDigit(char c) => c < 0x80
        ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9
        : char.IsLetterOrDigit(c);
}
