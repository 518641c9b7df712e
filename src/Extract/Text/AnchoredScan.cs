using System.Text.RegularExpressions;

namespace DocIntel.Extract.Text;

/// <summary>
/// A left-to-right regex scan run only where a match can start. A costly pattern whose matches all begin at a few
/// cheaply found places (a literal, a separator) is written a second time behind <c>\G</c>, tried at those places in
/// order, and gives exactly the matches the unanchored pattern finds in the whole text: a match at a position does
/// not depend on how the engine got there (look-arounds still see the whole input), and positions that are not
/// candidates cannot start one.
/// </summary>
internal static class AnchoredScan
{
    /// <summary>
    /// The leftmost-first, non-overlapping matches of <paramref name="anchored"/> (a pattern that starts with <c>\G</c>)
    /// tried at <paramref name="candidates"/>, which must be in increasing order and include every possible start.
    /// </summary>
    public static List<Match> Matches(Regex anchored, string input, IEnumerable<int> candidates)
    {
        var found = new List<Match>();
        var next = 0;
        foreach (var at in candidates)
        {
            if (at < next) continue;
            var m = anchored.Match(input, at);
            if (!m.Success) continue;
            found.Add(m);
            // Matches are never empty here (each pattern consumes its literal), so the scan resumes after the match.
            next = m.Index + Math.Max(1, m.Length);
        }
        return found;
    }

    /// <summary>Every position of any of <paramref name="literals"/> in <paramref name="input"/>, ascending and distinct.</summary>
    public static List<int> PositionsOf(string input, params string[] literals)
    {
        var positions = new List<int>();
        foreach (var literal in literals)
        {
            for (var i = input.IndexOf(literal, StringComparison.Ordinal); i >= 0; i = input.IndexOf(literal, i + 1, StringComparison.Ordinal))
                positions.Add(i);
        }
        positions.Sort();
        return positions;
    }
}
