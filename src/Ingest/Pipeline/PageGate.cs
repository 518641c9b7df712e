using DocIntel.Extract.Normalization;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Pipeline;

/// <summary>The gate's verdict on a page's text: keep it, or OCR the page (and why).</summary>
public sealed record PageVerdict(bool NeedsOcr, double Score, int Letters, string? Reason);

/// <summary>
/// The per-page quality gate: a page's text is OCR'd when it is missing, too thin for the ink on the page (a scan
/// under a stamp or a few words), damaged (ƣ, dropped glyphs, mojibake: the text-quality score), or only a
/// digital-signature box. The OCR reading replaces the text only when it scores better.
/// </summary>
public static partial class PageGate
{
    /// <summary>Pages with fewer letters have no usable text layer.</summary>
    public const int MinLetters = 40;

    /// <summary>Text scoring under this is damaged.</summary>
    public const double MinScore = 0.8;

    public static PageVerdict Assess(SourcePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var letters = page.Text.Count(char.IsLetter);
        var quality = TextQuality.Score(page.Text);
        var score = letters == 0 ? 0 : quality.Score;
        if (letters < MinLetters)
            return new PageVerdict(true, score, letters, page.StampLinesRemoved > 0 ? "text layer is only a digital-signature stamp" : letters == 0 ? "no text layer" : $"text layer too thin ({letters} letters)");
        if (page.ImageCoverage > 0.6 && letters < 400)
            return new PageVerdict(true, score, letters, $"page is mostly image with only {letters} letters of text");
        // Any ƣ or private-use glyph means the layer's font maps letters wrongly; OCR is tried and kept only if it scores better.
        if (score < MinScore || quality.DamagedGlyphs > 0 || DamagedGlyphs(page.Text) > 0)
            return new PageVerdict(true, score, letters, "text layer damaged: " + (quality.Reasons.Count > 0 ? string.Join("; ", quality.Reasons) : $"{DamagedGlyphs(page.Text)} damaged glyphs (ƣ, private-use)"));
        if (page.HeaderSignatureFields && BlankStamp().IsMatch(page.Text))
            return new PageVerdict(true, score, letters, StampedReason);
        return new PageVerdict(false, score, letters, null);
    }

    public const string StampedReason = "number or day stamped by the signing system, not in the text layer";

    // "Số: /TB-UBND", "ngày tháng 11 năm 2024": blanks the signing system fills in its own field.
    [System.Text.RegularExpressions.GeneratedRegex(@"Số\s*:?\s*/|ngày\s+tháng\s+\d{1,2}\s+năm", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BlankStamp();

    /// <summary>Whether the text still shows a blank number or day left for the signing system's stamp.</summary>
    public static bool HasStampedBlanks(string text) => BlankStamp().IsMatch(text ?? "");

    [System.Text.RegularExpressions.GeneratedRegex(@"S[ốóoô]\s*:?\s*(?<n>\d{1,6})\s*/\s*(?<tail>[A-ZĐ][A-ZĐa-z0-9-]{1,20})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FilledNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"ngày\s*(?<d>[0-9OoGQD]{1,2})\s*tháng\s*\S{1,3}\s*n[ăa]m\s*(?<y>\d{4})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FilledDate();

    /// <summary>
    /// The text layer with its blank number and day filled from the OCR reading of the rendered page — only where the
    /// OCR line agrees with the layer around the blank (same symbol tail, same month and year). Nothing else changes.
    /// </summary>
    public static string FillStampedBlanks(string layer, string ocr)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(ocr);
        var result = layer;
        var number = FilledNumber().Match(ocr);
        if (number.Success)
        {
            var tail = System.Text.RegularExpressions.Regex.Escape(number.Groups["tail"].Value.Split('-')[0]);
            result = System.Text.RegularExpressions.Regex.Replace(result, @"(Số\s*:?\s*)/(\s*" + tail + ")", "${1}" + number.Groups["n"].Value + "/$2", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        var date = FilledDate().Match(ocr);
        // The stamp's digits are in a script font OCR misreads as letters ("G6" for 06): only 0-like letters are mapped,
        // and only a day of 1–31 next to the layer's own month and year is taken.
        var day = date.Success && date.Groups["d"].Value.Any(char.IsDigit)
            ? date.Groups["d"].Value.Replace('O', '0').Replace('o', '0').Replace('G', '0').Replace('Q', '0').Replace('D', '0') : null;
        if (day is not null && int.TryParse(day, out var d) && d is >= 1 and <= 31)
        {
            result = System.Text.RegularExpressions.Regex.Replace(result, @"ngày\s+tháng(\s+\d{1,2}\s+năm\s+" + date.Groups["y"].Value + ")",
                "ngày " + day + " tháng$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        return result;
    }

    /// <summary>ƣ/Ƣ (a legacy font's ư) and private-use code points anywhere in the text, inside words too.</summary>
    public static int DamagedGlyphs(string text) => text.Count(c => c is 'ƣ' or 'Ƣ' || (c >= '\uE000' && c <= '\uF8FF'));

    /// <summary>Whether the OCR reading should replace the text layer: it must score better, or the layer be empty.</summary>
    public static bool PreferOcr(PageVerdict layer, string ocrText)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(ocrText);
        var letters = ocrText.Count(char.IsLetter);
        if (letters == 0) return false;
        if (layer.Letters < MinLetters) return true;
        var ocr = TextQuality.Score(ocrText).Score;
        // A thin layer over a scan: OCR that finds much more text wins even at an equal score.
        if (letters > 3 * layer.Letters && ocr >= layer.Score - 0.05) return true;
        return ocr > layer.Score + 0.02;
    }
}
