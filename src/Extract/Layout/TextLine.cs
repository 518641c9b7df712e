using DocIntel.Extract.Text;

namespace DocIntel.Extract.Layout;

/// <summary>One line of the normalised text with its offsets.</summary>
public sealed record TextLine(int Index, int Start, string Text)
{
    public int End => Start + Text.Length;

    public TextSpan Span => new(Start, End);

    public bool IsBlank => Text.Length == 0;

    /// <summary>Share of letters that are capitals (0 when there are no letters).</summary>
    public double UpperRatio
    {
        get
        {
            int letters = 0, upper = 0;
            foreach (var c in Text)
            {
                if (!char.IsLetter(c)) continue;
                letters++;
                if (char.IsUpper(c)) upper++;
            }
            return letters == 0 ? 0 : (double)upper / letters;
        }
    }

    public static IReadOnlyList<TextLine> Split(string text, TextSpan within)
    {
        var lines = new List<TextLine>();
        var pos = within.Start;
        var index = 0;
        while (pos <= within.End)
        {
            var nl = text.IndexOf('\n', pos, within.End - pos);
            var end = nl < 0 ? within.End : nl;
            lines.Add(new TextLine(index++, pos, text[pos..end]));
            if (nl < 0) break;
            pos = nl + 1;
        }
        return lines;
    }

    /// <summary>
    /// What <see cref="Split"/> gives for <paramref name="within"/>, taken from <paramref name="lines"/> already split over
    /// a range that covers it: the line strings are shared, not copied again (a document is split once, then its parts).
    /// </summary>
    public static IReadOnlyList<TextLine> Within(string text, IReadOnlyList<TextLine> lines, TextSpan within)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count > 0 && lines[0].Start == within.Start && lines[^1].End == within.End && lines[0].Index == 0) return lines;
        // The last line starting at or before the range.
        int lo = 0, hi = lines.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (lines[mid].Start <= within.Start) lo = mid;
            else hi = mid - 1;
        }
        var result = new List<TextLine>();
        var pos = within.Start;
        for (var k = lo; ; k++)
        {
            var line = lines[k];
            if (line.End < within.End)
            {
                // Its line break lies inside the range.
                result.Add(pos == line.Start ? new TextLine(result.Count, pos, line.Text) : new TextLine(result.Count, pos, text[pos..line.End]));
                pos = line.End + 1;
                continue;
            }
            result.Add(pos == line.Start && within.End == line.End ? new TextLine(result.Count, pos, line.Text) : new TextLine(result.Count, pos, text[pos..within.End]));
            return result;
        }
    }
}
