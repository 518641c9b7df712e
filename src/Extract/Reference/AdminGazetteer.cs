using DocIntel.Extract.Normalization;

namespace DocIntel.Extract.Reference;

/// <summary>Which administrative map a unit belongs to: three levels before 1 July 2025, two levels after.</summary>
public enum AdminEra
{
    ThreeLevel,
    TwoLevel,
}

/// <summary>One administrative unit (đơn vị hành chính) of the gazetteer.</summary>
public sealed record AdminUnit(string Code, string Name, string Type, string? ParentCode, int Level, AdminEra Era)
{
    /// <summary>The name without its type word: "Xã Song Vân" → "Song Vân".</summary>
    public string BareName => AdminGazetteer.StripTypeWord(Name);
}

/// <summary>
/// The gazetteer of provinces, districts and communes before and after the 2025 reform
/// (data/admin-units, see its SOURCE.md). Answers "which province is xã Bình Chương of huyện Bình Sơn in".
/// </summary>
public sealed class AdminGazetteer
{
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    private static readonly string[] TypeWords =
        ["Thành phố Trung ương", "Thành phố trực thuộc trung ương", "Thành phố", "Thị trấn", "Thị xã", "Tỉnh", "Huyện", "Quận", "Xã", "Phường", "Đặc khu"];

    private readonly Dictionary<(AdminEra, string), AdminUnit> _byCode;
    private readonly Dictionary<string, List<AdminUnit>> _byBareName;

    public AdminGazetteer(IEnumerable<AdminUnit> units)
    {
        Units = units.ToList();
        _byCode = Units.ToDictionary(u => (u.Era, u.Code));
        _byBareName = Units.GroupBy(u => NameKey(u.BareName), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<AdminUnit> Units { get; }

    public static string NameKey(string name) => LegalRegistry.AliasKey(StripTypeWord(name.Replace("(mới)", "").Replace("(cũ)", "")));

    public static string StripTypeWord(string name)
    {
        var n = name.Trim();
        foreach (var w in TypeWords)
        {
            if (n.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase)) return n[(w.Length + 1)..].Trim();
        }
        return n;
    }

    public static AdminGazetteer Load(TextReader threeLevel, TextReader twoLevel)
    {
        static IEnumerable<AdminUnit> Read(TextReader r, AdminEra era) =>
            Csv.ReadRecords(r).Select(x => new AdminUnit(x["code"], x["name"], x["type"], x["parent_code"] is { Length: > 0 } p ? p : null,
                int.Parse(x["level"], System.Globalization.CultureInfo.InvariantCulture), era));
        return new AdminGazetteer(Read(threeLevel, AdminEra.ThreeLevel).Concat(Read(twoLevel, AdminEra.TwoLevel)));
    }

    public static AdminEra EraOf(DateOnly? date) => date is { } d && d >= ReformDate ? AdminEra.TwoLevel : AdminEra.ThreeLevel;

    public AdminUnit? Parent(AdminUnit unit) => unit.ParentCode is { } p ? _byCode.GetValueOrDefault((unit.Era, p)) : null;

    public AdminUnit? ProvinceOf(AdminUnit unit)
    {
        var u = unit;
        while (u.Level > 1 && Parent(u) is { } p) u = p;
        return u.Level == 1 ? u : null;
    }

    public AdminUnit? DistrictOf(AdminUnit unit)
    {
        if (unit.Era == AdminEra.TwoLevel) return null;
        return unit.Level switch { 2 => unit, 3 => Parent(unit), _ => null };
    }

    /// <summary>Units of an era with this name at this level (1 province, 2 district or 2-level commune, 3 commune).</summary>
    public IReadOnlyList<AdminUnit> Find(string name, AdminEra era, int? level = null, string? typeWord = null)
    {
        if (!_byBareName.TryGetValue(NameKey(name), out var list)) return [];
        return list.Where(u => u.Era == era && (level is null || u.Level == level)
            && (typeWord is null || u.Type.StartsWith(typeWord, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>
    /// Locates a commune or district named in a document, narrowed by the district and province the text names;
    /// returns the unit only when exactly one fits.
    /// </summary>
    public AdminUnit? Locate(string name, int level, AdminEra era, string? typeWord, string? districtName, string? provinceName)
    {
        var effectiveLevel = era == AdminEra.TwoLevel && level == 3 ? 2 : level;
        var candidates = Find(name, era, effectiveLevel, typeWord).AsEnumerable();
        if (districtName is not null && era == AdminEra.ThreeLevel)
        {
            var dk = NameKey(districtName);
            var narrowed = candidates.Where(c => DistrictOf(c) is { } d && NameKey(d.Name) == dk).ToList();
            if (narrowed.Count > 0) candidates = narrowed;
        }
        if (provinceName is not null)
        {
            var pk = NameKey(provinceName);
            var narrowed = candidates.Where(c => ProvinceOf(c) is { } p && NameKey(p.Name) == pk).ToList();
            if (narrowed.Count > 0) candidates = narrowed;
        }
        var result = candidates.ToList();
        return result.Count == 1 ? result[0] : null;
    }
}
