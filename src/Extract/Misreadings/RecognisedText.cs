using DocIntel.Extract.Text;

namespace DocIntel.Extract.Misreadings;

/// <summary>
/// The spans of a normalised text that OCR read (văn bản nhận dạng), sorted and disjoint. Misreadings are the machine's,
/// not the author's: only inside these spans may an extractor undo them ("213-KIL/TW" after "Kết luận" is 213-KL/TW).
/// A typed text's slips stay as written and are flagged at most.
/// </summary>
public sealed class RecognisedText
{
    private readonly TextSpan[] _spans;

    public RecognisedText(IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var sorted = spans.Where(s => s.Length > 0).OrderBy(s => s.Start).ToList();
        var merged = new List<TextSpan>(sorted.Count);
        foreach (var s in sorted)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = new TextSpan(merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        _spans = [.. merged];
    }

    /// <summary>No text was recognised: typed text, a text layer.</summary>
    public static RecognisedText None { get; } = new([]);

    /// <summary>All of a text of <paramref name="length"/> characters was recognised (a scan).</summary>
    public static RecognisedText All(int length) => new([new TextSpan(0, length)]);

    public IReadOnlyList<TextSpan> Spans => _spans;

    public bool IsEmpty => _spans.Length == 0;

    /// <summary>True when the whole of <paramref name="span"/> lies in recognised text.</summary>
    public bool Covers(TextSpan span)
    {
        int lo = 0, hi = _spans.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (_spans[mid].End <= span.Start) lo = mid + 1;
            else if (_spans[mid].Start > span.Start) hi = mid - 1;
            else return span.End <= _spans[mid].End;
        }
        return false;
    }
}
