using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Maps every character of a normalised text back to the range of raw characters it came from,
/// so a span found in clean text can be shown in the original.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal OffsetMap(int[] starts, int[] ends, int rawLength)
    {
        _starts = starts;
        _ends = ends;
        RawLength = rawLength;
    }

    public int RawLength { get; }

    public int Length => _starts.Length;

    public static OffsetMap Identity(int length)
    {
        var s = new int[length];
        var e = new int[length];
        for (var i = 0; i < length; i++)
        {
            s[i] = i;
            e[i] = i + 1;
        }
        return new OffsetMap(s, e, length);
    }

    /// <summary>The raw range the normalised character at <paramref name="index"/> came from.</summary>
    public TextSpan SourceOf(int index) => new(_starts[index], _ends[index]);

    /// <summary>The raw span covering a span of the normalised text.</summary>
    public TextSpan ToRaw(TextSpan span)
    {
        if (span.Start < 0 || span.End > Length || span.End < span.Start)
            throw new ArgumentOutOfRangeException(nameof(span), $"span {span} outside 0..{Length}");
        if (Length == 0) return new TextSpan(0, 0);
        if (span.Length == 0)
        {
            var at = span.Start < Length ? _starts[span.Start] : RawLength;
            return new TextSpan(at, at);
        }
        var start = _starts[span.Start];
        var end = start;
        for (var i = span.Start; i < span.End; i++) end = Math.Max(end, _ends[i]);
        return new TextSpan(start, end);
    }

    /// <summary>Composes this map (normalised → intermediate) with <paramref name="earlier"/> (intermediate → raw).</summary>
    internal OffsetMap After(OffsetMap earlier)
    {
        var n = Length;
        var s = new int[n];
        var e = new int[n];
        var es = earlier._starts;
        var ee = earlier._ends;
        var m = es.Length;
        for (var i = 0; i < n; i++)
        {
            int a = _starts[i], b = _ends[i];
            if (m == 0 || a >= m)
            {
                s[i] = e[i] = earlier.RawLength;
                continue;
            }
            var start = es[a];
            var end = ee[a];
            for (var k = a + 1; k < b && k < m; k++) if (ee[k] > end) end = ee[k];
            s[i] = start;
            e[i] = end;
        }
        return new OffsetMap(s, e, earlier.RawLength);
    }
}
