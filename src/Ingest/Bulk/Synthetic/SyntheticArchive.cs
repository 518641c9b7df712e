using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;

namespace DocIntel.Ingest.Bulk.Synthetic;

/// <summary>Options of a synthetic archive.</summary>
public sealed record SyntheticOptions
{
    public int Count { get; init; } = 1000;
    public int Seed { get; init; } = 42;
    public DateOnly From { get; init; } = new(2023, 1, 1);

    /// <summary>Before the 2025 reform, so the three-level gazetteer names every issuer.</summary>
    public DateOnly To { get; init; } = new(2025, 6, 30);

    /// <summary>How many provinces the issuers come from (the archive of one region, or the whole country).</summary>
    public int Provinces { get; init; } = 63;
}

/// <summary>One generated document: where it goes in the archive and its text.</summary>
public sealed record SyntheticDocument(string RelativePath, string Text);

/// <summary>
/// Builds realistic administrative documents for scale tests, following the layout of real ones (the seeds and the
/// corpus): an issuer block from the gazetteer (commune, district or province People's Committee, or a Party committee),
/// number and symbol, place and date, title and subject, "Căn cứ" bases and "Thực hiện" references drawn from the
/// legal registry with a long-tailed popularity (as real archives cite a few decrees very often), references to
/// earlier documents of the parent body (so archive documents cite each other), body sentences taken from the template
/// texts, tasks with deadlines, signer and recipients. Deterministic for a seed.
/// </summary>
public sealed class SyntheticArchive
{
    private static readonly (string Title, string Code, string Kind)[] StateTypes =
    [
        ("BÁO CÁO", "BC", "bao_cao"), ("KẾ HOẠCH", "KH", "ke_hoach"), ("QUYẾT ĐỊNH", "QĐ", "quyet_dinh"), ("THÔNG BÁO", "TB", "thong_bao"), ("", "", "cong_van"),
    ];

    private static readonly string[] Subjects =
    [
        "Kết quả thực hiện dân chủ ở cơ sở năm {y}", "Thực hiện Quy chế dân chủ ở cơ sở năm {y}", "Tuyên truyền, phổ biến pháp luật năm {y}",
        "Triển khai công tác cải cách hành chính năm {y}", "Xây dựng, thực hiện hương ước, quy ước", "Tổ chức Hội nghị nhân dân ở thôn, tổ dân phố",
        "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo", "Thực hiện công tác dân vận chính quyền năm {y}", "Sơ kết 6 tháng đầu năm {y}",
        "Tăng cường kỷ luật, kỷ cương hành chính", "Chuyển đổi số trong cơ quan nhà nước năm {y}", "Phòng, chống tham nhũng, tiêu cực",
    ];

    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
    private static readonly string[] Middles = ["Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Đức", "Quang", "Thu"];
    private static readonly string[] Givens = ["An", "Bình", "Cường", "Dũng", "Hà", "Hiền", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Vân"];
    private static readonly string[] Offices = ["Văn phòng HĐND và UBND", "Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội", "Ban Chỉ đạo thực hiện Quy chế dân chủ", "Mặt trận Tổ quốc Việt Nam", "Công an"];

    private readonly ReferenceData _reference;
    private readonly IReadOnlyList<string> _sentences;

    public SyntheticArchive(ReferenceData reference, IEnumerable<string> templateTexts)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(templateTexts);
        _reference = reference;
        _sentences = templateTexts.SelectMany(Sentences).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (_sentences.Count == 0) throw new ArgumentException("the template texts gave no body sentences", nameof(templateTexts));
    }

    /// <summary>Body sentences of a template: prose lines of 60–260 characters, not headers, numbers or signatures.</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        var normal = VietnameseNormalizer.Default.Normalize(text).Text;
        var flat = Regex.Replace(normal, @"\s*\n\s*(?=\p{Ll})", " ");
        foreach (var raw in Regex.Split(flat, @"(?<=[.;:])\s+|\n+"))
        {
            var s = raw.Trim().TrimStart('-', '+', '*', '•', ' ');
            if (s.Length is < 60 or > 260) continue;
            if (!char.IsUpper(s[0]) || s.Count(char.IsLower) < s.Length * 0.6) continue;
            if (Regex.IsMatch(s, @"^(Số|Nơi nhận|TM\.|KT\.|Căn cứ)|http|www\.|\*\*|\|")) continue;
            yield return s.EndsWith('.') || s.EndsWith(';') ? s : s + ".";
        }
    }

    private sealed record Issuer(string Line1, string Line2, string Name, string Place, string SymbolTail, bool Party, int Level, AdminUnit Unit, string? ParentName, string Signer);

    private sealed record Issued(string Type, string Symbol, DateOnly Date, string IssuerName, string Subject);

    public IEnumerable<SyntheticDocument> Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Random(options.Seed);
        var g = _reference.Gazetteer;
        var units = g.Units.Where(u => u.Era == AdminEra.ThreeLevel).ToList();
        var provinces = units.Where(u => u.Level == 1).OrderBy(u => u.Code, StringComparer.Ordinal).Take(options.Provinces).ToList();
        var children = units.Where(u => u.ParentCode is not null).GroupBy(u => u.ParentCode!).ToDictionary(x => x.Key, x => x.OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
        var cited = _reference.Registry.Entries.Where(e => e.Number is not null && e.IssuedDate is not null).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        // Long-tailed popularity: the k-th registry entry is cited with weight 1/(k+1); the two decrees on grassroots
        // democracy lead, as in the real archives.
        cited = cited.OrderBy(e => e.Number is "59/2023/NĐ-CP" or "61/2023/NĐ-CP" or "10/2022/QH15" ? 0 : 1).ThenBy(_ => rng.Next()).ToList();
        var weights = cited.Select((_, k) => 1.0 / (k + 1)).ToArray();
        var total = weights.Sum();
        var issuedBy = new Dictionary<string, List<Issued>>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var span = options.To.DayNumber - options.From.DayNumber;
        // Documents come in date order so that references point back in time.
        var dates = Enumerable.Range(0, options.Count).Select(_ => options.From.AddDays(rng.Next(span + 1))).Order().ToList();

        for (var i = 0; i < options.Count; i++)
        {
            var province = provinces[rng.Next(provinces.Count)];
            var districts = children.GetValueOrDefault(province.Code) ?? [];
            var district = districts.Count > 0 ? districts[rng.Next(districts.Count)] : null;
            var communes = district is null ? [] : children.GetValueOrDefault(district.Code) ?? [];
            var commune = communes.Count > 0 ? communes[rng.Next(communes.Count)] : null;
            var roll = rng.NextDouble();
            var level = roll < 0.6 && commune is not null ? 3 : roll < 0.85 && district is not null ? 2 : 1;
            var party = rng.NextDouble() < 0.2;
            var issuer = MakeIssuer(level == 3 ? commune! : level == 2 ? district! : province, level == 3 ? district : level == 2 ? province : null, province, party, rng);
            var date = dates[i];
            var (typeTitle, code, _) = party ? (rng.Next(3) switch { 0 => ("KẾ HOẠCH", "KH", "ke_hoach"), 1 => ("BÁO CÁO", "BC", "bao_cao"), _ => ("", "CV", "cong_van") }) : StateTypes[rng.Next(StateTypes.Length)];
            var counterKey = issuer.Name + date.Year.ToString(CultureInfo.InvariantCulture);
            var n = numbers[counterKey] = numbers.GetValueOrDefault(counterKey) + 1 + rng.Next(3);
            var symbol = party ? $"{n}-{code}/{issuer.SymbolTail}" : code.Length == 0 ? $"{n}/{issuer.SymbolTail}-VP" : $"{n}/{code}-{issuer.SymbolTail}";
            var subject = Subjects[rng.Next(Subjects.Length)].Replace("{y}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var sb = new StringBuilder();
            sb.Append(issuer.Line1).Append('\n').Append(issuer.Line2).Append('\n');
            sb.Append(party ? "*\n" : "").Append(party ? "ĐẢNG CỘNG SẢN VIỆT NAM\n" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n");
            sb.Append(party ? $"Số {symbol}\n" : $"Số: {symbol}\n");
            sb.Append(CultureInfo.InvariantCulture, $"{issuer.Place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}\n\n");
            if (typeTitle.Length > 0) sb.Append(typeTitle).Append('\n').Append(subject).Append("\n\n");
            else sb.Append("V/v ").Append(subject.ToLower(CultureInfo.GetCultureInfo("vi-VN"))[..1]).Append(subject[1..]).Append("\n\n");

            // Legal bases (căn cứ) for decisions and plans; implemented documents (thực hiện) for the rest.
            var picks = Enumerable.Range(0, 1 + rng.Next(4)).Select(_ => Pick(cited, weights, total, rng)).Where(e => e.IssuedDate < date).DistinctBy(e => e.Key).ToList();
            if (code is "QĐ" or "KH")
            {
                foreach (var e in picks) sb.Append("Căn cứ ").Append(Cite(e)).Append(";\n");
            }
            var parent = issuer.ParentName is not null && issuedBy.TryGetValue(issuer.ParentName, out var list) && list.Count > 0 ? list[rng.Next(list.Count)] : null;
            if (parent is not null && rng.NextDouble() < 0.7)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Thực hiện {parent.Type} số {parent.Symbol} ngày {parent.Date.Day:00}/{parent.Date.Month:00}/{parent.Date.Year} của {parent.IssuerName} về {Lower(parent.Subject)}, ");
                sb.Append(issuer.Name).Append(" ban hành ").Append(typeTitle.Length > 0 ? Lower(typeTitle) : "văn bản").Append(" như sau:\n\n");
            }
            else if (code is not ("QĐ" or "KH") && picks.Count > 0)
            {
                sb.Append("Thực hiện ").Append(Cite(picks[0])).Append(", ").Append(issuer.Name).Append(" báo cáo như sau:\n\n");
                foreach (var e in picks.Skip(1)) sb.Append("Tiếp tục quán triệt ").Append(Cite(e)).Append(".\n");
            }
            sb.Append("I. MỤC ĐÍCH, YÊU CẦU\n");
            for (var k = 0; k < 3 + rng.Next(6); k++) sb.Append(_sentences[rng.Next(_sentences.Count)]).Append('\n');
            sb.Append("II. NHIỆM VỤ, GIẢI PHÁP\n");
            for (var k = 0; k < 1 + rng.Next(4); k++)
            {
                var deadline = date.AddDays(15 + rng.Next(180));
                sb.Append(CultureInfo.InvariantCulture, $"{k + 1}. Giao {Offices[rng.Next(Offices.Length)]} {Lower(_sentences[rng.Next(_sentences.Count)]).TrimEnd('.', ';')}, hoàn thành trước ngày {deadline.Day:00}/{deadline.Month:00}/{deadline.Year}.\n");
            }
            sb.Append("\nNơi nhận:\n");
            if (issuer.ParentName is not null) sb.Append("- ").Append(issuer.ParentName).Append(";\n");
            sb.Append("- Lưu: VT.\n");
            sb.Append(party ? "T/M ĐẢNG ỦY\nBÍ THƯ\n" : "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n").Append('\n').Append(issuer.Signer).Append('\n');

            var typeName = typeTitle.Length > 0 ? Capital(Lower(typeTitle)) : "Công văn";
            (issuedBy.TryGetValue(issuer.Name, out var mine) ? mine : issuedBy[issuer.Name] = []).Add(new Issued(typeName, symbol, date, issuer.Name, subject));
            var folder = Path.Combine(Slug(province.Name), issuer.Level == 1 ? "_tinh" : Slug(district!.Name), issuer.Level == 3 ? Slug(commune!.Name) : "");
            yield return new SyntheticDocument(Path.Combine(folder, $"{i + 1:000000}_{code.ToLowerInvariant().Replace("đ", "d", StringComparison.Ordinal)}.txt"), sb.ToString());
        }
    }

    private static Issuer MakeIssuer(AdminUnit unit, AdminUnit? parent, AdminUnit province, bool party, Random rng)
    {
        var typeWord = unit.Type;
        var bare = unit.BareName;
        var upper = Upper(unit.Name);
        var signer = $"{Families[rng.Next(Families.Length)]} {Middles[rng.Next(Middles.Length)]} {Givens[rng.Next(Givens.Length)]}";
        if (party)
        {
            var parentLine = parent is null ? "ĐẢNG BỘ " + Upper(province.Name) : "ĐẢNG BỘ " + Upper(parent.Name);
            var tail = unit.Level switch { 3 => "ĐU", 2 => "HU", _ => "TU" };
            var prefix = unit.Level switch { 3 => "Đảng ủy", 2 => "Huyện ủy", _ => "Tỉnh ủy" };
            var name = unit.Level == 3 ? $"Đảng ủy {Lower(typeWord)} {bare}" : $"{prefix} {bare}";
            var parentName = parent is null ? null : parent.Level == 2 ? $"Huyện ủy {parent.BareName}" : $"Tỉnh ủy {parent.BareName}";
            return new Issuer(parentLine, unit.Level == 3 ? "ĐẢNG ỦY " + upper : Upper(prefix) + " " + Upper(bare), name, bare, tail, true, unit.Level, unit, parentName, signer);
        }
        var stateName = $"Ủy ban nhân dân {Lower(typeWord)} {bare}";
        var stateParent = parent is null ? null : $"Ủy ban nhân dân {Lower(parent.Type)} {parent.BareName}";
        return new Issuer("ỦY BAN NHÂN DÂN", upper, stateName, bare, "UBND", false, unit.Level, unit, stateParent, signer);
    }

    private static RegistryEntry Pick(List<RegistryEntry> entries, double[] weights, double total, Random rng)
    {
        var x = rng.NextDouble() * total;
        for (var i = 0; i < entries.Count; i++)
        {
            x -= weights[i];
            if (x <= 0) return entries[i];
        }
        return entries[^1];
    }

    private static string Cite(RegistryEntry e)
    {
        var d = e.IssuedDate!.Value;
        var title = e.Title.Length > 0 && !e.Title.StartsWith(e.Type, StringComparison.Ordinal) ? " " + Lower(e.Title) : "";
        return e.Type == "Luật"
            ? $"{e.Title} số {e.Number} ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}"
            : $"{e.Type} số {e.Number} ngày {d.Day:00}/{d.Month:00}/{d.Year} của {e.Issuer}{(title.Length > 0 ? " về" + title : "")}";
    }

    private static string Upper(string s) => s.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    private static string Lower(string s) => s.Length == 0 ? s : s.ToLower(CultureInfo.GetCultureInfo("vi-VN"));

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..];

    private static string Slug(string name) => string.Join('-', SearchFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Writes the documents under a folder (province/district/commune subfolders), or into one .zip when the path ends in .zip.</summary>
    public static int Write(IEnumerable<SyntheticDocument> documents, string output)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(output);
        var n = 0;
        if (output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
            foreach (var d in documents)
            {
                var entry = zip.CreateEntry(d.RelativePath.Replace('\\', '/'), CompressionLevel.Fastest);
                using var s = entry.Open();
                s.Write(Encoding.UTF8.GetBytes(d.Text));
                n++;
            }
            return n;
        }
        foreach (var d in documents)
        {
            var path = Path.Combine(output, d.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, d.Text, Encoding.UTF8);
            n++;
        }
        return n;
    }
}
