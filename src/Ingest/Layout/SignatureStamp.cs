using System.Text.RegularExpressions;

namespace DocIntel.Ingest.Layout;

/// <summary>
/// Digital-signature boxes stamped on a page ("Ký bởi: Sở Nội vụ", "Thời gian ký: 28.11.2024 09:12:31 +07:00",
/// "Cơ quan: …", "Email: …"): they are not part of the document's text, and a page whose only text is such a box
/// is a scan that needs OCR.
/// </summary>
public static partial class SignatureStamp
{
    [GeneratedRegex(@"(?i)\b(k[ýy]\s*b[ởơo]i|th[ờơo]i\s*gian\s*k[ýy]|ng[ưư][ờơo]i\s*k[ýy]\s*:|ng[àa]y\s*k[ýy]\s*:|signed\s+by|signature\s+valid|digitally\s+signed)")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"(?i)^\s*(c[ơo]\s*quan|ch[ứu]c\s*v[ụu]|email|e-mail|th[ờơo]i\s*gian|ng[àa]y|t[ổo]\s*ch[ứu]c)\s*:|\d{1,2}[:.]\d{2}[:.]\d{2}|[+]0?7[:.]?00|@\w+\.(gov|vn|com)")]
    private static partial Regex Companion();

    public static bool IsAnchor(string line) => Anchor().IsMatch(line);

    public static bool IsCompanion(string line) => Companion().IsMatch(line);

    /// <summary>Removes stamp lines from plain lines of text (no positions): the anchor and the companion lines next to it.</summary>
    public static (IReadOnlyList<string> Kept, int Removed) RemoveFromLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var drop = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsAnchor(lines[i])) continue;
            drop[i] = true;
            for (var j = i - 1; j >= Math.Max(0, i - 3) && IsCompanion(lines[j]); j--) drop[j] = true;
            for (var j = i + 1; j < Math.Min(lines.Count, i + 5) && (IsCompanion(lines[j]) || IsAnchor(lines[j])); j++) drop[j] = true;
        }
        var kept = lines.Where((_, i) => !drop[i]).ToList();
        return (kept, lines.Count - kept.Count);
    }
}
