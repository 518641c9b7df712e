using System.Globalization;
using System.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// The one folding every index key and every query goes through: lower case, no diacritics, đ → d.
/// (SQLite's FTS5 does not fold đ, and its default misses letters with two marks.)
/// </summary>
public static class SearchFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) AppendFolded(sb, c);
        return sb.ToString();
    }

    /// <summary>Folds one character; returns the empty string for a combining mark.</summary>
    public static string FoldChar(char c)
    {
        var sb = new StringBuilder(2);
        AppendFolded(sb, c);
        return sb.ToString();
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
