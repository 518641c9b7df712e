namespace DocIntel.Extract.Text;

/// <summary>A half-open range [Start, End) of character offsets in one text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public static TextSpan FromLength(int start, int length) => new(start, start + length);

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start},{End})";
}
