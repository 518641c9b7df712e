using System.Globalization;
using System.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// The one folding every index key and every query goes through: lower case, no diacritics, đ → d.
/// (SQLite's FTS5 does not fold đ, and its default misses letters with two marks.)
/// </summary>
public static class SearchFolding
{
    // Folded form of every BMP character below U+2000 and of the Vietnamese block U+1E00–U+1EFF, computed once
    // (immutable): folding is on the hot path of indexing and extraction. '\0' marks a combining mark (dropped).
    private const int TableSize = 0x2000;
    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var t = new char[TableSize];
        var sb = new StringBuilder(4);
        for (var c = 0; c < TableSize; c++)
        {
            sb.Clear();
            AppendFolded(sb, (char)c);
            t[c] = sb.Length == 0 ? '\0' : sb[0];
        }
        return t;
    }

    /// <summary>The folded character, or '\0' for a combining mark; one character in, at most one out.</summary>
    public static char FoldOne(char c)
    {
        if (c < TableSize) return Table[c];
        var sb = new StringBuilder(2);
        AppendFolded(sb, c);
        return sb.Length == 0 ? '\0' : sb[0];
    }

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, src) =>
        {
            var n = 0;
            foreach (var c in src)
            {
                var f = FoldOne(c);
                if (f != '\0') span[n++] = f;
            }
            span[n..].Fill('\0');
        }).TrimEnd('\0');
    }

    /// <summary>Folds one character; returns the empty string for a combining mark.</summary>
    public static string FoldChar(char c)
    {
        var f = FoldOne(c);
        return f == '\0' ? "" : f.ToString();
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        if (c < 128)
        {
            sb.Append(char.ToLowerInvariant(c));
            return;
        }
        switch (c)
        {
            case 'đ' or 'Đ' or 'Ð' or 'ð': sb.Append('d'); return;
            case 'ƣ' or 'Ƣ': sb.Append('u'); return;
        }
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) return;
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var ch in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
        }
    }
}
