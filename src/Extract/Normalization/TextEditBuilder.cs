using System.Buffers;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Builds one pass's output together with, for each output character, the input range it came from.
/// Copying is deferred: consecutive copies of the input only extend one pending run (no character is moved), and the
/// run is written out when something else follows. So a pass that changes nothing costs one scan and returns no map
/// (clean text goes through every pass this way), and a pass that changes a little costs one block copy per change.
/// Once something changes, the output goes to a pooled buffer and the map is kept as runs (<see cref="MapPiece"/>).
/// </summary>
internal sealed class TextEditBuilder(string input)
{
    private char[]? _text; // written output (null until the output differs from a prefix of the input)
    private int _count; // characters in _text
    private int _runStart; // pending copied run of the input: output positions _count .. _count + (_runEnd - _runStart)
    private int _runEnd;
    private MapPieceList _pieces;

    public int Length => _count + _runEnd - _runStart;

    public char this[int index] => index < _count ? _text![index] : input[_runStart + index - _count];

    public void Copy(int inputIndex)
    {
        if (inputIndex == _runEnd)
        {
            _runEnd++;
            return;
        }
        CopyRange(inputIndex, inputIndex + 1);
    }

    public void CopyRange(int start, int end)
    {
        if (end <= start) return;
        if (start == _runEnd)
        {
            _runEnd = end;
            return;
        }
        Flush();
        _runStart = start;
        _runEnd = end;
    }

    public void Append(char c, int srcStart, int srcEnd)
    {
        Flush();
        EnsureRoom(1);
        _pieces.Add(MapPiece.Span(_count, srcStart, srcEnd));
        _text![_count++] = c;
    }

    /// <summary>Appends a whole string whose characters all come from one input range.</summary>
    public void Append(string s, int srcStart, int srcEnd)
    {
        if (s.Length == 0) return;
        Flush();
        EnsureRoom(s.Length);
        _pieces.Add(MapPiece.Span(_count, srcStart, srcEnd));
        s.CopyTo(0, _text!, _count, s.Length);
        _count += s.Length;
    }

    public void RemoveLast()
    {
        if (_runEnd > _runStart)
        {
            _runEnd--;
            return;
        }
        _count--;
        _pieces.Truncate(_count);
    }

    /// <summary>The output and its map; the map is null when the output is the input unchanged.</summary>
    public (string Text, OffsetMap? Map) Build()
    {
        if (_count == 0 && _runStart == 0 && _runEnd == input.Length)
        {
            if (_text is not null) ArrayPool<char>.Shared.Return(_text);
            _text = null;
            return (input, null);
        }
        Flush();
        EnsureRoom(0);
        var text = new string(_text!, 0, _count);
        var map = new OffsetMap(_pieces.ToArray(), _count, input.Length);
        ArrayPool<char>.Shared.Return(_text!);
        _text = null;
        return (text, map);
    }

    /// <summary>Writes the pending run out.</summary>
    private void Flush()
    {
        var length = _runEnd - _runStart;
        if (length == 0) return;
        EnsureRoom(length);
        _pieces.Add(MapPiece.CopyOf(_count, _runStart));
        input.CopyTo(_runStart, _text!, _count, length);
        _count += length;
        _runStart = _runEnd = 0;
    }

    private void EnsureRoom(int more)
    {
        if (_text is null)
        {
            _text = ArrayPool<char>.Shared.Rent(Math.Max(16, Math.Max(input.Length + 16, more)));
            _pieces = new MapPieceList(16);
            return;
        }
        if (_count + more <= _text.Length) return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_text.Length * 2, _count + more));
        _text.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_text);
        _text = bigger;
    }
}
