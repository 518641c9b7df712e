namespace DocIntel.Extract.Pipeline;

/// <summary>Options of the extraction pipeline.</summary>
public sealed record ExtractionOptions
{
    public static readonly ExtractionOptions Default = new();

    /// <summary>How many lines from the top of a document count as its header.</summary>
    public int HeaderLines { get; init; } = 40;

    /// <summary>Split a file into the documents it holds (cover letter + forwarded document).</summary>
    public bool SplitParts { get; init; } = true;
}
