using System.Reflection;

namespace DocIntel.Extract.Reference;

/// <summary>
/// The reference data extraction reads: the citation registry and the gazetteer.
/// Loaded once by the host from the copies embedded in this assembly, then shared (immutable).
/// </summary>
public sealed record ReferenceData(LegalRegistry Registry, AdminGazetteer Gazetteer)
{
    public static ReferenceData LoadEmbedded()
    {
        var asm = typeof(ReferenceData).Assembly;
        using var registry = Open(asm, "DocIntel.Extract.registry.csv");
        using var three = Open(asm, "DocIntel.Extract.units_3level.csv");
        using var two = Open(asm, "DocIntel.Extract.units_2level.csv");
        return new ReferenceData(LegalRegistry.Load(registry), AdminGazetteer.Load(three, two));
    }

    private static StreamReader Open(Assembly asm, string name) =>
        new(asm.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"embedded resource {name} is missing"));
}
