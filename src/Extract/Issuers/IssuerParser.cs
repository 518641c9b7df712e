using System.Text.RegularExpressions;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Misreadings;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Symbols;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Issuers;

/// <summary>
/// Reads the issuing body (cơ quan ban hành) from the header block, with its parent line, its level
/// and its locality linked to the gazetteer. When the header lost it, falls back to the number's issuer code
/// and to the closing sentence ("… của Ủy ban nhân dân xã Tân Thạnh").
/// </summary>
public sealed partial class IssuerParser(AdminGazetteer gazetteer)
{
    private readonly BodyNameMisreadings _misreadings = new(gazetteer);

    public sealed record Result(IssuerInfo Issuer, IReadOnlyList<string> Inferred);

    private static readonly string[] BodyStarts =
    [
        "uy ban", "ubnd", "hoi dong", "hdnd", "dang uy", "dang bo", "dang doan", "ban ", "so ", "phong ", "bo ", "cuc ", "tong cuc",
        "van phong", "tinh uy", "thanh uy", "huyen uy", "thi uy", "quan uy", "chi bo", "mat tran", "cong an", "truong ", "trung tam",
        "thanh tra", "chinh phu", "quoc hoi", "thu tuong", "toa an", "vien kiem sat", "hoi ", "doan ", "lien doan", "bo chinh tri",
        "chu tich", "kho bac", "chi cuc", "ngan hang", "benh vien", "dai hoc", "vien ", "ubkt", "bch ", "btv", "ubmttq", "mttq", "dai hoi",
    ];

    [GeneratedRegex(@"(?<unit>thị trấn|thị xã|thành phố|đặc khu|phường|huyện|quận|tỉnh|xã)\s+(?<name>(?:\p{Lu}[\p{L}']*|\d+)(?:[ -](?:\p{Lu}[\p{L}']*|\d+))*)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitMention();

    // No IgnoreCase: with it .NET lets \p{Lu} match lower case, and place names are told by their capitals.
    [GeneratedRegex(@"(?<body>(?:[ỦủU]y\s+ban\s+[Nn]hân\s+dân|UBND|[Hh]ội\s+đồng\s+[Nn]hân\s+dân|HĐND|Đảng\s+[ủu]y|Ban\s+Thường\s+vụ\s+Đảng\s+ủy)\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?:\s+(?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,4})?)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyInSentence();

    // "SỐ:" in capitals only before its colon or number: "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" is a name.
    [GeneratedRegex(@"(?<![\p{L}])(?:Số\b|SỐ(?=\s*[:.\d]))")]
    private static partial Regex SoWord();

    [GeneratedRegex(@"^(KHẨN|THƯỢNG KHẨN|HỎA TỐC|MẬT|TỐI MẬT|TUYỆT MẬT)$")]
    private static partial Regex MarkLine();

    [GeneratedRegex(@"Trên đây là[^.]{0,300}?\scủa\s", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex ClosingSentence();

    [GeneratedRegex(@"(?<body>(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)(?:\s+\p{Lu}[\p{L}]*){0,4})\s+(?:vừa|đã|mới)?\s*ban hành", RegexOptions.CultureInvariant)]
    private static partial Regex NewsIssuer();

    [GeneratedRegex(@"(?<k>Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy)\s+(?<n>\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)")]
    private static partial Regex LevelBody();

    [GeneratedRegex(@"(?<![\p{L}])(?:thị trấn|thị xã|thành phố|đặc khu|phường|huyện|quận|tỉnh|xã)(?![\p{L}])")]
    private static partial Regex UnitWord();

    [GeneratedRegex(@"^(chinh phu|thu tuong|quoc hoi|uy ban thuong vu quoc hoi|bo chinh tri|ban bi thu|ban chap hanh trung uong|van phong chinh phu|van phong trung uong|bo |ngan hang nha nuoc|thanh tra chinh phu|dai hoi dai bieu toan quoc|cuc truong cuc|cuc |tong cuc)")]
    private static partial Regex CentralBody();

    [GeneratedRegex(@"^(chinh phu|bo |trung uong)")]
    private static partial Regex CentralParent();

    /// <param name="recognised">Where OCR read the text: a header name read there is spelt again (<see cref="BodyNameMisreadings"/>).</param>
    public Result? Parse(string text, IReadOnlyList<TextLine> lines, int numberLine, DocumentSymbol? symbol, DateOnly? date, string? place, int titleLine = -1,
        RecognisedText? recognised = null)
    {
        var limit = numberLine >= 0 ? Math.Min(numberLine + 1, lines.Count) : Math.Min(12, lines.Count);
        if (limit > 0)
        {
            // Blank the motto and Party header even where they wrap over lines, then read what is left.
            lines = HeaderLines.MaskHeader(text, lines, limit);
        }
        var bodies = HeaderBodies(lines, limit);
        string? name = null, parent = null;
        TextSpan? span = null;
        var inferred = new List<string>();
        if (bodies.Count > 0 && bodies[^1].IsBody)
        {
            var last = bodies[^1];
            name = BodyNames.ToNormalCase(last.Text);
            span = last.Span;
            if (bodies.Count > 1) parent = BodyNames.ToNormalCase(bodies[^2].Text);
            if (recognised?.Covers(last.Span) == true)
            {
                name = _misreadings.Respell(name);
                if (parent is not null) parent = _misreadings.Respell(parent);
            }
        }
        else if (bodies.Count > 0 && symbol is not null && BodyFromCode(symbol) is { } body)
        {
            // The header kept only the place ("SONG VÂN"): the body comes from the symbol's issuer code.
            var placeName = BodyNames.TitleCase(bodies[^1].Text);
            var unit = UnitTypeOf(placeName, text, date);
            name = unit is null ? $"{body} {placeName}" : $"{body} {unit} {placeName}";
            span = bodies[^1].Span;
            inferred.Add("issuer.name");
        }
        else if (BodyUnderTitle(lines, titleLine >= 0 ? titleLine + 1 : limit) is { } underTitle)
        {
            name = BodyNames.ToNormalCase(underTitle.Text);
            span = underTitle.Span;
        }
        else if (FromSentence(text) is { } sentence)
        {
            name = BodyNames.ToNormalCase(BodyNames.ExpandAbbreviations(sentence.Value));
            span = sentence.Span;
        }
        else if (symbol is not null && CentralBodyFromCode(symbol) is { } central)
        {
            name = central;
            inferred.Add("issuer.name");
        }
        if (name is null) return null;

        var (level, province, district, commune, code, provinceInferred) = Locate(name, parent, text, date);
        if (provinceInferred) inferred.Add("issuer.province");
        return new Result(new IssuerInfo(name, span, parent, level, province, district, commune, code), inferred);
    }

    private sealed record HeaderBody(string Text, TextSpan Span, bool IsBody);

    // Word pairs a body name wraps inside ("ỦY / BAN", "NHÂN / DÂN"): the next line continues, it does not start a body.
    private static readonly HashSet<string> WrappedPairs =
    [
        "uy ban", "nhan dan", "chinh phu", "trung uong", "cong san", "hanh chinh", "chap hanh", "thuong vu", "chi dao", "to quoc",
        "mat tran", "hoi dong", "dan van", "tuyen giao", "kiem tra", "van phong", "tong cuc", "cong an", "giao duc", "quoc hoi", "chinh tri", "dai bieu", "toan quoc",
    ];

    private List<HeaderBody> HeaderBodies(IReadOnlyList<TextLine> lines, int limit)
    {
        var bodies = new List<HeaderBody>();
        var started = false;
        for (var i = 0; i < limit; i++)
        {
            var raw = lines[i].Text;
            var cleaned = HeaderLines.WithoutFixedPhrases(raw);
            // Cut the number and anything after "Số" off a line that holds both columns.
            var so = SoWord().Match(cleaned);
            if (so.Success) cleaned = cleaned[..so.Index].Trim();
            // Specks a scan reads as marks before a line ("ˆ ỦY BAN NHÂN DÂN"): a modifier letter is no letter of a name.
            cleaned = cleaned.TrimStart(' ', 'ˆ', '˜', '`', '´', '\'', '‘', '’', '.', ',', '~', '^');
            if (cleaned.Length == 0 || cleaned.All(c => c is '*' or ' ' or '-'))
            {
                continue;
            }
            // The number on a line of its own ("Số:⏎37/2025/NQ-HĐND") is not part of a body's name.
            var symbolInLine = SymbolPattern.InText().Match(cleaned);
            if (symbolInLine.Success && SymbolPattern.LooksLikeSymbol(symbolInLine.Value))
            {
                cleaned = cleaned[..symbolInLine.Index].Trim();
                if (cleaned.Length == 0) continue;
            }
            var letters = cleaned.Count(char.IsLetter);
            var upper = cleaned.Count(char.IsUpper);
            var isUpper = letters >= 2 && upper >= letters * 0.8;
            if (!isUpper)
            {
                if (started) break;
                continue;
            }
            if (MarkLine().IsMatch(cleaned)) continue;
            if (DocTypes.TitleLines.Any(t => cleaned == t.Title)) break;
            started = true;
            var offset = raw.IndexOf(cleaned, StringComparison.Ordinal);
            var span = offset >= 0 ? TextSpan.FromLength(lines[i].Start + offset, cleaned.Length) : lines[i].Span;
            var folded = BodyNames.Key(cleaned) + " ";
            var isBody = BodyStarts.Any(b => folded.StartsWith(b, StringComparison.Ordinal));
            if (isBody && bodies.Count > 0)
            {
                var lastWord = BodyNames.Key(bodies[^1].Text).Split(' ')[^1];
                var firstWord = folded.Split(' ')[0];
                if (WrappedPairs.Contains(lastWord + " " + firstWord)) isBody = false;
            }
            if (isBody && SplitAfterPlace(cleaned) is { } cut)
            {
                // "TỈNH ỦY THÁI BÌNH BAN CHỈ ĐẠO …" on one line: the parent and the body.
                bodies.Add(new HeaderBody(cleaned[..cut].TrimEnd(), new TextSpan(span.Start, span.Start + cleaned[..cut].TrimEnd().Length), true));
                bodies.Add(new HeaderBody(cleaned[cut..], new TextSpan(span.Start + cut, span.End), true));
            }
            else if (isBody || bodies.Count == 0)
            {
                bodies.Add(new HeaderBody(cleaned, span, isBody));
            }
            else
            {
                var prev = bodies[^1];
                bodies[^1] = prev with { Text = prev.Text + " " + cleaned, Span = new TextSpan(prev.Span.Start, span.End) };
            }
        }
        return bodies;
    }

    [GeneratedRegex(@"^(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|(?:dang bo|dang uy|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) (?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)) (?<place>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BodyOfAPlace();

    /// <summary>
    /// Where a second body starts on a line that names two, a parent and its body ("ĐẢNG BỘ HUYỆN BÌNH SƠN ĐẢNG ỦY XÃ BÌNH
    /// CHƯƠNG", as a page set in one line prints them): after a body of a place the gazetteer knows, at a word that starts a
    /// body. Null for a line naming one ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "BAN CHỈ ĐẠO … Ở CƠ SỞ").
    /// </summary>
    private int? SplitAfterPlace(string line)
    {
        var words = line.Split(' ');
        var at = words[0].Length + 1;
        for (var k = 1; k < words.Length - 1; k++)
        {
            var rest = BodyNames.Key(string.Join(' ', words[k..])) + " ";
            if (words[k].Length > 0 && BodyStarts.Any(b => rest.StartsWith(b, StringComparison.Ordinal)))
            {
                var before = BodyNames.Key(string.Join(' ', words[..k]));
                if (BodyOfAPlace().Match(before) is { Success: true } m && IsPlace(m.Groups["place"].Value) && !IsPlace(m.Groups["place"].Value + " " + words[k]))
                    return at;
                // "BỘ TÀI CHÍNH CỤC THUẾ": a ministry and its department.
                if (Ministries.Contains(before) && MinistryUnits.Any(u => rest.StartsWith(u, StringComparison.Ordinal))) return at;
            }
            at += words[k].Length + 1;
        }
        return null;
    }

    // Central bodies whose code alone names them (GUIDE §3).
    private static readonly Dictionary<string, string> CentralBodiesByCode = new(StringComparer.Ordinal)
    {
        ["CP"] = "Chính phủ", ["TTG"] = "Thủ tướng Chính phủ", ["VPCP"] = "Văn phòng Chính phủ", ["BNV"] = "Bộ Nội vụ",
        ["BTC"] = "Bộ Tài chính", ["BTP"] = "Bộ Tư pháp", ["BCA"] = "Bộ Công an", ["BQP"] = "Bộ Quốc phòng", ["BNG"] = "Bộ Ngoại giao",
        ["BYT"] = "Bộ Y tế", ["BGDĐT"] = "Bộ Giáo dục và Đào tạo", ["BXD"] = "Bộ Xây dựng", ["BKHCN"] = "Bộ Khoa học và Công nghệ",
        ["BVHTTDL"] = "Bộ Văn hóa, Thể thao và Du lịch", ["BNNMT"] = "Bộ Nông nghiệp và Môi trường", ["BDTTG"] = "Bộ Dân tộc và Tôn giáo",
        ["NHNN"] = "Ngân hàng Nhà nước", ["TTCP"] = "Thanh tra Chính phủ",
    };

    // The ministries of the codes above, Bộ Công Thương, and those merged away in 2025 that older headers still name.
    private static readonly HashSet<string> Ministries = CentralBodiesByCode.Values.Where(n => n.StartsWith("Bộ ", StringComparison.Ordinal))
        .Concat(["Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài nguyên và Môi trường", "Bộ Giao thông vận tải", "Bộ Kế hoạch và Đầu tư",
            "Bộ Lao động - Thương binh và Xã hội", "Bộ Thông tin và Truyền thông"])
        .Select(BodyNames.Key).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] MinistryUnits = ["cuc ", "tong cuc ", "vu ", "van phong ", "thanh tra ", "vien "];

    // "Đồng Hới" stays one place though "Hới" folds to a body's first word.
    private bool IsPlace(string name) => gazetteer.Find(name, AdminEra.ThreeLevel).Count > 0 || gazetteer.Find(name, AdminEra.TwoLevel).Count > 0;

    /// <summary>The body named on its own line between the title and the căn cứ lines ("ỦY BAN THƯỜNG VỤ QUỐC HỘI").</summary>
    private static HeaderBody? BodyUnderTitle(IReadOnlyList<TextLine> lines, int from)
    {
        for (var i = Math.Max(0, from); i < Math.Min(lines.Count, from + 12); i++)
        {
            var t = lines[i].Text.Trim().Trim('*', ' ');
            if (t.StartsWith("Căn cứ", StringComparison.Ordinal)) break;
            var letters = t.Count(char.IsLetter);
            if (letters < 6 || t.Count(char.IsUpper) < letters * 0.9) continue;
            var folded = BodyNames.Key(t) + " ";
            if (!BodyStarts.Any(b => folded.StartsWith(b, StringComparison.Ordinal)) && !folded.StartsWith("cuc truong", StringComparison.Ordinal)) continue;
            var off = lines[i].Text.IndexOf(t, StringComparison.Ordinal);
            return new HeaderBody(t, TextSpan.FromLength(lines[i].Start + Math.Max(0, off), t.Length), true);
        }
        return null;
    }

    private static string? BodyFromCode(DocumentSymbol symbol)
    {
        var code = symbol.IssuerCode.Split('-')[0];
        return code switch
        {
            "UBND" => "Ủy ban nhân dân",
            "HĐND" => "Hội đồng nhân dân",
            "ĐU" => "Đảng ủy",
            "MTTQ" => "Ủy ban Mặt trận Tổ quốc",
            _ => null,
        };
    }


    /// <summary>The central body a symbol's issuer code names: the issuer when the header lost its block.</summary>
    private static string? CentralBodyFromCode(DocumentSymbol symbol) =>
        CentralBodiesByCode.GetValueOrDefault(symbol.IssuerCode.Split('-')[0])
        ?? (symbol.IssuerCode.StartsWith("UBTVQH", StringComparison.Ordinal) ? "Ủy ban Thường vụ Quốc hội"
            : symbol.System == SymbolSystem.Legislative && symbol.IssuerCode.StartsWith("QH", StringComparison.Ordinal) ? "Quốc hội" : null);

    /// <summary>"xã", "huyện" or "tỉnh" for a place name, from the text ("Song Vân là xã …") or a unique gazetteer entry.</summary>
    private string? UnitTypeOf(string placeName, string text, DateOnly? date)
    {
        var m = Regex.Match(text, Regex.Escape(placeName) + @"\s+là\s+(?:một\s+)?(?<u>xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)", RegexOptions.IgnoreCase);
        if (m.Success) return VietnameseSyllable.ToLowerInvariant(m.Groups["u"].Value);
        var era = AdminGazetteer.EraOf(date);
        var found = gazetteer.Find(placeName, era);
        return found.Count == 1 ? found[0].Type.ToLowerInvariant() switch
        {
            "xã" => "xã",
            "phường" => "phường",
            "thị trấn" => "thị trấn",
            "huyện" => "huyện",
            "quận" => "quận",
            "thị xã" => "thị xã",
            "tỉnh" => "tỉnh",
            _ => null,
        } : null;
    }

    private static Found<string>? FromSentence(string text)
    {
        // The closing sentence of a report or plan names its issuer: "Trên đây là Kế hoạch … của Ủy ban nhân dân xã Tân Thạnh".
        var tailStart = Math.Max(0, text.Length - 2500);
        var tail = text[tailStart..];
        var closing = ClosingSentence().Match(tail);
        if (closing.Success)
        {
            var b = BodyInSentence().Match(tail, closing.Index + closing.Length);
            if (b.Success && b.Index <= closing.Index + closing.Length + 1)
                return new Found<string>(Spaces.Collapse(b.Value), TextSpan.FromLength(tailStart + b.Index, b.Length), 0.7, "issuer.closing");
        }
        // A news page: "UBND tỉnh vừa ban hành Công văn …".
        var head = text[..Math.Min(text.Length, 1500)];
        var n = NewsIssuer().Match(head);
        if (n.Success)
        {
            var g = n.Groups["body"];
            return new Found<string>(g.Value, TextSpan.FromLength(g.Index, g.Length), 0.6, "issuer.news");
        }
        return null;
    }

    private (string? Level, string? Province, string? District, string? Commune, string? Code, bool ProvinceInferred) Locate(
        string name, string? parent, string text, DateOnly? date)
    {
        var era = AdminGazetteer.EraOf(date);
        var mentions = UnitMentions(name).Concat(parent is null ? [] : UnitMentions(parent)).ToList();
        var folded = BodyNames.Key(name);
        var parentFolded = parent is null ? "" : BodyNames.Key(parent);
        string? level = null;
        string? communeName = null, districtName = null, provinceName = null;
        foreach (var (unit, placeName) in mentions)
        {
            switch (unit)
            {
                case "xã" or "phường" or "thị trấn" or "đặc khu": communeName ??= placeName; break;
                case "huyện" or "quận" or "thị xã": districtName ??= placeName; break;
                case "tỉnh": provinceName ??= placeName; break;
                case "thành phố":
                    if (gazetteer.Find(placeName, era, 1).Count > 0) provinceName ??= placeName;
                    else districtName ??= placeName;
                    break;
            }
        }
        // "Tỉnh ủy Thái Bình", "Huyện ủy Cô Tô".
        var lb = LevelBody().Match(name + " | " + (parent ?? ""));
        if (lb.Success)
        {
            if (lb.Groups["k"].Value is "Tỉnh ủy" or "Thành ủy" && gazetteer.Find(lb.Groups["n"].Value, era, 1).Count > 0) provinceName ??= lb.Groups["n"].Value;
            else districtName ??= lb.Groups["n"].Value;
        }

        var units = UnitWord().Matches(name).Select(m => m.Value).ToList();
        var ownCommune = units.Any(u => u is "xã" or "phường" or "thị trấn" or "đặc khu");
        var ownDistrict = units.Any(u => u is "huyện" or "quận" or "thị xã") || folded.StartsWith("huyen uy", StringComparison.Ordinal);
        var ownProvince = units.Any(u => u is "tỉnh" or "thành phố") || folded.StartsWith("tinh uy", StringComparison.Ordinal) || folded.StartsWith("thanh uy", StringComparison.Ordinal);
        if (ownCommune) level = "commune";
        else if (ownDistrict) level = "district";
        else if (ownProvince) level = "province";
        else if (CentralBody().IsMatch(folded)) level = "central";
        else if (parent is not null)
        {
            var pm = UnitMentions(parent).ToList();
            if (pm.Any(m => m.Unit is "xã" or "phường" or "thị trấn")) level = "commune";
            else if (pm.Any(m => m.Unit is "huyện" or "quận" or "thị xã") || parentFolded.StartsWith("huyen uy", StringComparison.Ordinal)) level = "district";
            else if (pm.Any(m => m.Unit is "tỉnh" or "thành phố") || parentFolded.StartsWith("tinh uy", StringComparison.Ordinal) || parentFolded.StartsWith("thanh uy", StringComparison.Ordinal)) level = "province";
            else if (CentralParent().IsMatch(parentFolded)) level = "central";
        }
        level ??= "other";

        // Narrow with the places the text itself names ("huyện Tân Yên, tỉnh Bắc Giang").
        AdminUnit? unitFound = null;
        if (communeName is not null)
        {
            unitFound = gazetteer.Locate(communeName, 3, era, null, districtName, provinceName);
            if (unitFound is null)
            {
                // Read only when the name alone does not place the commune.
                var textMentions = UnitMentions(text[..Math.Min(text.Length, 6000)]).ToList();
                var d = textMentions.FirstOrDefault(m => m.Unit is "huyện" or "quận" or "thị xã").Name;
                var p = textMentions.FirstOrDefault(m => m.Unit == "tỉnh").Name;
                unitFound = gazetteer.Locate(communeName, 3, era, null, districtName ?? d, provinceName ?? p);
            }
        }
        else if (districtName is not null)
        {
            unitFound = gazetteer.Locate(districtName, 2, era, null, null, provinceName);
        }
        else if (provinceName is not null)
        {
            unitFound = gazetteer.Locate(provinceName, 1, era, null, null, null);
        }

        string? province = provinceName, district = districtName, commune = communeName, code = null;
        if (unitFound is not null)
        {
            code = unitFound.Code;
            var p = gazetteer.ProvinceOf(unitFound);
            var d = gazetteer.DistrictOf(unitFound);
            province = p is null ? province : AdminGazetteer.StripTypeWord(p.Name);
            district = d is null ? district : AdminGazetteer.StripTypeWord(d.Name);
            if (level == "commune") commune = AdminGazetteer.StripTypeWord(unitFound.Name);
        }
        if (level is "province" or "central" or "other") district = level == "province" ? null : district;
        // Inferred when the text never names the province (names compare in the normalised spelling).
        var provinceInferred = province is not null && provinceName is null
            && !text.Contains(VietnameseNormalizer.Default.Normalize(province).Text, StringComparison.OrdinalIgnoreCase);
        return (level, province, district, commune, code, provinceInferred);
    }

    private static IEnumerable<(string Unit, string Name)> UnitMentions(string s)
    {
        foreach (Match m in UnitMention().Matches(s))
        {
            yield return (VietnameseSyllable.ToLowerInvariant(m.Groups["unit"].Value), m.Groups["name"].Value);
        }
    }
}
