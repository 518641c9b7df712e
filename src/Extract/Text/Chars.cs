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

    /// <summary>As <see cref="char.IsLetterOrDigit(char)"/>, ASCII inline.</summary>
    public static bool IsLetterOrDigit(char c) => c < 0x80
        ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9
        : char.IsLetterOrDigit(c);
}
