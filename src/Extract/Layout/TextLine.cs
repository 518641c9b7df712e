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
}
