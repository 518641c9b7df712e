using DocIntel.Extract.Layout;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Numbers;

/// <summary>Finds the document's own number and symbol (số, ký hiệu) in the header: "Số: 04/BC-UBND", "Số 585-CV/ĐU".</summary>
public static class DocumentNumberFinder
{
    public sealed record Result(Found<string> Number, DocumentSymbol? Symbol, int LineIndex);

    public static Result? Find(string text, IReadOnlyList<TextLine> lines, int headerLines)
    {
        var limit = Math.Min(lines.Count, headerLines);
        for (var i = 0; i < limit; i++)
        {
            var line = lines[i];
            var m = SymbolPattern.NumberLine().Match(line.Text);
            if (m.Success && SymbolPattern.LooksLikeSymbol(m.Groups["sym"].Value))
            {
                var g = m.Groups["sym"];
                return Make(text, line.Start + g.Index, g.Length, i, 0.95);
            }
            // "Số:" alone, the number on the next line (a blank line between, where a scan's layout saw a paragraph end).
            var below = i + 1;
            if (below < lines.Count && lines[below].Text.Trim().Length == 0) below++;
            if (below < lines.Count && SymbolPattern.NumberLabelLine().IsMatch(line.Text))
            {
                var next = lines[below];
                var n = SymbolPattern.InText().Match(next.Text);
                if (n.Success && n.Index <= 2)
                    return Make(text, next.Start + n.Index, n.Length, below, 0.85);
            }
        }
        return null;
    }

    private static Result Make(string text, int start, int length, int line, double confidence)
    {
        // "37698/TB'CHQ": the hyphen misread, the symbol goes on.
        (length, var printed) = SymbolPattern.PastMisreadHyphen(text, start, length);
        var span = TextSpan.FromLength(start, length);
        DocumentSymbol.TryParse(printed, out var symbol);
        return new Result(new Found<string>(DocumentSymbol.Normalize(printed), span, confidence, "number.header"), symbol, line);
    }
}
