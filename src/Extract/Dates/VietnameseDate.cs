using System.Globalization;
using System.Text.RegularExpressions;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Dates;

/// <summary>
/// Dates as written in Vietnamese documents: "ngày 06 tháng 8 năm 2024", "ngày 14/8/2023", "1-3-2024",
/// with common OCR slips ("nàm", "thảng", "O1", "tháng 11-năm"). Impossible dates are rejected.
/// </summary>
public static partial class VietnameseDate
{
    // Digits as OCR sometimes reads them: O for 0, l/I for 1.
    private const string D = "[0-9OoIl]";

    // Between the parts, the stray mark a scan leaves ("tháng 11-năm 2025", "năm. 2025").
    private const string Gap = @"\s*[-–.,]?\s*";

    [GeneratedRegex(@"ng[àaã]y\s*(?<d>" + D + "{1,2})" + Gap + "th[áaảà]ng" + Gap + "(?<m>" + D + "{1,2})" + Gap + "n[ăaàâ]m" + Gap + "(?<y>" + D + "{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex LongForm();

    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})\s?[/.-]\s?(?<m>\d{1,2})\s?[/.-]\s?(?<y>(?:19|20)\d{2})(?![\d/])", RegexOptions.CultureInvariant)]
    internal static partial Regex ShortForm();

    public static DateOnly? FromParts(string d, string m, string y)
    {
        if (!int.TryParse(Digits(d), NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return null;
        if (!int.TryParse(Digits(m), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return null;
        if (!int.TryParse(Digits(y), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        if (year is < 1945 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static string Digits(string s) => s.Replace('O', '0').Replace('o', '0').Replace('I', '1').Replace('l', '1');

    /// <summary>Every date in a range of the text, in order, with its span.</summary>
    public static IEnumerable<Found<DateOnly>> FindAll(string text, TextSpan within)
    {
        var slice = text.Substring(within.Start, within.Length);
        var found = new List<Found<DateOnly>>();
        foreach (Match m in LongForm().Matches(slice))
        {
            if (FromParts(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value) is { } date)
                found.Add(new Found<DateOnly>(date, TextSpan.FromLength(within.Start + m.Index, m.Length), 0.95, "date.long"));
        }
        foreach (Match m in ShortForm().Matches(slice))
        {
            if (FromParts(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value) is { } date)
                found.Add(new Found<DateOnly>(date, TextSpan.FromLength(within.Start + m.Index, m.Length), 0.9, "date.short"));
        }
        return found.OrderBy(f => f.Span.Start);
    }

    /// <summary>The date starting at (or right after "ngày" at) a position, if any.</summary>
    public static Found<DateOnly>? ParseAt(string text, int start, int maxLength = 40)
    {
        var len = Math.Min(maxLength, text.Length - start);
        if (len <= 0) return null;
        var span = new TextSpan(start, start + len);
        return FindAll(text, span).FirstOrDefault(f => f.Span.Start - start <= 6);
    }
}
