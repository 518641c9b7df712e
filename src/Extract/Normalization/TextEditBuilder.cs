namespace DocIntel.Extract.Normalization;

/// <summary>
/// Builds one pass's output together with, for each output character, the input range it came from.
/// While the pass only copies its input in order nothing is buffered, so a pass that changes nothing costs one scan
/// and returns no map (clean text goes through every pass this way).
/// </summary>
internal sealed class TextEditBuilder(string input)
{
    private char[]? _text;
    private int[] _starts = [];
    private int[] _ends = [];
    private int _count;
    private int _identity; // while _text is null: how many leading input characters were copied unchanged

    public int Length => _text is null ? _identity : _count;

    public char this[int index] => _text is null ? input[index] : _text[index];

    public void Copy(int inputIndex)
    {
        if (_text is null && inputIndex == _identity)
        {
            _identity++;
            return;
        }
        Append(input[inputIndex], inputIndex, inputIndex + 1);
    }

    public void CopyRange(int start, int end)
    {
        if (_text is null && start == _identity)
        {
            _identity = end;
            return;
        }
        for (var i = start; i < end; i++) Copy(i);
    }

    public void Append(char c, int srcStart, int srcEnd)
    {
        if (_text is null) Materialize();
        if (_count == _starts.Length) Grow();
        _text![_count] = c;
        _starts[_count] = srcStart;
        _ends[_count] = srcEnd;
        _count++;
    }

    /// <summary>Appends a whole string whose characters all come from one input range.</summary>
    public void Append(string s, int srcStart, int srcEnd)
    {
        foreach (var c in s) Append(c, srcStart, srcEnd);
    }

    public void RemoveLast()
    {
        if (_text is null)
        {
            _identity--;
            return;
        }
        _count--;
    }

    /// <summary>The output and its map; the map is null when the output is the input unchanged.</summary>
    public (string Text, OffsetMap? Map) Build()
    {
        if (_text is null && _identity == input.Length) return (input, null);
        if (_text is null) Materialize();
        return (new string(_text!, 0, _count), new OffsetMap(_starts[.._count], _ends[.._count], input.Length));
    }

    private void Materialize()
    {
        var capacity = Math.Max(16, input.Length + 16);
        _text = new char[capacity];
        input.CopyTo(0, _text, 0, _identity);
        _starts = new int[capacity];
        _ends = new int[capacity];
        for (var i = 0; i < _identity; i++)
        {
            _starts[i] = i;
            _ends[i] = i + 1;
        }
        _count = _identity;
    }

    private void Grow()
    {
        var size = Math.Max(16, _starts.Length * 2);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _ends, size);
        Array.Resize(ref _text, size);
    }
}
