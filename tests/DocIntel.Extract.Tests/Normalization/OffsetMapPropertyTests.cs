using DocIntel.Extract.Normalization;
using DocIntel.Extract.Text;
using FsCheck.Xunit;

namespace DocIntel.Extract.Tests.Normalization;

/// <summary>
/// The offset map is stored as runs (MapPiece) for speed; these properties check it against the plain model it
/// replaced: one source range per output character, composed character by character.
/// </summary>
public sealed class OffsetMapPropertyTests
{
    private const string Raw = "Uỷ ban nhân dân\n**Số:** 18-\nNQ/TW  hoà";

    [Property(MaxTest = 500)]
    public bool BuilderMapsEveryCharacterLikeThePerCharacterModel(int seed)
    {
        var (text, map, model) = RandomPass(Raw, new Random(seed));
        if (map is null) return text == Raw && model.Text == Raw && model.IsIdentity;
        return text == model.Text && SameMap(map, model.Sources, Raw.Length);
    }

    [Property(MaxTest = 500)]
    public bool ComposedMapsAgreeWithComposingCharacterByCharacter(int seed)
    {
        var random = new Random(seed);
        var (middle, first, firstModel) = RandomPass(Raw, random);
        var (_, second, secondModel) = RandomPass(middle, random);
        if (first is null || second is null) return true;
        var composed = second.After(first);
        var expected = secondModel.Sources.Select(s => Compose(s, firstModel.Sources, Raw.Length)).ToList();
        return SameMap(composed, expected, Raw.Length);
    }

    [Property(MaxTest = 300)]
    public bool FromRawGivesExactlyTheCharactersThatCameFromInsideTheRawSpan(int seed)
    {
        // Pages of a mixed PDF joined as the pipeline joins them: the normalised span of an OCR'd page is read back this way.
        var random = new Random(seed);
        string[] pages = ["Uỷ ban nhân dân\n**Số:** 18-\nNQ/TW  hoà", "Kết luận số 213-KIL/TW\n\n\n", "Céng hßa x· héi", "  ngày 14/8/2023  *"];
        var raw = string.Join("\n\n", Enumerable.Range(0, random.Next(1, 5)).Select(_ => pages[random.Next(pages.Length)]));
        var n = VietnameseNormalizer.Default.Normalize(raw);
        for (var k = 0; k < 20; k++)
        {
            var a = random.Next(raw.Length + 1);
            var b = random.Next(a, raw.Length + 1);
            var got = n.Map.FromRaw(new TextSpan(a, b));
            for (var i = 0; i < n.Text.Length; i++)
            {
                var from = n.Map.SourceOf(i).Start;
                if (got.Contains(i) != (from >= a && from < b)) return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool SpansMapToTheUnionOfTheirCharacters(int seed)
    {
        var random = new Random(seed);
        var (text, map, model) = RandomPass(Raw, random);
        if (map is null || text.Length == 0) return true;
        for (var k = 0; k < 20; k++)
        {
            var a = random.Next(text.Length + 1);
            var b = random.Next(a, text.Length + 1);
            var got = map.ToRaw(new TextSpan(a, b));
            TextSpan want;
            if (a == b)
            {
                var at = a < text.Length ? model.Sources[a].Start : Raw.Length;
                want = new TextSpan(at, at);
            }
            else
            {
                var start = model.Sources[a].Start;
                want = new TextSpan(start, Math.Max(start, model.Sources.Skip(a).Take(b - a).Max(s => s.End)));
            }
            if (got != want) return false;
        }
        return true;
    }

    private static bool SameMap(OffsetMap map, IReadOnlyList<(int Start, int End)> sources, int rawLength)
    {
        if (map.Length != sources.Count || map.RawLength != rawLength) return false;
        for (var i = 0; i < sources.Count; i++)
            if (map.SourceOf(i) != new TextSpan(sources[i].Start, sources[i].End)) return false;
        return true;
    }

    /// <summary>The composition rule of the per-character maps: first source of the range, furthest end over it.</summary>
    private static (int Start, int End) Compose((int Start, int End) later, List<(int Start, int End)> earlier, int rawLength)
    {
        int a = later.Start, b = later.End, m = earlier.Count;
        if (m == 0 || a >= m) return (rawLength, rawLength);
        var end = earlier[a].End;
        for (var k = a + 1; k < b && k < m; k++) end = Math.Max(end, earlier[k].End);
        return (earlier[a].Start, end);
    }

    /// <summary>A pass made of random edits, run on the builder and on the per-character model side by side.</summary>
    private static (string Text, OffsetMap? Map, Model Model) RandomPass(string input, Random random)
    {
        var b = new TextEditBuilder(input);
        var model = new Model(input);
        var p = 0;
        while (p < input.Length)
        {
            var k = Math.Min(input.Length - p, random.Next(0, 4));
            switch (random.Next(8))
            {
                case 0 or 1 or 2:
                    b.Copy(p);
                    model.Copy(p);
                    p++;
                    break;
                case 3:
                    b.CopyRange(p, p + k);
                    for (var i = p; i < p + k; i++) model.Copy(i);
                    p += k;
                    break;
                case 4:
                    p += Math.Max(1, k); // dropped
                    break;
                case 5:
                    var c = (char)('a' + random.Next(26));
                    b.Append(c, p, p + k);
                    model.Append(c, p, p + k);
                    p += k;
                    break;
                case 6:
                    var s = new string('x', random.Next(0, 3));
                    b.Append(s, p, p + k);
                    foreach (var ch in s) model.Append(ch, p, p + k);
                    p += k;
                    break;
                default:
                    if (b.Length > 0)
                    {
                        b.RemoveLast();
                        model.RemoveLast();
                    }
                    break;
            }
            if (b.Length != model.Text.Length || (b.Length > 0 && b[b.Length - 1] != model.Text[^1])) throw new InvalidOperationException("builder and model differ");
        }
        var (text, map) = b.Build();
        return (text, map, model);
    }

    private sealed class Model(string input)
    {
        private readonly System.Text.StringBuilder _text = new();

        public List<(int Start, int End)> Sources { get; } = [];

        public string Text => _text.ToString();

        public bool IsIdentity => Sources.Select((s, i) => s == (i, i + 1)).All(x => x);

        public void Copy(int i) => Append(input[i], i, i + 1);

        public void Append(char c, int start, int end)
        {
            _text.Append(c);
            Sources.Add((start, end));
        }

        public void RemoveLast()
        {
            _text.Length--;
            Sources.RemoveAt(Sources.Count - 1);
        }
    }
}
