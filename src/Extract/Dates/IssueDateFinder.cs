using System.Text.RegularExpressions;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Dates;

/// <summary>
/// The document's own date and place (địa danh và thời gian, box 4): "Song Vân, ngày 11 tháng 01 năm 2024".
/// Dates of cited documents and deadlines in the body are not taken.
/// </summary>
public static partial class IssueDateFinder
{
    public sealed record Result(Found<DateOnly>? Date, Found<string>? Place);

    [GeneratedRegex(@",\s*ngày[\s.…_]*tháng[\s.…_]*(?:\d{1,2}\s*)?năm\s*(?:19|20)\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankDateLine();

    [GeneratedRegex(@",\s*ng[àaã]y\s*[0-9OoIl]{1,2}\s*(?:th[áaảà]ng|[/-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateLineComma();

    [GeneratedRegex(@"(?:Căn cứ|[Ss]ố\s)")]
    private static partial Regex CitedBefore();

    [GeneratedRegex(@"(?:thông qua|ký ban hành)\s+ngày\s", RegexOptions.CultureInvariant)]
    private static partial Regex PassedOn();

    public static Result? Find(string text, IReadOnlyList<TextLine> lines, int headerLines)
    {
        var limit = Math.Min(lines.Count, headerLines);
        if (limit == 0) return null;
        // The date line may wrap ("Nghệ An, ngày 26⏎tháng 11 năm 2025"), so match over the header, not line by line.
        var headerStart = lines[0].Start;
        var header = text[headerStart..lines[limit - 1].End];
        foreach (Match c in DateLineComma().Matches(header))
        {
            var line = lines.Last(l => l.Start <= headerStart + c.Index);
            var commaInLine = headerStart + c.Index - line.Start;
            // The word before ", ngày" is a place name, not a cited symbol ("142-KH/BTC, ngày …") or a "Căn cứ" line.
            var before = line.Text[..commaInLine].TrimEnd();
            var lastWord = before.Split(' ').LastOrDefault() ?? "";
            if (lastWord.Length == 0 || lastWord.Any(ch => char.IsDigit(ch) || ch is '/' or '-') || CitedBefore().IsMatch(before)) continue;
            var date = VietnameseDate.ParseAt(text, headerStart + c.Index + 1, 60);
            if (date is null) continue;
            var place = PlaceBefore(line, commaInLine);
            // A date line names its place; "… 08 giờ 00 phút, ngày 09/11/2024" in a body does not.
            if (place is null) continue;
            if (place is not null && line.Index > 0 && place.Span.Start == line.Start + (line.Text.Length - line.Text.TrimStart().Length))
                place = WithWrappedStart(lines, line.Index - 1, place);
            return new Result(date with { By = "date.header" }, place);
        }
        // A date line left blank for the signing office ("Hà Nội, ngày   tháng   năm 2025"): the place stands, the date is unknown.
        var blank = BlankDateLine().Match(header);
        if (blank.Success)
        {
            var line = lines.Last(l => l.Start <= headerStart + blank.Index);
            var place = PlaceBefore(line, headerStart + blank.Index - line.Start);
            if (place is not null) return new Result(null, place);
        }
        // No date line: the closing formula of a resolution or law ("… thông qua ngày 16 tháng 6 năm 2025").
        var tailFrom = lines[Math.Max(0, lines.Count * 2 / 3)].Start;
        var closing = PassedOn().Match(text[tailFrom..lines[^1].End]);
        if (closing.Success && VietnameseDate.ParseAt(text, tailFrom + closing.Index + closing.Length - 5, 50) is { } passed)
            return new Result(passed with { Confidence = 0.8, By = "date.closing" }, null);
        // No date line: a short dated line near the top (a news page "7:57, Thứ Sáu, 1-3-2024").
        for (var i = 0; i < Math.Min(lines.Count, 6); i++)
        {
            var line = lines[i];
            if (line.Text.Length > 60 || (i > 0 && ContinuesACitation(lines[i - 1], line))) continue;
            var d = VietnameseDate.FindAll(text, line.Span).FirstOrDefault();
            if (d is not null) return new Result(d with { Confidence = 0.6, By = "date.dateline" }, null);
        }
        return null;
    }

    /// <summary>
    /// "… NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP⏎NGÀY 30 THÁNG 6 NĂM 2020 …": a title wrapped after a cited symbol; the date is that
    /// document's.
    /// </summary>
    private static bool ContinuesACitation(TextLine previous, TextLine line)
    {
        var last = previous.Text.TrimEnd().Split(' ').LastOrDefault() ?? "";
        return line.Text.TrimStart().StartsWith("ngày", StringComparison.OrdinalIgnoreCase) && last.Contains('/') && last.Any(char.IsDigit) && last.Any(char.IsUpper);
    }

    /// <summary>"*Thành phố Hồ⏎Chí Minh, ngày …": a place name wrapped onto the date line.</summary>
    private static Found<string> WithWrappedStart(IReadOnlyList<TextLine> lines, int previous, Found<string> place)
    {
        var prev = lines[previous];
        var t = prev.Text.Trim();
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3 || t.Any(c => char.IsDigit(c) || c is ',' or ':' or '/') || HeaderLines.IsStateHeader(t)) return place;
        if (!words.All(w => char.IsUpper(w[0]) || w is "phố" or "xã" or "trấn") || words.All(w => w.All(c => !char.IsLetter(c) || char.IsUpper(c)))) return place;
        var start = prev.Start + prev.Text.IndexOf(t, StringComparison.Ordinal);
        return place with { Value = t + " " + place.Value, Span = new TextSpan(start, place.Span.End) };
    }

    private static Found<string>? PlaceBefore(TextLine line, int commaIndex)
    {
        var before = line.Text[..commaIndex];
        // The number may share the line ("Số: 04/BC-UBND Song Vân"): keep what follows the last digit or symbol character.
        var cut = before.LastIndexOfAny("0123456789/:*|".ToCharArray());
        var segment = cut >= 0 ? before[(cut + 1)..] : before;
        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        for (var k = words.Length - 1; k >= 0; k--)
        {
            var w = words[k];
            if (char.IsUpper(w[0]) || w is "phố" or "xã" or "trấn" or "khu") kept.Insert(0, w);
            else break;
            if (kept.Count >= 6) break;
        }
        // Drop a leading symbol code like "UBND" glued in front of the place.
        // Drop a symbol code glued in front of the place ("UBND Song Vân", "TTr-SNV Bình Thuận").
        while (kept.Count > 1 && kept[0].Length >= 2 && (kept[0].All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) || kept[0].Any(ch => ch is '-' or '/' or '.'))) kept.RemoveAt(0);
        if (kept.Count == 0) return null;
        var value = string.Join(' ', kept);
        var idx = line.Text.LastIndexOf(value, commaIndex, StringComparison.Ordinal);
        var start = line.Start + Math.Max(0, idx);
        return new Found<string>(value, TextSpan.FromLength(start, value.Length), 0.9, "place.header");
    }
}
