namespace DocIntel.Index.Sqlite;

/// <summary>Tuning of the embedded store.</summary>
public sealed record SqliteStoreOptions
{
    public static readonly SqliteStoreOptions Default = new();

    /// <summary>
    /// Matches ranked by BM25 at most, newest rows first. A query matching more documents (common words over a large
    /// archive) ranks the newest this many only: its cost stays bounded, at the price of older matches never reaching
    /// the top. Rarer queries rank every match.
    /// </summary>
    public int RankedCandidates { get; init; } = 400;

    /// <summary>Documents counted per query term for its IDF before the count is extrapolated from the row ids spanned.</summary>
    public int FrequencySample { get; init; } = 5000;

    /// <summary>
    /// Recent answers kept (search pages, facet counts, who-cites lists and counts), each for the store generation it
    /// was computed on, so a repeated query costs a lookup until the next write; 0 turns the cache off.
    /// </summary>
    public int CachedAnswers { get; init; } = 2048;

    /// <summary>
    /// Rows all cached answers may hold together (a search hit, a citing document, a facet group: a few hundred bytes
    /// each); the least recently used answers go first. An answer larger than this is not cached.
    /// </summary>
    public long CachedRows { get; init; } = 100_000;

    /// <summary>
    /// Memory for the sets of documents holding each searched word (one bit a document: 12.5 KB a word over 100,000
    /// documents), kept until the store changes so facets of common words are counted without reading their posting
    /// lists again.
    /// </summary>
    public long CachedTermSetBytes { get; init; } = 64L << 20;

    /// <summary>Bytes of the file mapped into memory by each read connection (0: none).</summary>
    public long MmapBytes { get; init; } = 1L << 30;
}
