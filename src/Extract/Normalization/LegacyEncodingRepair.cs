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
    private static readonly bool[] AnySignature = BuildAnySignature();

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
                if (key == letter) continue;
                code.Singles[key] = letter;
                // A signature character cannot be in Unicode Vietnamese: not one of its Latin-1 letters, not ASCII.
                if (!VietnameseLatin1.Contains(key) && key is not ('‘' or '’' or '“' or '”' or '–' or '—' or '…' or '•' or '€' or '™'))
                    code.Signature.Add(key);
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

    private static bool[] BuildAnySignature()
    {
        var table = new bool[0x2200];
        foreach (var code in Codes)
            foreach (var c in code.Signature)
                if (c < table.Length) table[c] = true;
        return table;
    }

    public (string, OffsetMap?) Apply(string input, List<(RepairKind, TextSpan, string, string)> repairs)
    {
        // Fast path: no character of any legacy signature, nothing to do (every clean Unicode or English text).
        var hits = 0;
        foreach (var c in input)
            if (c < AnySignature.Length && AnySignature[c] && ++hits >= 2) break;
        if (hits < 2) return (input, null);

        Code? chosen = null;
        var bestGain = 0;
        foreach (var code in Codes)
        {
            var (gain, changed) = Evaluate(code, input, 0, input.Length);
            if (changed == 0) continue;
            if (gain >= 3 && gain >= changed * 0.3 && gain > bestGain)
            {
                chosen = code;
                bestGain = gain;
            }
        }
        if (chosen is null) return (input, null);

        var b = new TextEditBuilder(input);
        var lineStart = 0;
        while (lineStart <= input.Length)
        {
            var nl = input.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? input.Length : nl;
            var (gain, changed) = Evaluate(chosen, input, lineStart, lineEnd);
            if (changed > 0 && (gain > 0 || (gain == 0 && HasSignature(chosen, input, lineStart, lineEnd))))
                ConvertRange(chosen, input, lineStart, lineEnd, b, repairs);
            else
                b.CopyRange(lineStart, lineEnd);
            if (nl < 0) break;
            b.Copy(nl);
            lineStart = nl + 1;
        }
        return b.Build();
    }

    private static bool HasSignature(Code code, string s, int start, int end)
    {
        for (var i = start; i < end; i++) if (code.Signature.Contains(s[i])) return true;
        return false;
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
            // A word needs a plain letter: a lone “ is a quotation mark, not VISCII's Ộ.
            if (converted != word && word.Any(char.IsAsciiLetter))
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

    private static void ConvertRange(Code code, string s, int start, int end, TextEditBuilder b, List<(RepairKind, TextSpan, string, string)> repairs)
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
