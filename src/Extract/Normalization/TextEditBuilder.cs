using System.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>Builds one pass's output together with, for each output character, the input range it came from.</summary>
internal sealed class TextEditBuilder(string input)
{
    private readonly StringBuilder _text = new(input.Length);
    private readonly List<int> _starts = new(input.Length);
    private readonly List<int> _ends = new(input.Length);

    public int Length => _text.Length;

    public char this[int index] => _text[index];

    public void Copy(int inputIndex) => Append(input[inputIndex], inputIndex, inputIndex + 1);

    public void CopyRange(int start, int end)
    {
        for (var i = start; i < end; i++) Copy(i);
    }

    public void Append(char c, int srcStart, int srcEnd)
    {
        _text.Append(c);
        _starts.Add(srcStart);
        _ends.Add(srcEnd);
    }

    public void Append(string s, int srcStart, int srcEnd)
    {
        foreach (var c in s) Append(c, srcStart, srcEnd);
    }

    public void RemoveLast()
    {
        _text.Length--;
        _starts.RemoveAt(_starts.Count - 1);
        _ends.RemoveAt(_ends.Count - 1);
    }

    public (string Text, OffsetMap Map) Build() =>
        (_text.ToString(), new OffsetMap([.. _starts], [.. _ends], input.Length));
}
