using System.Text.RegularExpressions;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Issuers;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Signers;

/// <summary>
/// Reads the signer block (box 7): authority prefix (KT., TM., T/M, TL., TUQ., Q.), position, and the name —
/// the last name-shaped line of the document, not a stamp text or "(Đã ký)".
/// </summary>
public static partial class SignerParser
{
    private static readonly string[] KnownPositions =
    [
        "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Trưởng ban", "Phó Trưởng ban", "Phó Ban Chỉ đạo", "Trưởng Ban Chỉ đạo",
        "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng",
        "Cục trưởng", "Phó Cục trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Hiệu trưởng", "Phó Hiệu trưởng", "Trưởng phòng", "Phó Trưởng phòng",
        "Tổng Bí thư", "Thường trực", "Ủy viên", "Chánh Thanh tra", "Tổng Cục trưởng", "Viện trưởng", "Chủ tịch Quốc hội",
    ];

    // The positions' keys, folded once: the parser compares against them for every signer block.
    private static readonly string[] KnownPositionKeys = [.. KnownPositions.Select(BodyNames.Key)];
    private static readonly HashSet<string> KnownPositionKeySet = [.. KnownPositionKeys];

    // Longest first (a stable order, as OrderByDescending gives), each with its key without spaces.
    private static readonly (string Position, string Glued)[] GluedPositions =
        [.. KnownPositions.OrderByDescending(p => p.Length).Select(p => (p, BodyNames.Key(p).Replace(" ", "", StringComparison.Ordinal)))];

    [GeneratedRegex(@"^(?<a>K\.?\s?T\.?|T\.?\s?M\.?|T/M|K/T|T\.?\s?L\.?|T/L|T\.?\s?U\.?\s?Q\.?|TƯQ\.?|Q\.)\s+(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityLine();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{Ll}]+)(?:\s\p{Lu}[\p{Ll}]*){1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();

    private static readonly HashSet<string> NotNames = ["Nơi nhận", "Như trên", "Kính gửi", "Lưu", "Đã ký", "Thái Bình", "Kiểm"];

    [GeneratedRegex(@"^\s*Nơi\s+nh[ậâ]n", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientsLine();

    [GeneratedRegex(@"^\s*(?:PHỤ LỤC|Phụ lục)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Appendix();

    public static SignerInfo? Parse(string text, IReadOnlyList<TextLine> lines)
    {
        // The signer block sits beside "Nơi nhận:" (before or after it once the two columns are flattened);
        // without one, it ends the document, before any appendix.
        var recipients = lines.LastOrDefault(l => RecipientsLine().IsMatch(l.Text));
        int first, last;
        if (recipients is not null)
        {
            first = Math.Max(0, recipients.Index - 14);
            last = Math.Min(lines.Count - 1, recipients.Index + 30);
            var after = Scan(lines, recipients.Index + 1, last);
            if (after is not null) return after;
            last = recipients.Index - 1;
        }
        else
        {
            var appendix = lines.FirstOrDefault(l => l.Index > lines.Count / 3 && Appendix().IsMatch(l.Text));
            last = (appendix?.Index ?? lines.Count) - 1;
            first = Math.Max(0, last - 40);
        }
        return Scan(lines, first, last) ?? WithoutName(lines, recipients?.Index ?? lines.Count - 1);
    }

    /// <summary>The name was not printed (or not kept): the authority line still tells who signs and as what.</summary>
    private static SignerInfo? WithoutName(IReadOnlyList<TextLine> lines, int around)
    {
        for (var i = Math.Min(lines.Count - 1, around + 15); i >= Math.Max(0, around - 15); i--)
        {
            var t = Clean(lines[i].Text);
            var a = AuthorityLine().Match(t);
            if (!a.Success) continue;
            var rest = a.Groups["rest"].Value;
            string? position = null;
            // "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH": the position glued to the end of the line.
            var restGlued = BodyNames.Key(rest).Replace(" ", "", StringComparison.Ordinal);
            var glued = GluedPositions.FirstOrDefault(g => restGlued.EndsWith(g.Glued, StringComparison.Ordinal)).Position;
            if (glued is not null) position = glued;
            else if (i + 1 < lines.Count && Clean(lines[i + 1].Text) is { Length: > 0 } next && next.Count(char.IsUpper) > next.Count(char.IsLetter) * 0.8)
                position = PositionName(next);
            var span = TextSpan.FromLength(lines[i].Start, lines[i].Text.Length);
            return new SignerInfo(null, position, NormalizeAuthority(a.Groups["a"].Value), null, span);
        }
        return null;
    }

    private static SignerInfo? Scan(IReadOnlyList<TextLine> lines, int first, int last)
    {
        for (var i = last; i >= first; i--)
        {
            var t = Clean(lines[i].Text);
            if (t.Length == 0) continue;
            if (!IsName(t)) continue;
            var nameOffset = lines[i].Text.IndexOf(t, StringComparison.Ordinal);
            var nameSpan = TextSpan.FromLength(lines[i].Start + Math.Max(0, nameOffset), t.Length);
            string? position = null, authority = null;
            TextSpan? positionSpan = null;
            for (var j = i - 1; j >= Math.Max(0, i - 8); j--)
            {
                var u = Clean(lines[j].Text);
                if (u.Length == 0) continue;
                if (u.StartsWith('-') || u.EndsWith(';') || u.Contains("Nơi nhận", StringComparison.OrdinalIgnoreCase)) break;
                var letters = u.Count(char.IsLetter);
                if (letters == 0 || u.Count(char.IsUpper) < letters * 0.7) continue;
                var a = AuthorityLine().Match(u);
                if (a.Success)
                {
                    authority = NormalizeAuthority(a.Groups["a"].Value);
                    break;
                }
                // A line wrapped out of the authority line above ("T/M BỘ CHÍNH⏎TRỊ", "… CHÍNH SÁCH,⏎THUẾ QUỐC TẾ").
                var above = j > 0 ? Clean(lines[j - 1].Text) : "";
                if (above.EndsWith(',') || (AuthorityLine().IsMatch(above) && u.Split(' ').Length <= 2 && !KnownPositionKeySet.Contains(BodyNames.Key(u))))
                    continue;
                if (position is null)
                {
                    position = PositionName(u);
                    var off = lines[j].Text.IndexOf(u, StringComparison.Ordinal);
                    positionSpan = TextSpan.FromLength(lines[j].Start + Math.Max(0, off), u.Length);
                }
            }
            return new SignerInfo(t, position, authority, nameSpan, positionSpan);
        }
        return null;
    }

    [GeneratedRegex(@"^\s*\(\s*Đã\s+ký\s*\)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SignedMark();

    private static string Clean(string line)
    {
        var s = line.Replace("*", "").Replace("#", "").Replace("|", "");
        // "(Đã ký)" before the name; a line without '(' cannot hold it.
        if (s.Contains('(', StringComparison.Ordinal)) s = SignedMark().Replace(s, "");
        return Spaces.Collapse(s).Trim();
    }

    private static bool IsName(string t)
    {
        if (!NameShape().IsMatch(t) || NotNames.Any(n => t.StartsWith(n, StringComparison.Ordinal))) return false;
        var words = t.Split(' ');
        // Vietnamese personal names: 2–5 syllables, each short; not a heading such as "Chương X" or "Phần II".
        if (words.Any(w => w.Length < 2 || IsRomanNumeral(w))) return false;
        if (words[0] is "Chương" or "Điều" or "Mục" or "Phần" or "Phụ" or "Khoản" or "Tiết") return false;
        return words.Length is >= 2 and <= 5 && words.All(w => w.Length <= 7);
    }

    private static bool IsRomanNumeral(string word)
    {
        foreach (var c in word)
        {
            if (c is not ('I' or 'V' or 'X' or 'L' or 'C')) return false;
        }
        return word.Length > 0;
    }

    private static string NormalizeAuthority(string a)
    {
        var k = new string(a.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        return k switch { "KT" => "KT", "TM" => "TM", "TL" => "TL", "TUQ" or "TƯQ" => "TUQ", "Q" => "Q", _ => k };
    }

    /// <summary>Position in normal case; OCR- or glyph-damaged capitals ("PHÓ BÍ THU'", "PHÓ CH TỊCH") matched to a known position.</summary>
    public static string PositionName(string upper)
    {
        var cleaned = Spaces.Collapse(upper.Replace("THU'", "THƯ").Replace("'", "")).Trim();
        var key = BodyNames.Key(cleaned);
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < KnownPositions.Length && bestDistance > 0; i++)
        {
            // The first at distance 0 is the answer: no later one can be nearer.
            var d = KnownPositionKeys[i] == key ? 0 : Edits.Distance(key, KnownPositionKeys[i]);
            if (d < bestDistance) { bestDistance = d; best = KnownPositions[i]; }
        }
        if (best is not null && bestDistance <= Math.Max(1, key.Length / 6)) return best;
        return BodyNames.ToNormalCase(cleaned);
    }
}
