using System.Buffers;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Builds one pass's output together with, for each output character, the input range it came from.
/// While the pass only copies its input in order nothing is buffered, so a pass that changes nothing costs one scan
/// and returns no map (clean text goes through every pass this way). Once something changes, the output goes to a
/// pooled buffer and the map is kept as runs (<see cref="MapPiece"/>): a copied stretch is one run however long.
/// </summary>
internal sealed class TextEditBuilder(string input)
{
    private char[]? _text;
    private int _count;
    private int _identity; // while _text is null: how many leading input characters were copied unchanged
    private MapPieceList _pieces;
    private int _copyNext = -1; // the input index that extends the last piece when it is a copied run (-1: it is not)

    public int Length => _text is null ? _identity : _count;

    public char this[int index] => _text is null ? input[index] : _text[index];

    public void Copy(int inputIndex)
    {
        if (_text is null)
        {
            if (inputIndex == _identity)
            {
                _identity++;
                return;
            }
        }
        else if (inputIndex == _copyNext && _count < _text.Length)
        {
            // The common case once materialised: the next character of the run being copied.
            _text[_count++] = input[inputIndex];
            _copyNext++;
            return;
        }
        CopyRange(inputIndex, inputIndex + 1);
    }

    public void CopyRange(int start, int end)
    {
        if (end <= start) return;
        if (_text is null)
        {
            if (start == _identity)
            {
                _identity = end;
                return;
            }
            Materialize();
        }
        EnsureRoom(end - start);
        if (start != _copyNext) _pieces.Add(MapPiece.CopyOf(_count, start));
        input.CopyTo(start, _text!, _count, end - start);
        _count += end - start;
        _copyNext = end;
    }

    public void Append(char c, int srcStart, int srcEnd)
    {
        if (_text is null) Materialize();
        EnsureRoom(1);
        _pieces.Add(MapPiece.Span(_count, srcStart, srcEnd));
        _text![_count++] = c;
        _copyNext = -1;
    }

    /// <summary>Appends a whole string whose characters all come from one input range.</summary>
    public void Append(string s, int srcStart, int srcEnd)
    {
        if (s.Length == 0) return;
        if (_text is null) Materialize();
        EnsureRoom(s.Length);
        _pieces.Add(MapPiece.Span(_count, srcStart, srcEnd));
        s.CopyTo(0, _text!, _count, s.Length);
        _count += s.Length;
        _copyNext = -1;
    }

    public void RemoveLast()
    {
        if (_text is null)
        {
            _identity--;
            return;
        }
        _count--;
        _pieces.Truncate(_count);
        _copyNext = -1;
    }

    /// <summary>The output and its map; the map is null when the output is the input unchanged.</summary>
    public (string Text, OffsetMap? Map) Build()
    {
        if (_text is null && _identity == input.Length) return (input, null);
        if (_text is null) Materialize();
        var text = new string(_text!, 0, _count);
        var map = new OffsetMap(_pieces.ToArray(), _count, input.Length);
        ArrayPool<char>.Shared.Return(_text!);
        _text = null;
        _identity = -1; // the builder is spent
        return (text, map);
    }

    private void Materialize()
    {
        _text = ArrayPool<char>.Shared.Rent(Math.Max(16, input.Length + 16));
        input.CopyTo(0, _text, 0, _identity);
        _pieces = new MapPieceList(16);
        if (_identity > 0) _pieces.Add(MapPiece.CopyOf(0, 0));
        _count = _identity;
        _copyNext = _identity > 0 ? _identity : -1;
    }

    private void EnsureRoom(int more)
    {
        if (_count + more <= _text!.Length) return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_text.Length * 2, _count + more));
        _text.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_text);
        _text = bigger;
    }
}
