using System.Buffers;
using System.Text.RegularExpressions;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Zones;

/// <summary>
/// Cuts the site chrome that web copies of documents carry (law portals' banners, summary boxes, login notices,
/// "Xem chi tiết / Các tin khác"): the document starts at its header block and ends before the first chrome line
/// after its body. Chrome left in would give false citations and false dates.
/// </summary>
public static partial class WebChrome
{
    // Lines that only a web page has; safe anywhere.
    private static readonly string[] Strong =
    [
        "thu vien phap luat", "thuvienphapluat", "ban dich nay thuoc quyen so huu", "dang tai van ban", "cam on da dung",
        "xin loi quy khach", "chi tiet bai viet tam thoi khong co", "luatvietnam.vn", "thong tin khach hang", "van ban nay chua cap nhat noi dung",
    ];

    // Short lines that are chrome when they stand alone ("Xem chi tiết", "Số hiệu:").
    private static readonly string[] Labels =
    [
        "xem chi tiet", "cac tin khac", "tin lien quan", "so hieu:", "loai van ban:", "noi ban hanh:", "nguoi ky:", "ngay ban hanh:",
        "ngay hieu luc:", "tinh trang:", "ngay cong bao:", "so cong bao:", "dang nhap", "dang xuat", "ma so thue:", "e-mail:", "dien thoai:",
    ];

    [GeneratedRegex(@"^\s*Nơi nhận", RegexOptions.CultureInvariant)]
    private static partial Regex Recipients();

    // Cheap first look on the unfolded line, so only a few lines are folded.
    internal static readonly string[] Hints =
    [
        "PHÁP LUẬT", "phapluat", "PhapLuat", "Bản dịch", "Đang tải", "Cảm ơn", "Xin lỗi", "bài viết", "luatvietnam", "khách hàng", "chưa cập nhật",
    ];

    // The strong phrases as one multi-string search over the folded line.
    private static readonly SearchValues<string> StrongValues = SearchValues.Create(Strong, StringComparison.Ordinal);

    public static bool IsChrome(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 60 && !HasHint(line)) return false;
        // The line folded without its '*' (as SearchFolding.Fold(line.Replace("*", "")).Trim()), in a buffer: most lines are not chrome.
        Span<char> buffer = line.Length <= 256 ? stackalloc char[line.Length] : new char[line.Length];
        var n = 0;
        foreach (var c in line)
        {
            if (c == '*') continue;
            var f = SearchFolding.FoldOne(c);
            if (f != '\0') buffer[n++] = f;
        }
        ReadOnlySpan<char> folded = buffer[..n].Trim();
        if (folded.ContainsAny(StrongValues)) return true;
        if (folded.Length > 40) return false;
        foreach (var m in Labels)
        {
            if (folded.StartsWith(m, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // Every line after the document's start is looked at: the accented hints are pre-checked (see CaselessPhrases).
    private static readonly CaselessPhrases HintPhrases = new(Hints);

    internal static bool HasHint(string line) => HintPhrases.ContainsAny(line);

    public static TextSpan Trim(string text, TextSpan part) => Trim(text, part, TextLine.Split(text, part));

    /// <summary>The same, from the part's lines already split.</summary>
    public static TextSpan Trim(string text, TextSpan part, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var lastLeadingChrome = -1;
        var anchorOffset = HeaderLines.FirstAnchor(text, part);
        var numberLine = lines.FirstOrDefault(l => SymbolPattern.NumberLine().Match(l.Text) is { Success: true, Index: <= 3 });
        if (numberLine is not null && (anchorOffset < 0 || numberLine.Start < anchorOffset)) anchorOffset = numberLine.Start;
        var anchorLine = anchorOffset < 0 ? -1 : lines.Last(l => l.Start <= anchorOffset).Index;
        for (var i = 0; i < (anchorLine < 0 ? 0 : anchorLine); i++)
        {
            if (IsChrome(lines[i].Text)) lastLeadingChrome = i;
        }
        var start = part.Start;
        if (lastLeadingChrome >= 0)
        {
            // Back up from the anchor over the issuer block (capitals, short lines), never into the chrome.
            var first = anchorLine;
            for (var j = anchorLine - 1; j > lastLeadingChrome && anchorLine - j <= 8; j--)
            {
                var t = lines[j].Text.Trim();
                if (t.Length == 0 || t == "*") { continue; }
                var letters = t.Count(char.IsLetter);
                if (letters == 0 || t.Count(char.IsUpper) < letters * 0.7) break;
                first = j;
            }
            start = lines[first].Start;
        }
        var end = part.End;
        var bodyFrom = Math.Max(anchorLine, 0);
        var closed = false;
        for (var i = bodyFrom + 1; i < lines.Count; i++)
        {
            if (Recipients().IsMatch(lines[i].Text)) closed = true;
            if (!IsChrome(lines[i].Text)) continue;
            // Trailing chrome: after the recipients block, or in the last part of the text.
            if (closed || lines[i].Start - part.Start > part.Length * 0.3)
            {
                end = lines[i].Start;
                break;
            }
        }
        return end > start ? new TextSpan(start, end) : part;
    }
}
