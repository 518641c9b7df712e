using System.Text;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Text in a pre-Unicode Vietnamese encoding that was read as Windows-1252/Latin-1 ("Céng hßa x· héi chñ nghÜa ViÖt Nam"):
/// TCVN3/ABC (one byte per letter), VNI-Windows (a letter followed by one or two mark bytes) and VISCII.
/// Tables: GUIDE §5.3, checked against glibc iconv (TCVN5712-1, VISCII); VNI from the GUIDE's xvnkb table.
/// A document is converted only when it carries the encoding's signature characters and converting turns many more of
/// its words into Vietnamese syllables; then each line is converted unless that makes it worse (a Unicode quotation
/// inside an old document stays as it is). Clean Unicode and English have no signature and are never touched.
/// </summary>
internal sealed class LegacyEncodingRepair(SyllableLexicon lexicon)
{
    // Windows-1252 reading of bytes 0x80–0x9F (undefined ones read as the C1 control, as Latin-1 does).
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    // Bytes 0x80–0xFF in glibc iconv's TCVN5712-1 and VISCII.
    private const string Tcvn3High =
        "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ";

    private const string VisciiHigh =
        "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ";

    private const string VietnameseLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

    private const string Punctuation = "‘’‚“”„–—…•€™†‡‰‹›˜ˆ";

    /// <summary>One legacy code: single characters and, for VNI, letter + mark pairs and triples.</summary>
    private sealed class Code
    {
        public required string Name { get; init; }
        public Dictionary<char, char> Singles { get; } = [];
        public Dictionary<string, char> Sequences { get; } = new(StringComparer.Ordinal);
        public HashSet<char> Signature { get; } = [];

        public bool IsCodeChar(char c) => Singles.ContainsKey(c) || Signature.Contains(c);
    }

    private static readonly Code Tcvn3 = TableCode("TCVN3", Tcvn3High);
    private static readonly Code Viscii = TableCode("VISCII", VisciiHigh);
    private static readonly Code Vni = VniCode();
    private static readonly Code[] Codes = [Tcvn3, Vni, Viscii];
    private static readonly System.Buffers.SearchValues<char> SignatureValues =
        System.Buffers.SearchValues.Create([.. Codes.SelectMany(c => c.Signature).Distinct()]);

    private static Code TableCode(string name, string high)
    {
        var code = new Code { Name = name };
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var letter = high[b - 0x80];
            if (letter == '\u00A0') continue;
            var latin1 = (char)b;
            var cp1252 = b < 0xA0 ? Cp1252High[b - 0x80] : latin1;
            foreach (var key in new[] { latin1, cp1252 })
            {
                // Quotes and dashes stay punctuation: a legacy capital in 0x80–0x9F is rarer than a real “quote”.
                if (key == letter || Punctuation.Contains(key)) continue;
                code.Singles[key] = letter;
                // A signature character cannot be in Unicode Vietnamese: not one of its Latin-1 letters, not ASCII.
                if (!VietnameseLatin1.Contains(key)) code.Signature.Add(key);
            }
        }
        return code;
    }

    private static Code VniCode()
    {
        var code = new Code { Name = "VNI" };
        const string toneMarks = "ùøûõï"; // sắc huyền hỏi ngã nặng
        const string circumflexMarks = "áàåãä";
        const string breveMarks = "éèúüë";
        var tones = new[] { 2, 1, 3, 4, 5 };
        foreach (var upper in new[] { false, true })
        {
            string Case(string x) => upper ? x.ToUpperInvariant() : x;
            char C(char x) => upper ? char.ToUpperInvariant(x) : x;
            // Single bytes: ơ ư đ and the toned i, ỵ.
            foreach (var (from, to) in new[] { ('ô', 'ơ'), ('ö', 'ư'), ('ñ', 'đ'), ('í', 'í'), ('ì', 'ì'), ('æ', 'ỉ'), ('ó', 'ĩ'), ('ò', 'ị'), ('î', 'ỵ') })
                if (from != to || upper) code.Singles[C(from)] = C(to);
            foreach (var (vowel, asBase) in new[] { ("a", 'a'), ("e", 'e'), ("o", 'o'), ("u", 'u'), ("y", 'y'), ("ô", 'ơ'), ("ö", 'ư') })
            {
                for (var t = 0; t < 5; t++)
                {
                    code.Sequences[Case(vowel) + C(toneMarks[t])] = C(VietnameseSyllable.WithTone(asBase, tones[t]));
                    // A capital letter with a small mark byte also occurs (VNI fonts share the mark glyphs).
                    if (upper) code.Sequences[Case(vowel) + toneMarks[t]] = C(VietnameseSyllable.WithTone(asBase, tones[t]));
                }
            }
            foreach (var (vowel, hat) in new[] { ("a", 'â'), ("e", 'ê'), ("o", 'ô') })
            {
                code.Sequences[Case(vowel) + C('â')] = C(hat);
                for (var t = 0; t < 5; t++) code.Sequences[Case(vowel) + C(circumflexMarks[t])] = C(VietnameseSyllable.WithTone(hat, tones[t]));
            }
            code.Sequences[Case("a") + C('ê')] = C('ă');
            for (var t = 0; t < 5; t++) code.Sequences[Case("a") + C(breveMarks[t])] = C(VietnameseSyllable.WithTone('ă', tones[t]));
        }
        foreach (var c in "øûïåäëüæîöñØÛÏÅÄËÜÆÎÖÑ") code.Signature.Add(c);
        return code;
    }

    public (string, OffsetMap?) Apply(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        // Fast path: (almost) no character of any legacy signature, nothing to do (every clean Unicode or English text).
        // Legacy text has them in most words; a clean page may quote a few (°C, «»).
        var needed = Math.Max(2, input.Length / 1000);
        var hits = 0;
        var span = input.AsSpan();
        while (hits < needed)
        {
            var k = span.IndexOfAny(SignatureValues);
            if (k < 0) break;
            hits++;
            span = span[(k + 1)..];
        }
        if (hits < needed) return (input, null);

        // A document pasted together from several old files can hold two codes: convert with the best one, then look again.
        var text = input;
        OffsetMap? map = null;
        var tried = new HashSet<Code>();
        while (BestCode(text, tried) is { } code)
        {
            tried.Add(code);
            var local = new List<(RepairKind, TextSpan, string, string)>();
            var b = new TextEditBuilder(text);
            ConvertRange(code, text, 0, text.Length, b, local);
            var (next, stepMap) = b.Build();
            foreach (var (kind, at, before, after) in local) repairs.Add((kind, map is null ? at : map.ToRaw(at), before, after));
            if (stepMap is null) continue;
            map = map is null ? stepMap : stepMap.After(map);
            text = next;
        }
        return (text, map);
    }

    private Code? BestCode(string text, HashSet<Code> tried)
    {
        Code? chosen = null;
        var bestGain = 0;
        foreach (var code in Codes)
        {
            if (tried.Contains(code)) continue;
            var (gain, changed) = Evaluate(code, text, 0, text.Length);
            if (changed == 0) continue;
            if (gain >= 3 && gain >= changed * 0.3 && gain > bestGain)
            {
                chosen = code;
                bestGain = gain;
            }
        }
        return chosen;
    }

    /// <summary>Valid syllables gained by converting the words of a range, and how many words the conversion changes.</summary>
    private (int Gain, int Changed) Evaluate(Code code, string s, int start, int end)
    {
        int gain = 0, changed = 0;
        var i = start;
        while (i < end)
        {
            if (!IsWordChar(code, s[i])) { i++; continue; }
            var j = i;
            while (j < end && IsWordChar(code, s[j])) j++;
            var word = s[i..j];
            var converted = Convert(code, word);
            // Only words with a character Unicode Vietnamese never has decide; a word needs a plain letter too.
            if (converted != word && word.Any(char.IsAsciiLetter) && word.Any(code.Signature.Contains))
            {
                changed++;
                gain += (IsSyllable(converted) ? 1 : 0) - (IsSyllable(word) ? 1 : 0);
            }
            i = j;
        }
        return (gain, changed);
    }

    private bool IsSyllable(string word) =>
        word.All(char.IsLetter) && lexicon.Contains(SyllableLexicon.Key(word.Normalize(NormalizationForm.FormC)));

    private static bool IsWordChar(Code code, char c) => char.IsLetter(c) || code.IsCodeChar(c);

    private static string Convert(Code code, string word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var (text, used) = ConvertAt(code, word, i);
            sb.Append(text);
            i += used;
        }
        return sb.ToString();
    }

    private static (string Text, int Used) ConvertAt(Code code, string s, int i)
    {
        if (code.Sequences.Count > 0 && i + 1 < s.Length && code.Sequences.TryGetValue(s.Substring(i, 2), out var pair)) return (pair.ToString(), 2);
        return code.Singles.TryGetValue(s[i], out var single) ? (single.ToString(), 1) : (s[i].ToString(), 1);
    }

    /// <summary>
    /// Converts the words of a document found to be in <paramref name="code"/>: a word whose conversion is a syllable,
    /// or that carries the code's signature and is no syllable as it stands. A Unicode word of a mixed document
    /// ("các", "tâm") stays, since converting would break it.
    /// </summary>
    private void ConvertRange(Code code, string s, int start, int end, TextEditBuilder b, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        var i = start;
        while (i < end)
        {
            if (!IsWordChar(code, s[i]))
            {
                b.Copy(i);
                i++;
                continue;
            }
            var j = i;
            while (j < end && IsWordChar(code, s[j])) j++;
            var before = s[i..j];
            var converted = Convert(code, before);
            if (converted == before || !(IsSyllable(converted) || (before.Any(code.Signature.Contains) && !IsSyllable(before))))
            {
                b.CopyRange(i, j);
                i = j;
                continue;
            }
            var after = new StringBuilder();
            for (var k = i; k < j;)
            {
                var (text, used) = ConvertAt(code, s, k);
                if (k + used > j) (text, used) = (s[k].ToString(), 1);
                foreach (var ch in text) b.Append(ch, k, k + used);
                after.Append(text);
                k += used;
            }
            if (after.ToString() != before) repairs.Add((RepairKind.Encoding, new TextSpan(i, j), before, after.ToString()));
            i = j;
        }
    }

    /// <summary>Name of the legacy code a text is in, or null; for reports and the quality score.</summary>
    public string? Detect(string text)
    {
        foreach (var code in Codes)
        {
            var (gain, changed) = Evaluate(code, text, 0, text.Length);
            if (changed > 0 && gain >= 3 && gain >= changed * 0.3) return code.Name;
        }
        return null;
    }
}
