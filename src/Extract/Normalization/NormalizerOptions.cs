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
}
