namespace DocIntel.Extract.Normalization;

/// <summary>Which repairs the normaliser makes. The defaults are what every extractor and index expects.</summary>
public sealed record NormalizerOptions
{
    public static readonly NormalizerOptions Default = new();

    /// <summary>Rewrite tone marks to one placement (hoà → hòa, Uỷ → Ủy).</summary>
    public bool CanonicalTones { get; init; } = true;

    /// <summary>Drop markdown and table residue (**, \*, leading #, table pipes and rules).</summary>
    public bool StripMarkup { get; init; } = true;

    /// <summary>Join a document symbol broken after a hyphen at a line end (18-⏎NQ/TW).</summary>
    public bool JoinBrokenSymbols { get; init; } = true;

    /// <summary>Convert TCVN3 (ABC), VNI-Windows and VISCII text that was read as Windows-1252/Latin-1.</summary>
    public bool RepairLegacyEncodings { get; init; } = true;

    /// <summary>Restore letters a PDF font dropped as spaces (CH  NG Ĩ → CHỦ NGHĨA) when one reading clearly wins.</summary>
    public bool RepairDroppedGlyphs { get; init; } = true;

    /// <summary>Join lines wrapped inside a body paragraph and undo end-of-line hyphenation (header lines stay apart).</summary>
    public bool JoinWrappedLines { get; init; } = true;

    /// <summary>Drop page numbers and running headers/footers (pages separated by form feeds).</summary>
    public bool DropPageFurniture { get; init; } = true;
}
