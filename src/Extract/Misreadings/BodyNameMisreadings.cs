using DocIntel.Extract.Issuers;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Misreadings;

/// <summary>
/// A body's name as OCR misspelt it, spelt again from what is known (tên cơ quan): the words of bodies and units
/// ("Đăng ủy" is Đảng ủy, "tình" before a province is tỉnh) and the gazetteer's place names ("thành phõ cân thơ" is
/// thành phố Cần Thơ). Marks aside, every word must match: a name that is not a known one is left as read.
/// </summary>
public sealed class BodyNameMisreadings(AdminGazetteer gazetteer)
{
    // The words of body names and units, by their folded form, longest first.
    private static readonly (string[] Folded, string Proper)[] Words = [.. new[]
    {
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Đảng ủy", "Đảng bộ", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy",
        "Ban Thường vụ", "Ban Chỉ đạo", "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "Ủy ban Kiểm tra", "Ban Dân vận",
        "Ban Tuyên giáo", "Ban Tổ chức", "Văn phòng", "Chi bộ", "Đảng đoàn", "Ban Cán sự đảng", "Bộ", "Sở", "Phòng", "Cục",
        "thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường",
    }.Select(w => (SearchFolding.Fold(w).Split(' '), w)).OrderByDescending(w => w.Item1.Length)];

    // A place follows these: the unit word's type in the gazetteer, or a level for a Party committee (Tỉnh ủy Thái Bình).
    private static readonly Dictionary<string, (string? TypeWord, int? Level)> PlaceAfter = new(StringComparer.Ordinal)
    {
        ["tỉnh"] = ("Tỉnh", 1), ["thành phố"] = ("Thành phố", null), ["huyện"] = ("Huyện", null), ["quận"] = ("Quận", null),
        ["thị xã"] = ("Thị xã", null), ["thị trấn"] = ("Thị trấn", null), ["xã"] = ("Xã", null), ["phường"] = ("Phường", null),
        ["đặc khu"] = ("Đặc khu", null), ["tỉnh ủy"] = (null, 1), ["thành ủy"] = (null, null), ["huyện ủy"] = (null, 2),
        ["quận ủy"] = (null, 2), ["thị ủy"] = (null, 2),
    };

    /// <summary>The name spelt again, or the name as given when a word is neither a known body word nor part of a known place.</summary>
    public string Respell(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var read = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = read.Select(w => SearchFolding.Fold(w)).ToArray();
        var spelt = new List<string>(read.Length);
        for (var i = 0; i < read.Length;)
        {
            var word = Words.FirstOrDefault(w => i + w.Folded.Length <= read.Length && w.Folded.AsSpan().SequenceEqual(folded.AsSpan(i, w.Folded.Length)));
            if (word.Proper is null) return name;
            // Keep the case the name was given in ("Ủy ban Kiểm tra", "ban chỉ đạo" inside a longer name).
            spelt.Add(i == 0 || char.IsUpper(read[i][0]) ? word.Proper : VietnameseSyllable.ToLowerInvariant(word.Proper));
            i += word.Folded.Length;
            if (!PlaceAfter.TryGetValue(VietnameseSyllable.ToLowerInvariant(word.Proper), out var kind) || i >= read.Length) continue;
            // The rest is the place: the gazetteer's spelling of it, of a unit of that type, nearest to what was read
            // ("Thanh Hóa", not the commune "Thành Hòa").
            var place = string.Join(' ', read[i..]);
            var best = gazetteer.Find(place, AdminEra.ThreeLevel, kind.Level, kind.TypeWord).Concat(gazetteer.Find(place, AdminEra.TwoLevel, kind.Level, kind.TypeWord))
                .Select(u => u.BareName.Replace("(mới)", "", StringComparison.Ordinal).Replace("(cũ)", "", StringComparison.Ordinal).Trim())
                .Distinct().OrderBy(n => Edits.Distance(VietnameseSyllable.ToLowerInvariant(n), VietnameseSyllable.ToLowerInvariant(place))).FirstOrDefault();
            if (best is null) return name;
            spelt.Add(best);
            return string.Join(' ', spelt);
        }
        return string.Join(' ', spelt);
    }
}
