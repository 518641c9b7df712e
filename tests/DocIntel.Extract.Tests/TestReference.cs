using DocIntel.Extract.Reference;

namespace DocIntel.Extract.Tests;

/// <summary>The shipped reference data, loaded once for all tests (it is immutable).</summary>
internal static class TestReference
{
    private static readonly Lazy<ReferenceData> Data = new(ReferenceData.LoadEmbedded);

    public static ReferenceData Value => Data.Value;
}
