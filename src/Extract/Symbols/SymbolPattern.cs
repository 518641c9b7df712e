using System.Text.RegularExpressions;

namespace DocIntel.Extract.Symbols;

/// <summary>
/// The printed shape of a number and symbol, tolerant of the stray spaces real texts carry
/// ("44 -CV/BCĐ", "26- KH/TU", "27/NQ- TW"; in scans "43/201 9/QH14", "02⁄2 020/UBTVQH14", "76/⁄2025/UBTVQH15",
/// "2282/QĐ- -TTg"), as one regex shared by the number finder and the citation finder.
/// </summary>
public static partial class SymbolPattern
{
    private const string Body =
        @"(?<n>\d{1,5}|[OlI]\d{1,3}|\d[OlI]\d?)(?:\s?[/⁄]{1,2}\s?(?<y>(?:1\s?9|2\s?0)\s?\d\s?\d))?\s?[-/]\s?(?<t>[A-ZĐÐ][A-Za-zĐđÐ0-9]{0,9}(?:\.[A-Z]{1,4})?)(?:\s?[-/]\s?-?\s?[A-ZĐÐ][A-Za-zĐđÐ0-9]{0,12}(?:\.[A-Z]{1,4})?){0,3}";

    /// <summary>A symbol inside running text. "số145/2020/NĐ-CP" (no space after số) is allowed.</summary>
    [GeneratedRegex(@"(?:(?<![\p{L}\d/.,-])|(?<=[Ss][ốố]))" + Body + @"(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    public static partial Regex InText();

    // InText behind \G: tried only where FindInText places it.
    [GeneratedRegex(@"\G(?:(?<![\p{L}\d/.,-])|(?<=[Ss][ốố]))" + Body + @"(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex InTextAt();

    /// <summary>
    /// Every match of <see cref="InText"/> in <paramref name="text"/> (the same matches, in order), without running the
    /// regex over the whole text: a symbol always has a '-' or '/' followed (after at most one space) by a capital, at most
    /// 16 characters after its start (number ≤ 5, "/yyyy" with spaces ≤ 10, a space), and starts with a digit, O, l or I.
    /// Digits and the letters l and I are everywhere in Vietnamese text, separators before a capital are rare.
    /// </summary>
    public static IReadOnlyList<Match> FindInText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Text.AnchoredScan.Matches(InTextAt(), text, SymbolStarts(text));
    }

    private static IEnumerable<int> SymbolStarts(string text)
    {
        var tried = 0;
        for (var q = text.AsSpan().IndexOfAny('-', '/'); q >= 0 && q < text.Length;)
        {
            if (CapitalAt(text, q + 1) || (q + 2 < text.Length && char.IsWhiteSpace(text[q + 1]) && CapitalAt(text, q + 2)))
            {
                for (var s = Math.Max(tried, q - 16); s < q; s++)
                {
                    var c = text[s];
                    if (char.IsDigit(c) || c is 'O' or 'l' or 'I') yield return s;
                }
                tried = Math.Max(tried, q);
            }
            var rest = text.AsSpan(q + 1).IndexOfAny('-', '/');
            q = rest < 0 ? -1 : q + 1 + rest;
        }
    }

    private static bool CapitalAt(string text, int i) => i < text.Length && text[i] is (>= 'A' and <= 'Z') or 'Đ' or 'Ð';

    // "Số" and what OCR makes of it ("Sế585-CV/ĐU", "Sô: 12/BC-UBND"), never "Sở", a department's word; in capitals
    // ("SỐ:", "Đố:") only first on its line: a title's "… THEO NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND" cites, it does not number.
    private const string So = @"(?:(?<![\p{L}])S(?:[ốố]|[ôồổỗộếểềễệóòỏõọö6])|(?<=^[\s*|]*)(?:S[ỐÔỒỔỖỘẾỂỀỄỆ]|Đố))";

    /// <summary>The document's own number line: "Số: 04/BC-UBND", "Số 585-CV/ĐU", and as OCR misreads it: "Sế585-CV/ĐU", "Số.212-KL/TW".</summary>
    [GeneratedRegex(So + @"\s*[:.]?\s*(?<sym>" + Body + @")(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    public static partial Regex NumberLine();

    /// <summary>"Số:" alone on its line, the number below; with the marks OCR leaves beside it ("Số:. -").</summary>
    [GeneratedRegex(@"^\s*" + So + @"\s*[:.]?[\s.:,\-–]*$", RegexOptions.CultureInvariant)]
    public static partial Regex NumberLabelLine();

    /// <summary>
    /// A symbol found at [<paramref name="start"/>, +<paramref name="length"/>) continued past a misread hyphen: OCR reads
    /// the hyphen of "37698/TB-CHQ" as an apostrophe or colon ("37698/TB'CHQ", "377/ĐA:CP"), so the match stops short.
    /// The symbol's length in the text and its printed form with the hyphen back; as found when the text goes on otherwise.
    /// </summary>
    public static (int Length, string Printed) PastMisreadHyphen(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tail = MisreadHyphenTail(text, start + length);
        return tail == 0
            ? (length, text.Substring(start, length))
            : (length + tail, text.Substring(start, length) + "-" + text.Substring(start + length + 1, tail - 1));
    }

    private static int MisreadHyphenTail(string text, int end)
    {
        if (end >= text.Length || text[end] is not ('\'' or '’' or '‘' or '`' or '´' or ':')) return 0;
        var i = end + 1;
        while (i < text.Length && i - end <= 12 && (CapitalAt(text, i) || char.IsAsciiDigit(text[i]))) i++;
        var tail = i - end - 1;
        return tail >= 2 && CapitalAt(text, end + 1) && (i >= text.Length || !char.IsLetterOrDigit(text[i])) ? i - end : 0;
    }

    /// <summary>A looser symbol allowed only right after "TYPE số": "Văn bản số 01/HLV", "số 16/CGC.BT".</summary>
    [GeneratedRegex(@"^\s*(?<sym>\d{1,5}/[A-ZĐ][A-Za-zĐđ0-9]{1,12}(?:\.[A-Z]{1,4})?)(?![\p{L}\d/-])", RegexOptions.CultureInvariant)]
    public static partial Regex LooseAfterSo();

    /// <summary>True when a matched symbol has at least one capital group of two letters (not "3/A").</summary>
    public static bool LooksLikeSymbol(string printed)
    {
        var letters = 0;
        var maxRun = 0;
        foreach (var c in printed)
        {
            if (char.IsUpper(c)) { letters++; maxRun = Math.Max(maxRun, letters); }
            else if (!char.IsLower(c)) letters = 0;
        }
        return maxRun >= 2;
    }
}
