namespace DocIntel.Index.Sqlite;

/// <summary>
/// Answers to recent queries, least recently used dropped first. Keys carry the store's generation, so an answer is
/// only ever reused for the data it was computed from (the same idea as Elasticsearch's shard request cache); answers
/// of older generations are never hit again and age out.
/// </summary>
internal sealed class AnswerCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, object Value)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, object Value)> _order = new();

    public bool Enabled => capacity > 0;

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

    public void Set(string key, object value)
    {
        if (!Enabled) return;
        lock (_lock)
        {
            if (_index.Remove(key, out var old)) _order.Remove(old);
            _index[key] = _order.AddFirst((key, value));
            while (_index.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);
            }
        }
    }
}
