using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>
/// Clean text for the extractors, with the map back to the raw text it came from and the list of repairs made.
/// </summary>
public sealed record NormalizedText(string Raw, string Text, OffsetMap Map, IReadOnlyList<TextRepair> Repairs)
{
    public TextSpan ToRaw(TextSpan span) => Map.ToRaw(span);

    public string RawSlice(TextSpan span)
    {
        var r = ToRaw(span);
        return Raw.Substring(r.Start, r.Length);
    }

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
