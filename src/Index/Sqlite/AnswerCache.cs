namespace DocIntel.Index.Sqlite;

/// <summary>
/// Answers to recent queries, least recently used dropped first, bounded by how many answers and by how many rows they
/// hold together (a who-cites list of 2,000 documents weighs 2,000, a facet table its groups). Keys carry the store's
/// generation, so an answer is only ever reused for the data it was computed from (the same idea as Elasticsearch's
/// shard request cache); answers of older generations are never hit again and age out.
/// </summary>
internal sealed class AnswerCache(int capacity, long maxRows)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private long _rows;

    private sealed record Entry(string Key, object Value, long Rows);

    public bool Enabled => capacity > 0 && maxRows > 0;

    /// <summary>Rows held by all answers now (for tests and diagnostics).</summary>
    public long Rows
    {
        get { lock (_lock) return _rows; }
    }

    public bool TryGet<T>(string key, out T value) where T : class
    {
        value = null!;
        if (!Enabled) return false;
        lock (_lock)
        {
            if (!_index.TryGetValue(key, out var node) || node.Value.Value is not T found) return false;
            _order.Remove(node);
            _order.AddFirst(node);
            value = found;
            return true;
        }
    }

    public void Set(string key, object value, long rows)
    {
        rows = Math.Max(1, rows);
        if (!Enabled || rows > maxRows) return;
        lock (_lock)
        {
            if (_index.Remove(key, out var old))
            {
                _order.Remove(old);
                _rows -= old.Value.Rows;
            }
            _index[key] = _order.AddFirst(new Entry(key, value, rows));
            _rows += rows;
            while (_index.Count > capacity || _rows > maxRows)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);
                _rows -= last.Value.Rows;
            }
        }
    }
}
