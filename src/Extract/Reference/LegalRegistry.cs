using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Reference;

/// <summary>One frequently cited document of the registry (data/registry.csv).</summary>
public sealed record RegistryEntry(string Key, string Type, string? Number, string Title, DateOnly? IssuedDate, string Issuer, IReadOnlyList<string> Aliases)
{
    /// <summary>The key without the "@YYYY" that tells apart Party documents sharing a symbol.</summary>
    public string BaseKey => Key.Split('@')[0];
}

/// <summary>
/// The registry of frequently cited documents: resolves a titled citation ("Luật Thực hiện dân chủ ở cơ sở")
/// to its key (10/2022/QH15) and tells which symbols are known.
/// </summary>
public sealed class LegalRegistry
{
    private readonly Dictionary<string, List<RegistryEntry>> _byBaseKey;
    private readonly Dictionary<string, List<RegistryEntry>> _byAlias;

    public LegalRegistry(IEnumerable<RegistryEntry> entries)
    {
        Entries = entries.ToList();
        _byBaseKey = Entries.GroupBy(e => e.BaseKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byAlias = new Dictionary<string, List<RegistryEntry>>(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            // A bare title ("Về tiếp tục đẩy mạnh …") also describes other documents; it names this one only with its type word.
            var titleNamesIt = e.Number is null || AliasKey(e.Title).StartsWith(AliasKey(e.Type), StringComparison.Ordinal);
            var names = e.Aliases.Append($"{e.Type} {e.Title}");
            if (titleNamesIt) names = names.Append(e.Title);
            foreach (var alias in names)
            {
                var k = AliasKey(alias);
                if (k.Length == 0) continue;
                if (!_byAlias.TryGetValue(k, out var list)) _byAlias[k] = list = [];
                if (!list.Contains(e)) list.Add(e);
            }
        }
        // Longest aliases first so "Luật Thực hiện dân chủ ở cơ sở năm 2022" wins over a shorter prefix.
        AliasesLongestFirst = _byAlias.Keys.OrderByDescending(k => k.Length).ToList();
    }

    public IReadOnlyList<RegistryEntry> Entries { get; }

    internal IReadOnlyList<string> AliasesLongestFirst { get; }

    /// <summary>Folded, one space between words, no commas: "Luật Phòng, chống bạo lực gia đình" = "Luật Phòng chống bạo lực gia đình".</summary>
    public static string AliasKey(string text) =>
        string.Join(' ', SearchFolding.Fold(text).Replace(",", " ", StringComparison.Ordinal).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public static LegalRegistry Load(TextReader csv)
    {
        var entries = new List<RegistryEntry>();
        foreach (var r in Csv.ReadRecords(csv))
        {
            DateOnly? date = DateOnly.TryParseExact(r["issued_date"], "yyyy-MM-dd", out var d) ? d : null;
            var aliases = r["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries.Add(new RegistryEntry(r["key"].Trim(), r["type"].Trim(), string.IsNullOrWhiteSpace(r["number"]) ? null : r["number"].Trim(),
                r["title"].Trim(), date, r["issuer"].Trim(), aliases));
        }
        return new LegalRegistry(entries);
    }

    /// <summary>Registry entries for a normalised symbol (several when a Party symbol repeats across terms).</summary>
    public IReadOnlyList<RegistryEntry> FindBySymbol(string key) =>
        _byBaseKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>The entry a citation's title names exactly (after folding); null when none or several do.</summary>
    public RegistryEntry? FindByAlias(string title) => _byAlias.TryGetValue(AliasKey(title), out var l) && l.Count == 1 ? l[0] : null;

    /// <summary>Every entry a title names ("Luật Đất đai" names the 2013 and the 2024 law).</summary>
    public IReadOnlyList<RegistryEntry> FindAllByAlias(string title) => _byAlias.TryGetValue(AliasKey(title), out var l) ? l : [];

    /// <summary>Picks among entries sharing a symbol by the cited date; null when it cannot tell.</summary>
    public static RegistryEntry? PickByDate(IReadOnlyList<RegistryEntry> candidates, DateOnly? citedDate)
    {
        if (candidates.Count == 1) return candidates[0];
        if (citedDate is null) return null;
        return candidates.FirstOrDefault(c => c.IssuedDate == citedDate)
            ?? candidates.FirstOrDefault(c => c.IssuedDate?.Year == citedDate.Value.Year);
    }
}
