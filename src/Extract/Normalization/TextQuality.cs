namespace DocIntel.Extract.Normalization;

/// <summary>
/// A 0..1 score of how clean a text is, with the reasons; low scores mark pages that need OCR or repair.
/// <see cref="SyllableRatio"/>: share of words that are real Vietnamese syllables (or plain ASCII words: English,
/// abbreviations, numbers spelt out); <see cref="DamagedGlyphs"/>: ƣ, private-use, U+FFFD, (cid:NN) and letters a font
/// dropped; <see cref="MojibakeRatio"/>: share of words carrying legacy-encoding characters (TCVN3, VNI, VISCII).
/// </summary>
public sealed record TextQualityScore(double Score, double SyllableRatio, int Words, int DamagedGlyphs, IReadOnlyList<string> Reasons)
{
    public double MojibakeRatio { get; init; }

    /// <summary>Words that were broken fragments of syllables (a PDF font dropped a letter: "T ỰC", "CH  NG").</summary>
    public int Fragments { get; init; }
}

/// <summary>
/// Scores text by the share of its words that are real Vietnamese syllables (the syllable list with frequencies in
/// data/vi-syllables.tsv) and by signs of damage: each damage sign per word costs a lot (a page with one broken word
/// in a hundred scores about 0.74), and mojibake words count against the page one for one.
/// </summary>
public static class TextQuality
{
    /// <summary>How hard damage signs per word pull the score down: score × e^(−k·rate).</summary>
    private const double DamageWeight = 30;

    private const string MojibakeSignature = "¸µ¶·¹¨©ª«¬®§ßÞ×ÖÜÕøûïåäëüæîñÑ½¡¢£¤¥¦°±²³´¿";

    public static TextQualityScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = SyllableLexicon.Embedded;
        int words = 0, valid = 0, damaged = 0, mojibake = 0, fragments = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\uFFFD') damaged++;
            if (c == '(' && string.CompareOrdinal(text, i, "(cid:", 0, 5) == 0) damaged++;
            if (!IsWordChar(c)) { i++; continue; }
            var j = i;
            var nonAscii = false;
            var signature = false;
            var vowels = 0;
            while (j < text.Length && IsWordChar(text[j]))
            {
                var ch = text[j];
                if (ch >= 0x80)
                {
                    nonAscii = true;
                    if (ch is 'ƣ' or 'Ƣ' || ch is >= '\uE000' and <= '\uF8FF') damaged++;
                    // Every signature character is in Latin-1's upper half: the search is only worth it there.
                    if (ch >= 0xA0 && MojibakeSignature.Contains(ch)) signature = true;
                }
                if (VietnameseSyllable.IsVowel(ch)) vowels++;
                j++;
            }
            // Only words with a non-ASCII letter are looked up (as a string); plain words are judged in place.
            var span = text.AsSpan(i, j - i);
            words++;
            if (signature && (span.ContainsAnyInRange('A', 'Z') || span.ContainsAnyInRange('a', 'z')))
            {
                mojibake++;
            }
            else if (!nonAscii)
            {
                valid++;
                if (vowels == 0 && span.Length <= 2 && char.IsUpper(span[0]) && IsBrokenNeighbour(text, i, j, lexicon)) fragments++;
            }
            else if (AllLetters(span) && lexicon.ContainsWord(span))
            {
                valid++;
            }
            i = j;
        }
        if (words == 0) return new TextQualityScore(0, 0, 0, damaged, ["no words"]);
        var ratio = (double)valid / words;
        var mojibakeRatio = (double)mojibake / words;
        var damageRate = (double)(damaged + fragments) / words;
        var score = ratio * Math.Exp(-DamageWeight * damageRate);
        var reasons = new List<string>();
        if (ratio < 0.9) reasons.Add($"only {ratio:P0} of words are Vietnamese syllables or plain words");
        if (mojibake > 0) reasons.Add($"{mojibakeRatio:P0} of words carry legacy-encoding characters (TCVN3/VNI/VISCII read as Latin-1)");
        if (damaged > 0) reasons.Add($"{damaged} damaged glyphs (ƣ, private-use, U+FFFD or (cid:NN) codes)");
        if (fragments > 0) reasons.Add($"{fragments} broken words (letters dropped by the PDF font, e.g. \"T ỰC\")");
        return new TextQualityScore(Math.Clamp(score, 0, 1), ratio, words, damaged + fragments, reasons)
        {
            MojibakeRatio = mojibakeRatio,
            Fragments = fragments,
        };
    }

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsLetter(c)) return false;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || (c >= 0xA0 && MojibakeSignature.Contains(c)) || c == '\u00AD';

    /// <summary>A short capital fragment next to a run of spaces or to a piece of a syllable ("T ỰC", "CH  NG").</summary>
    private static bool IsBrokenNeighbour(string s, int start, int end, SyllableLexicon lexicon)
    {
        if (end + 1 < s.Length && s[end] == ' ' && s[end + 1] == ' ') return true;
        if (start >= 2 && s[start - 1] == ' ' && s[start - 2] == ' ') return true;
        if (end + 1 < s.Length && s[end] == ' ' && char.IsLetter(s[end + 1]))
        {
            var k = end + 1;
            while (k < s.Length && char.IsLetter(s[k])) k++;
            var next = s[(end + 1)..k];
            return VietnameseSyllable.IsVowel(next[0]) && next.Any(ch => ch >= 0x80) && !lexicon.Contains(SyllableLexicon.Key(next));
        }
        return false;
    }
}
