using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Maps every character of a normalised text back to the range of raw characters it came from,
/// so a span found in clean text can be shown in the original.
/// Stored as runs (<see cref="MapPiece"/>), not one entry per character: clean text is one run, and each repair adds
/// a few, so building and composing the maps of the passes costs in proportion to the repairs, not to the text.
/// </summary>
public sealed class OffsetMap
{
    private readonly MapPiece[] _pieces; // sorted by Start; the first starts at 0 unless the map is empty

    internal OffsetMap(MapPiece[] pieces, int length, int rawLength)
    {
        _pieces = pieces;
        Length = length;
        RawLength = rawLength;
    }

    public int RawLength { get; }

    public int Length { get; }

    internal ReadOnlySpan<MapPiece> Pieces => _pieces;

    public static OffsetMap Identity(int length) =>
        new(length == 0 ? [] : [MapPiece.CopyOf(0, 0)], length, length);

    /// <summary>The raw range the normalised character at <paramref name="index"/> came from.</summary>
    public TextSpan SourceOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        var p = _pieces[PieceAt(index)];
        return new TextSpan(p.SourceStartAt(index), p.SourceEndAt(index));
    }

    /// <summary>The raw span covering a span of the normalised text.</summary>
    public TextSpan ToRaw(TextSpan span)
    {
        if (span.Start < 0 || span.End > Length || span.End < span.Start)
            throw new ArgumentOutOfRangeException(nameof(span), $"span {span} outside 0..{Length}");
        if (Length == 0) return new TextSpan(0, 0);
        if (span.Length == 0)
        {
            var at = span.Start < Length ? SourceOf(span.Start).Start : RawLength;
            return new TextSpan(at, at);
        }
        var first = PieceAt(span.Start);
        var start = _pieces[first].SourceStartAt(span.Start);
        return new TextSpan(start, Math.Max(start, MaxEnd(first, span.Start, span.End)));
    }

    /// <summary>
    /// The normalised span whose characters came from inside <paramref name="raw"/> (the normaliser keeps the order of the
    /// text, so the raw starts of normalised characters never decrease).
    /// </summary>
    public TextSpan FromRaw(TextSpan raw)
    {
        if (raw.Start < 0 || raw.End > RawLength || raw.End < raw.Start)
            throw new ArgumentOutOfRangeException(nameof(raw), $"span {raw} outside 0..{RawLength}");
        var start = FirstFrom(raw.Start);
        return new TextSpan(start, Math.Max(start, FirstFrom(raw.End)));
    }

    /// <summary>The first normalised position whose raw start is at or after <paramref name="rawOffset"/> (Length when none).</summary>
    private int FirstFrom(int rawOffset)
    {
        int lo = 0, hi = Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (SourceOf(mid).Start < rawOffset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// <see cref="PieceAt(int)"/> when the answer is probably <paramref name="hint"/> or the piece after it (a later
    /// pass reads its input in order, so composing maps walks the earlier map's pieces in order).
    /// </summary>
    private int PieceAt(int index, int hint)
    {
        if (hint < _pieces.Length && _pieces[hint].Start <= index)
        {
            if (index < PieceEnd(hint)) return hint;
            if (hint + 1 < _pieces.Length && index < PieceEnd(hint + 1)) return hint + 1;
        }
        return PieceAt(index);
    }

    /// <summary>Index of the piece holding output position <paramref name="index"/> (0 ≤ index &lt; Length).</summary>
    private int PieceAt(int index)
    {
        int lo = 0, hi = _pieces.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_pieces[mid].Start <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private int PieceEnd(int piece) => piece + 1 < _pieces.Length ? _pieces[piece + 1].Start : Length;

    /// <summary>The largest source end over output positions [from, to), starting in piece <paramref name="piece"/>.</summary>
    private int MaxEnd(int piece, int from, int to)
    {
        var end = int.MinValue;
        for (var k = piece; k < _pieces.Length && _pieces[k].Start < to; k++)
        {
            var last = Math.Min(to, PieceEnd(k)) - 1;
            if (last < from) continue;
            // Within a piece the source end never decreases, so its last position in range has the largest.
            end = Math.Max(end, _pieces[k].SourceEndAt(last));
        }
        return end;
    }

    /// <summary>Composes this map (normalised → intermediate) with <paramref name="earlier"/> (intermediate → raw).</summary>
    internal OffsetMap After(OffsetMap earlier)
    {
        var m = earlier.Length;
        var raw = earlier.RawLength;
        var result = new MapPieceList(_pieces.Length + earlier._pieces.Length);
        var e = 0; // the earlier map's piece last used
        for (var k = 0; k < _pieces.Length; k++)
        {
            var p = _pieces[k];
            var pieceEnd = PieceEnd(k);
            if (!p.Copy)
            {
                // Every character of the piece comes from the same intermediate range [a, b).
                int a = p.SourceStart, b = p.SourceEnd;
                if (m == 0 || a >= m)
                {
                    result.Add(MapPiece.Span(p.Start, raw, raw));
                    continue;
                }
                e = earlier.PieceAt(a, e);
                var start = earlier._pieces[e].SourceStartAt(a);
                var end = earlier.MaxEnd(e, a, Math.Max(a + 1, Math.Min(b, m)));
                result.Add(MapPiece.Span(p.Start, start, end));
                continue;
            }
            // A run copied one for one: follow it through the earlier map's pieces.
            var at = p.Start;
            var src = p.SourceStart;
            while (at < pieceEnd)
            {
                if (src >= m)
                {
                    result.Add(MapPiece.Span(at, raw, raw));
                    break;
                }
                e = earlier.PieceAt(src, e);
                var ep = earlier._pieces[e];
                var take = Math.Min(pieceEnd - at, earlier.PieceEnd(e) - src);
                result.Add(ep.Copy ? MapPiece.CopyOf(at, ep.SourceStartAt(src)) : MapPiece.Span(at, ep.SourceStart, ep.SourceEnd));
                at += take;
                src += take;
            }
        }
        return new OffsetMap(result.ToArray(), Length, raw);
    }
}

/// <summary>
/// A run of output characters starting at <see cref="Start"/> (it ends where the next piece starts): either copied one
/// for one from <see cref="SourceStart"/> on, or all mapped to the one source range [SourceStart, SourceEnd).
/// </summary>
internal readonly record struct MapPiece(int Start, int SourceStart, int SourceEnd, bool Copy)
{
    public static MapPiece CopyOf(int start, int sourceStart) => new(start, sourceStart, 0, true);

    public static MapPiece Span(int start, int sourceStart, int sourceEnd) => new(start, sourceStart, sourceEnd, false);

    public int SourceStartAt(int index) => Copy ? SourceStart + index - Start : SourceStart;

    public int SourceEndAt(int index) => Copy ? SourceStart + index - Start + 1 : SourceEnd;

    /// <summary>True when <paramref name="next"/> (starting where this piece ends, at <paramref name="at"/>) extends this piece.</summary>
    public bool Continues(MapPiece next, int at) =>
        next.Copy == Copy && (Copy ? next.SourceStart == SourceStartAt(at) : next.SourceStart == SourceStart && next.SourceEnd == SourceEnd);
}

/// <summary>A growable list of pieces that merges a piece into the one before it when it simply extends it.</summary>
internal struct MapPieceList(int capacity)
{
    private MapPiece[] _items = new MapPiece[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public readonly MapPiece Last => _items[Count - 1];

    public void Add(MapPiece piece)
    {
        if (Count > 0)
        {
            var last = _items[Count - 1];
            if (last.Start == piece.Start)
            {
                // The previous piece turned out empty (nothing was written under it): replace it.
                Count--;
                Add(piece);
                return;
            }
            if (last.Continues(piece, piece.Start)) return;
        }
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = piece;
    }

    /// <summary>Drops the pieces that start at or after <paramref name="length"/> (the output was cut back).</summary>
    public void Truncate(int length)
    {
        while (Count > 0 && _items[Count - 1].Start >= length) Count--;
    }

    public readonly MapPiece[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
