using System.Globalization;
using System.Text;
using DocIntel.Ingest.Layout;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Letters whose capital has the same shape as the small letter (c o s v w x z, with any marks: ơ, ở, ó …) are often
/// read in the wrong case: "ở CƠ SỞ trên", "các SỞ, ban". A run of words made only of such letters, written in capitals
/// between two words in small letters, is put back in small letters. Runs with a plain C/V/X only (XV, CV: numerals,
/// codes) and words with other letters are never touched.
/// </summary>
internal static class CaseTwins
{
    public static IReadOnlyList<LayoutWord> Fix(IReadOnlyList<LayoutWord> words)
    {
        List<LayoutWord>? result = null;
        var i = 0;
        while (i < words.Count)
        {
            if (!IsTwinCapitals(words[i].Text)) { i++; continue; }
            var end = i;
            while (end + 1 < words.Count && IsTwinCapitals(words[end + 1].Text)) end++;
            if (i > 0 && end + 1 < words.Count && EndsSmall(words[i - 1].Text) && StartsSmall(words[end + 1].Text))
            {
                result ??= [.. words];
                for (var k = i; k <= end; k++) result[k] = words[k] with { Text = words[k].Text.ToLower(CultureInfo.InvariantCulture) };
            }
            i = end + 1;
        }
        return result ?? words;
    }

    internal static bool IsTwinCapitals(string word)
    {
        var letters = word.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || letters.Any(c => !char.IsUpper(c))) return false;
        var marked = false;
        foreach (var c in letters)
        {
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length > 1) marked = true;
            if ("COSVWXZ".IndexOf(d[0]) < 0) return false;
        }
        // Unmarked runs of C/V/X are numerals or codes (XV, CV); a single unmarked letter is a label (C., S).
        if (!marked && (letters.Count == 1 || letters.All(c => c is 'C' or 'V' or 'X'))) return false;
        return true;
    }

    private static bool EndsSmall(string word) => word.LastOrDefault(char.IsLetter) is var c && c != default && char.IsLower(c);

    private static bool StartsSmall(string word) => word.FirstOrDefault(char.IsLetter) is var c && c != default && char.IsLower(c);
}
