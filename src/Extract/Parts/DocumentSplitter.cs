using System.Text.RegularExpressions;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Parts;

/// <summary>
/// Splits a file's text into the documents it holds: a cover letter and the document it forwards, or a bundle.
/// A new document starts at a header block (issuer lines, motto, "Số …" line) that follows a closed document
/// (one that already had its "Nơi nhận" or signer).
/// </summary>
public static partial class DocumentSplitter
{
    [GeneratedRegex(@"^\s*\**\s*Nơi nhận", RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    public static IReadOnlyList<TextSpan> Split(string text) => Split(text, TextLine.Split(text, new TextSpan(0, text.Length)));

    /// <summary>The same, from the lines of the whole text already split.</summary>
    public static IReadOnlyList<TextSpan> Split(string text, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var starts = new List<int> { 0 };
        var closed = false;
        var numberLines = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (Closing().IsMatch(t)) closed = true;
            var m = SymbolPattern.NumberLine().Match(t);
            if (!m.Success || m.Index > 3) continue;
            numberLines++;
            if (!closed || numberLines < 2) continue;
            // Walk back over the header block that belongs to this number.
            var start = i;
            for (var j = i - 1; j > 0 && i - j <= 14; j--)
            {
                var u = lines[j].Text.Trim();
                if (u.Length == 0) continue;
                var letters = u.Count(char.IsLetter);
                var isHeader = letters > 0 && u.Count(char.IsUpper) >= letters * 0.8
                    || HeaderLines.IsStateHeader(u) || HeaderLines.IsPartyDocument(u) || u.Contains(", ngày", StringComparison.Ordinal) || u == "*";
                if (!isHeader) break;
                start = j;
            }
            // The signer's name of the previous document is not part of the new header.
            starts.Add(lines[start].Start);
            closed = false;
        }
        var spans = new List<TextSpan>();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : text.Length;
            spans.Add(new TextSpan(starts[k], end));
        }
        return spans;
    }
}
