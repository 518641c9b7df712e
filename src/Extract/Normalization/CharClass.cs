using System.Globalization;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// char.IsLetter, IsUpper, IsLower, IsWhiteSpace and "is a combining mark" as one table lookup for every character
/// of Latin, Vietnamese and common punctuation (below U+2100), the same answers as the framework's calls (which go to
/// the Unicode category tables for anything above Latin-1): the hot loops of the passes ask these of every character.
/// </summary>
internal static class CharClass
{
    private const int Size = 0x2100;

    [Flags]
    public enum Bits : byte
    {
        None = 0,
        Letter = 1,
        Upper = 2,
        Lower = 4,
        WhiteSpace = 8,
        Combining = 16,
    }

    private static readonly Bits[] Table = Build();

    private static Bits[] Build()
    {
        var t = new Bits[Size];
        for (var i = 0; i < Size; i++)
        {
            var c = (char)i;
            var b = Bits.None;
            if (char.IsLetter(c)) b |= Bits.Letter;
            if (char.IsUpper(c)) b |= Bits.Upper;
            if (char.IsLower(c)) b |= Bits.Lower;
            if (char.IsWhiteSpace(c)) b |= Bits.WhiteSpace;
            if (IsCombiningSlow(c)) b |= Bits.Combining;
            t[i] = b;
        }
        return t;
    }

    private static bool IsCombiningSlow(char c) =>
        c >= 0x0300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>All the classes of <paramref name="c"/> at once.</summary>
    public static Bits Of(char c)
    {
        if (c < Size) return Table[c];
        var b = Bits.None;
        if (char.IsLetter(c)) b |= Bits.Letter;
        if (char.IsUpper(c)) b |= Bits.Upper;
        if (char.IsLower(c)) b |= Bits.Lower;
        if (char.IsWhiteSpace(c)) b |= Bits.WhiteSpace;
        if (IsCombiningSlow(c)) b |= Bits.Combining;
        return b;
    }

    public static bool IsLetter(char c) => c < Size ? (Table[c] & Bits.Letter) != 0 : char.IsLetter(c);

    public static bool IsUpper(char c) => c < Size ? (Table[c] & Bits.Upper) != 0 : char.IsUpper(c);

    public static bool IsLower(char c) => c < Size ? (Table[c] & Bits.Lower) != 0 : char.IsLower(c);

    public static bool IsWhiteSpace(char c) => c < Size ? (Table[c] & Bits.WhiteSpace) != 0 : char.IsWhiteSpace(c);

    /// <summary>A non-spacing or spacing combining mark (the tail of an NFD cluster).</summary>
    public static bool IsCombining(char c) => c < Size ? (Table[c] & Bits.Combining) != 0 : IsCombiningSlow(c);
}
