namespace DocIntel.Extract.Normalization;

/// <summary>A 0..1 score of how clean a text is, with the reasons; low scores mark pages that need OCR or repair.</summary>
public sealed record TextQualityScore(double Score, double SyllableRatio, int Words, int DamagedGlyphs, IReadOnlyList<string> Reasons);

/// <summary>Scores text by the share of words that are well-formed Vietnamese syllables (or plain ASCII tokens) and by damage signs.</summary>
public static class TextQuality
{
    public static TextQualityScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int words = 0, valid = 0, damaged = 0, singles = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is 'ƣ' or 'Ƣ' || (c >= '\uE000' && c <= '\uF8FF')) damaged++;
            if (!char.IsLetter(c)) { i++; continue; }
            var j = i;
            while (j < text.Length && char.IsLetter(text[j])) j++;
            var w = text[i..j];
            words++;
            if (w.Length == 1 && char.IsUpper(w[0])) singles++;
            if (w.All(ch => ch < 128) || VietnameseSyllable.IsSyllable(w)) valid++;
            i = j;
        }
        if (text.Contains("(cid:", StringComparison.Ordinal)) damaged += 10;
        var reasons = new List<string>();
        if (words == 0) return new TextQualityScore(0, 0, 0, damaged, ["no words"]);
        var ratio = (double)valid / words;
        var score = ratio;
        if (ratio < 0.9) reasons.Add($"only {ratio:P0} of words are valid syllables");
        if (damaged > 0)
        {
            reasons.Add($"{damaged} damaged glyphs (ƣ, private-use or cid codes)");
            score -= Math.Min(0.3, damaged / (double)words);
        }
        var singleRatio = (double)singles / words;
        if (singleRatio > 0.02)
        {
            reasons.Add($"{singleRatio:P1} stray single capitals (dropped glyphs)");
            score -= Math.Min(0.3, singleRatio * 2);
        }
        return new TextQualityScore(Math.Clamp(score, 0, 1), ratio, words, damaged, reasons);
    }
}
