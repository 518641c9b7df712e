using System.Text.RegularExpressions;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Types;

/// <summary>
/// The document type (tên loại) from the title line ("BÁO CÁO", "KẾ HOẠCH" …), else from the symbol's type code,
/// else công văn when a "V/v" line is present; and the subject (trích yếu) under the title or after "V/v".
/// </summary>
public static partial class DocumentTypeClassifier
{
    public sealed record Result(string DocType, int TitleLine, Found<string>? Subject, string By);

    // "V⁄ thuế …", "V/y": how a scan reads "V/v".
    [GeneratedRegex(@"^\s*(?:V[/⁄](?:[vVy]|(?=\s))|Về việc)\s*:?\s*(?<s>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VvLine();

    [GeneratedRegex(@"^\s*(?:[IVX]+\s*[-.]|\d+\s*[.)]|[a-zđ]\)|Căn cứ|Kính gửi|Thực hiện|Để |Nơi nhận|Điều \d|Chương [IVX])", RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();

    [GeneratedRegex(@"^V/[vV]\s*:?\s*(?<s>.+)$")]
    private static partial Regex RepeatedVv();

    [GeneratedRegex(@"^(chinh phu|thu tuong|uy ban|hoi dong|bo truong|cuc truong|chu tich|giam doc|tong cuc truong|ban chap hanh|bo chinh tri|ban bi thu)\b")]
    private static partial Regex AuthorityStart();

    public static Result Classify(string text, IReadOnlyList<TextLine> lines, int numberLine, DocumentSymbol? symbol)
    {
        var limit = Math.Min(lines.Count, Math.Max(30, numberLine + 25));
        for (var i = 0; i < limit; i++)
        {
            var t = lines[i].Text.Replace("*", "").Trim();
            foreach (var (title, code) in DocTypes.TitleLines)
            {
                // The title alone, or with up to two characters after a space (no string made for each title tried).
                if (t == title || (t.Length > title.Length && t.Length < title.Length + 4 && t[title.Length] == ' ' && t.StartsWith(title, StringComparison.Ordinal)))
                {
                    var subject = SubjectAfter(lines, i + 1, firstMayBeBody: true);
                    return new Result(code, i, subject, "type.title");
                }
            }
        }
        for (var i = 0; i < limit; i++)
        {
            var m = VvLine().Match(lines[i].Text);
            if (m.Success && m.Groups["s"].Length > 0)
            {
                var first = lines[i];
                var g = m.Groups["s"];
                var subject = Join(new Found<string>(g.Value.Trim(), TextSpan.FromLength(first.Start + g.Index, g.Value.TrimEnd().Length), 0.9, "subject.vv"), lines, i + 1);
                // Only a công văn carries a "V/v" trích yếu, whatever its symbol's letters say (5680/CT-CS is Cục Thuế's).
                return new Result(DocTypes.CongVan, -1, subject, "type.vv");
            }
        }
        if (symbol?.DocTypeFromCode() is { } fromCode)
        {
            // A công văn whose trích yếu sits right under the number, without "V/v".
            var subject = numberLine >= 0 ? SubjectAfter(lines, numberLine + 1, firstMayBeBody: true, stopAtBlank: true) : null;
            return new Result(fromCode, -1, subject, "type.symbol");
        }
        // No header: a news page or a fragment; its first short line is its headline.
        var headline = lines.FirstOrDefault(l => l.Text.Trim().Length > 0);
        Found<string>? head = headline is not null && headline.Text.Trim().Length is > 8 and < 200 && !headline.Text.TrimEnd().EndsWith('.')
            ? new Found<string>(headline.Text.Trim(), TextSpan.FromLength(headline.Start + (headline.Text.Length - headline.Text.TrimStart().Length), headline.Text.Trim().Length), 0.6, "subject.headline")
            : null;
        return new Result(DocTypes.Other, -1, head, "type.none");
    }

    private static Found<string>? SubjectAfter(IReadOnlyList<TextLine> lines, int from, bool firstMayBeBody, bool stopAtBlank = false)
    {
        for (var i = from; i < Math.Min(lines.Count, from + 6); i++)
        {
            var t = lines[i].Text.Replace("*", "").Trim();
            if (t.Length == 0) continue;
            if (!firstMayBeBody && BodyStart().IsMatch(t)) return null;
            if (t.StartsWith("Số", StringComparison.Ordinal) || HeaderLines.IsStateHeader(t) || t.Contains(", ngày", StringComparison.Ordinal)) return null;
            // A công điện or tờ trình repeats "V/v" under its type name.
            var vv = RepeatedVv().Match(t);
            if (vv.Success) t = vv.Groups["s"].Value.Trim();
            if (t.StartsWith("Kính gửi", StringComparison.Ordinal) || t.StartsWith("Căn cứ", StringComparison.Ordinal)) return null;
            var offset = lines[i].Text.IndexOf(t, StringComparison.Ordinal);
            var found = new Found<string>(t, TextSpan.FromLength(lines[i].Start + Math.Max(0, offset), t.Length), 0.85, "subject.title");
            return Join(found, lines, i + 1, stopAtBlank);
        }
        return null;
    }

    /// <summary>The issuing authority's own line under the title ("CỤC TRƯỞNG CỤC HẢI QUAN", "ỦY BAN THƯỜNG VỤ QUỐC HỘI").</summary>
    private static bool IsAuthorityLine(string t)
    {
        var letters = t.Count(char.IsLetter);
        // "THỦ TƯỚNG CHÍNH PHỦ điện:" opens the body of a công điện.
        if (letters < 6 || (t.Count(char.IsUpper) < letters * 0.9 && !t.TrimEnd().EndsWith(':'))) return false;
        return AuthorityStart().IsMatch(Normalization.SearchFolding.Fold(t));
    }

    /// <summary>Joins the wrapped lines of a subject: continuation lines start in lower case or follow directly.</summary>
    private static Found<string> Join(Found<string> first, IReadOnlyList<TextLine> lines, int from, bool stopAtBlank = false)
    {
        var value = first.Value;
        var end = first.Span.End;
        var blank = false;
        for (var i = from; i < Math.Min(lines.Count, from + 8); i++)
        {
            var t = lines[i].Text.Replace("*", "").Trim();
            if (t.Length == 0) { blank = true; if (stopAtBlank) break; continue; }
            if (BodyStart().IsMatch(t) || t.StartsWith("Số", StringComparison.Ordinal) || t.Contains(", ngày", StringComparison.Ordinal)
                || HeaderLines.WithoutFixedPhrases(t).Length == 0 || t.StartsWith("Kính gửi", StringComparison.Ordinal)
                || (IsAuthorityLine(t) && !value.TrimEnd().EndsWith(','))) break;
            var letters = t.Count(char.IsLetter);
            if (letters > 3 && t.Count(char.IsUpper) > letters * 0.8 && !value.All(c => !char.IsLetter(c) || char.IsUpper(c))) break;
            // After a blank line only a lower-case start continues the subject.
            if (blank && !char.IsLower(t[0])) break;
            if (t.Length > 160) break;
            value += " " + t;
            var offset = lines[i].Text.IndexOf(t, StringComparison.Ordinal);
            end = lines[i].Start + Math.Max(0, offset) + t.Length;
            blank = false;
        }
        value = Spaces.Collapse(value).Trim().TrimEnd('.', ';', ',');
        return first with { Value = value, Span = new TextSpan(first.Span.Start, end) };
    }
}
