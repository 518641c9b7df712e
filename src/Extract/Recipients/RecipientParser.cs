using System.Text.RegularExpressions;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Recipients;

/// <summary>The addressees after "Kính gửi:", one per bullet or line.</summary>
public static partial class RecipientParser
{
    [GeneratedRegex(@"^[\s*\-+•]*(?<v>.*?)[\s*,;.]*$")]
    private static partial Regex Segment();

    public static IReadOnlyList<Found<string>> Parse(IReadOnlyList<TextLine> lines, int searchLines = 60)
    {
        var result = new List<Found<string>>();
        var limit = Math.Min(lines.Count, searchLines);
        for (var i = 0; i < limit; i++)
        {
            var idx = lines[i].Text.IndexOf("Kính gửi", StringComparison.OrdinalIgnoreCase);
            if (idx < 0) continue;
            var colon = lines[i].Text.IndexOf(':', idx);
            var afterStart = colon >= 0 ? colon + 1 : idx + "Kính gửi".Length;
            var first = lines[i].Text[afterStart..];
            Add(result, first, lines[i].Start + afterStart);
            var sawItem = result.Count > 0;
            for (var j = i + 1; j < lines.Count; j++)
            {
                var t = lines[j].Text.Replace("*", "").Trim();
                if (t.Length == 0) continue;
                var bullet = t.StartsWith('-') || t.StartsWith('+') || t.StartsWith('•');
                if (!bullet && sawItem) break;
                if (!bullet && t.Length > 120) break;
                Add(result, lines[j].Text, lines[j].Start);
                sawItem = true;
                if (!bullet) break;
            }
            break;
        }
        return result;
    }

    private static void Add(List<Found<string>> into, string segment, int offset)
    {
        var m = Segment().Match(segment);
        var v = m.Groups["v"].Value.Trim();
        if (v.Length < 2) return;
        var start = offset + m.Groups["v"].Index;
        into.Add(new Found<string>(v, TextSpan.FromLength(start, v.Length), 0.9, "recipients.kinh_gui"));
    }
}
