using System.Numerics;

namespace DocIntel.Index.Sqlite;

/// <summary>
/// A set of document row ids as one bit each: which documents hold a term. A search's matches are the intersection of
/// its terms' sets, counted and walked in microseconds, where asking FTS5 for the conjunction walks every posting list
/// again (about 15 ms for a common word over 100,000 documents). Immutable once built.
/// </summary>
internal sealed class RowSet
{
    private readonly ulong[] _words;

    private RowSet(ulong[] words) => _words = words;

    /// <summary>The 64-bit words it occupies (its weight in a cache).</summary>
    public int Words => _words.Length;

    /// <summary>From FTS5's answer as text: row ids separated by commas ("3,17,18"), in any order.</summary>
    public static RowSet FromIds(string? ids, long maxRid)
    {
        var words = new ulong[(maxRid >> 6) + 1];
        if (string.IsNullOrEmpty(ids)) return new RowSet(words);
        long rid = 0;
        foreach (var ch in ids)
        {
            if (ch == ',') { Add(words, rid); rid = 0; }
            else rid = rid * 10 + (ch - '0');
        }
        Add(words, rid);
        return new RowSet(words);
    }

    private static void Add(ulong[] words, long rid)
    {
        if (rid > 0 && (rid >> 6) < words.Length) words[rid >> 6] |= 1UL << (int)(rid & 63);
    }

    /// <summary>The row ids in every one of the sets.</summary>
    public static RowSet Intersect(IReadOnlyList<RowSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0) throw new ArgumentException("no sets to intersect", nameof(sets));
        var length = sets.Min(s => s._words.Length);
        var words = sets[0]._words[..length];
        for (var i = 1; i < sets.Count; i++)
        {
            var other = sets[i]._words;
            for (var w = 0; w < length; w++) words[w] &= other[w];
        }
        return new RowSet(words);
    }

    public long Count()
    {
        long n = 0;
        foreach (var w in _words) n += BitOperations.PopCount(w);
        return n;
    }

    /// <summary>Every row id in the set, ascending.</summary>
    public IEnumerable<long> Ids()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                var bit = BitOperations.TrailingZeroCount(w);
                yield return ((long)i << 6) | (uint)bit;
                w &= w - 1;
            }
        }
    }

    public bool Contains(long rid) => rid > 0 && (rid >> 6) < _words.Length && (_words[rid >> 6] & (1UL << (int)(rid & 63))) != 0;
}
