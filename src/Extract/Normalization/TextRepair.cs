using DocIntel.Extract.Text;

namespace DocIntel.Extract.Normalization;

/// <summary>What kind of change the normaliser made.</summary>
public enum RepairKind
{
    Unicode,
    Glyph,
    Tone,
    Whitespace,
    Markup,
    Hyphenation,
    Encoding,

    /// <summary>Page layout undone: a wrapped line joined, a page number or running header dropped.</summary>
    Layout,
}

/// <summary>One change made by the normaliser: where in the raw text, what it was, what it became.</summary>
public sealed record TextRepair(RepairKind Kind, TextSpan RawSpan, string Before, string After);
