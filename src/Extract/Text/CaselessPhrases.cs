using System.Buffers;

namespace DocIntel.Extract.Text;

/// <summary>
/// Whether a text holds one of some phrases, ignoring case as <c>text.Contains(phrase, OrdinalIgnoreCase)</c> does.
/// That search goes character by character once a phrase has an accented letter; a text can hold such a phrase only
/// if it holds, for each accented letter of the phrase, one of the characters equal to it ignoring case, and those
/// are found first by a vectorised search. Same answers as the plain search.
/// </summary>
public sealed class CaselessPhrases
{
    private readonly (string Phrase, SearchValues<char>[] Needs)[] _phrases;

    public CaselessPhrases(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = [.. phrases.Select(p => (p, p.Where(c => c >= 0x80).Distinct().Select(c => SearchValues.Create(CaseVariants(c))).ToArray()))];
    }

    public IEnumerable<string> Phrases => _phrases.Select(p => p.Phrase);

    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        foreach (var (phrase, needs) in _phrases)
        {
            if (MayContain(text, needs) && text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool MayContain(ReadOnlySpan<char> text, SearchValues<char>[] needs)
    {
        foreach (var n in needs)
        {
            if (!text.ContainsAny(n)) return false;
        }
        return true;
    }

    /// <summary>
    /// The chars equal to <paramref name="c"/> ignoring case. Where Vietnamese letters live (U+00C0–U+017E, U+01A0–U+01B0,
    /// U+1EA0–U+1EF9) they are the char and its invariant upper and lower case, as a test checks against
    /// <see cref="EqualIgnoringCase"/> for every one of them; elsewhere all chars are tried (slow, once).
    /// </summary>
    public static char[] CaseVariants(char c) => IsVietnameseLetterRange(c)
        ? [.. new[] { c, char.ToUpperInvariant(c), char.ToLowerInvariant(c) }.Distinct().Order()]
        : EqualIgnoringCase(c);

    public static bool IsVietnameseLetterRange(char c) => c is >= '\u00C0' and <= '\u017E' or >= '\u01A0' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9';

    /// <summary>Every char that <see cref="StringComparison.OrdinalIgnoreCase"/> holds equal to <paramref name="c"/> (found by trying all).</summary>
    public static char[] EqualIgnoringCase(char c)
    {
        var equal = new List<char>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var x = (char)i;
            if (MemoryExtensions.Equals(new ReadOnlySpan<char>(in x), new ReadOnlySpan<char>(in c), StringComparison.OrdinalIgnoreCase)) equal.Add(x);
        }
        return [.. equal];
    }
}
