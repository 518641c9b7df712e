using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocIntel.Extract.Normalization;

namespace DocIntel.Index.Elasticsearch;

/// <summary>The four kinds of index DocIntel keeps, each a versioned index behind an alias.</summary>
public enum EsIndexKind
{
    Documents,
    Citations,
    Files,
    Paths,
}

/// <summary>
/// Index names, templates and analysis (see docs/elasticsearch.md for the reasons). Each kind has a composable index
/// template matching <c>{prefix}-{kind}-v*</c>; the live index is <c>{prefix}-{kind}-vN</c> behind the alias
/// <c>{prefix}-{kind}</c>, so a reindex builds <c>vN+1</c> and swaps the alias in one atomic call.
/// </summary>
public sealed class EsIndexDesign(string prefix)
{
    /// <summary>Bumped when a mapping changes; recorded in each template's <c>_meta</c> and <c>version</c>.</summary>
    public const int SchemaVersion = 1;

    public string Prefix { get; } = prefix;

    public static IReadOnlyList<EsIndexKind> Kinds { get; } = [EsIndexKind.Documents, EsIndexKind.Citations, EsIndexKind.Files, EsIndexKind.Paths];

    public string Alias(EsIndexKind kind) => $"{Prefix}-{kind.ToString().ToLowerInvariant()}";

    public string Template(EsIndexKind kind) => Alias(kind);

    public string IndexName(EsIndexKind kind, int generation) => $"{Alias(kind)}-v{generation.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The generation of an index name of ours, or null.</summary>
    public int? GenerationOf(EsIndexKind kind, string index) =>
        index.StartsWith(Alias(kind) + "-v", StringComparison.Ordinal)
        && int.TryParse(index.AsSpan(Alias(kind).Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;

    public string Documents => Alias(EsIndexKind.Documents);
    public string Citations => Alias(EsIndexKind.Citations);
    public string Files => Alias(EsIndexKind.Files);
    public string Paths => Alias(EsIndexKind.Paths);

    /// <summary>The body of <c>PUT _index_template/{name}</c>.</summary>
    public JsonObject TemplateBody(EsIndexKind kind)
    {
        var settings = new JsonObject
        {
            ["number_of_shards"] = 1,
            // One node: no replica (a yellow cluster forever); more nodes: one replica.
            ["auto_expand_replicas"] = "0-1",
        };
        if (kind is EsIndexKind.Documents or EsIndexKind.Citations) settings["analysis"] = Analysis();
        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(Alias(kind) + "-v*"),
            ["priority"] = 200,
            ["version"] = SchemaVersion,
            ["_meta"] = new JsonObject { ["managed_by"] = "docintel", ["schema"] = SchemaVersion, ["description"] = Describe(kind) },
            ["template"] = new JsonObject
            {
                ["settings"] = settings,
                ["mappings"] = new JsonObject
                {
                    ["dynamic"] = "strict",
                    ["_meta"] = new JsonObject { ["schema"] = SchemaVersion },
                    ["properties"] = Properties(kind),
                },
            },
        };
    }

    private static string Describe(EsIndexKind kind) => kind switch
    {
        EsIndexKind.Documents => "one document per extracted document (a file part): keyword facts, dates, folded full text, contract JSON",
        EsIndexKind.Citations => "one document per citation edge, with the citing document's type, issuer, level, places and date copied on",
        EsIndexKind.Files => "the bulk loader's ledger: one document per content (SHA-256) with its status",
        _ => "every path the ledger remembers and the content it holds",
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Date() => new() { ["type"] = "date", ["format"] = "strict_date" };

    private static JsonObject Of(string type) => new() { ["type"] = type };

    /// <summary>Names and issuers: exact keyword, plus a folded text sub-field for Kibana searches.</summary>
    private static JsonObject NameKeyword() => new()
    {
        ["type"] = "keyword",
        ["fields"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = FoldedAnalyzer } },
    };

    private static JsonObject Properties(EsIndexKind kind) => kind switch
    {
        EsIndexKind.Documents => new JsonObject
        {
            ["id"] = Keyword(), ["sha256"] = Keyword(), ["part"] = Of("integer"), ["path"] = Keyword(), ["doc_type"] = Keyword(),
            ["number"] = Keyword(), ["sym_key"] = Keyword(), ["issued_date"] = Date(), ["issued_year"] = Keyword(), ["issued_month"] = Keyword(),
            ["place"] = Keyword(), ["issuer_name"] = NameKeyword(), ["issuer_key"] = Keyword(), ["issuer_parent"] = Keyword(), ["level"] = Keyword(),
            ["province"] = Keyword(), ["province_key"] = Keyword(), ["district"] = Keyword(), ["commune"] = Keyword(),
            ["subject"] = new JsonObject
            {
                ["type"] = "text", ["analyzer"] = FoldedAnalyzer,
                ["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 1024 } },
            },
            ["signer_name"] = Keyword(),
            // Kept for `show`, never searched: no index, no doc values.
            ["json"] = new JsonObject { ["type"] = "text", ["index"] = false },
            ["text"] = new JsonObject
            {
                ["type"] = "text", ["analyzer"] = FoldedAnalyzer,
                ["fields"] = new JsonObject { ["exact"] = new JsonObject { ["type"] = "text", ["analyzer"] = ExactAnalyzer } },
            },
            ["cites"] = Keyword(),
            ["citation_count"] = Of("integer"),
        },
        EsIndexKind.Citations => new JsonObject
        {
            ["doc_id"] = Keyword(), ["seq"] = Of("integer"), ["sha256"] = Keyword(), ["key"] = Keyword(), ["base_key"] = Keyword(),
            ["number"] = Keyword(), ["num"] = Keyword(), ["year"] = Of("integer"), ["type"] = Keyword(), ["type_folded"] = Keyword(),
            ["title"] = new JsonObject
            {
                ["type"] = "keyword", ["ignore_above"] = 2048,
                ["fields"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = FoldedAnalyzer } },
            },
            ["relation"] = Keyword(), ["cited_date"] = Date(), ["cited_issuer"] = Keyword(),
            ["citing"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["doc_type"] = Keyword(), ["number"] = Keyword(), ["issued_date"] = Date(), ["issued_year"] = Keyword(), ["issued_month"] = Keyword(),
                    ["issuer_name"] = NameKeyword(), ["issuer_key"] = Keyword(), ["level"] = Keyword(), ["province"] = Keyword(),
                    ["province_key"] = Keyword(), ["district"] = Keyword(), ["commune"] = Keyword(),
                },
            },
        },
        EsIndexKind.Files => new JsonObject
        {
            ["sha256"] = Keyword(), ["path"] = Keyword(), ["size"] = Of("long"), ["status"] = Keyword(),
            ["reason"] = new JsonObject { ["type"] = "text", ["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 512 } } },
            ["documents"] = Of("integer"), ["read_ms"] = Of("double"), ["pipeline_ms"] = Of("double"), ["pages"] = Of("integer"),
            ["ocr_pages"] = Of("integer"), ["updated_at"] = new JsonObject { ["type"] = "date" }, ["check_orphan"] = Of("boolean"),
        },
        _ => new JsonObject { ["path"] = Keyword(), ["sha256"] = Keyword() },
    };

    public const string FoldedAnalyzer = "docintel_folded";
    public const string ExactAnalyzer = "docintel_exact";

    /// <summary>
    /// Tokens are runs of letters and decimal digits (as the embedded store's query tokens); the folded analyzer maps
    /// every character the way <see cref="SearchFolding"/> does (a mapping char filter generated from it: đ → d, ế → e,
    /// combining marks dropped) and lower-cases. asciifolding is not used: it is not SearchFolding (æ → ae, ø → o).
    /// </summary>
    public static JsonObject Analysis() => new()
    {
        ["char_filter"] = new JsonObject
        {
            ["docintel_fold"] = new JsonObject { ["type"] = "mapping", ["mappings"] = new JsonArray([.. FoldingRules().Select(r => (JsonNode)r)]) },
        },
        ["tokenizer"] = new JsonObject
        {
            ["docintel_words"] = new JsonObject { ["type"] = "pattern", ["pattern"] = TokenSeparator },
        },
        ["analyzer"] = new JsonObject
        {
            [FoldedAnalyzer] = new JsonObject { ["type"] = "custom", ["char_filter"] = new JsonArray("docintel_fold"), ["tokenizer"] = "docintel_words", ["filter"] = new JsonArray("lowercase") },
            [ExactAnalyzer] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "docintel_words", ["filter"] = new JsonArray("lowercase") },
        },
    };

    /// <summary>What separates tokens (Java regex syntax, which this pattern shares with .NET's).</summary>
    public const string TokenSeparator = "[^\\p{L}\\p{Nd}]+";

    /// <summary>
    /// The folding as mapping rules, <c>\uXXXX => \uYYYY</c> (empty right side: dropped). Covers Latin, the combining
    /// marks, Greek and Cyrillic and the Vietnamese block (U+0080–U+04FF, U+1E00–U+1EFF): every letter Vietnamese text
    /// uses. Characters whose folding is only lower-casing are left to the lowercase filter.
    /// </summary>
    public static IReadOnlyList<string> FoldingRules()
    {
        var rules = new List<string>();
        foreach (var (from, to) in new[] { (0x80, 0x4FF), (0x1E00, 0x1EFF) })
        {
            for (var c = from; c <= to; c++)
            {
                var ch = (char)c;
                var folded = SearchFolding.FoldOne(ch);
                if (folded == char.ToLowerInvariant(ch)) continue;
                rules.Add(folded == '\0' ? $"{Escape(ch)} => " : $"{Escape(ch)} => {Escape(folded)}");
            }
        }
        return rules;
    }

    private static string Escape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>The analyzer's output for a text, computed here the way Elasticsearch computes it (for tests and checks).</summary>
    public static IReadOnlyList<string> AnalyzeFolded(string text)
    {
        var map = FoldingMap.Value;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (map.TryGetValue(c, out var to)) sb.Append(to);
            else sb.Append(c);
        }
        return System.Text.RegularExpressions.Regex.Split(sb.ToString(), TokenSeparator)
            .Where(t => t.Length > 0).Select(t => t.ToLowerInvariant()).ToList();
    }

    private static readonly Lazy<Dictionary<char, string>> FoldingMap = new(() => FoldingRules().ToDictionary(
        r => Unescape(r[..6])[0], r => Unescape(r[10..])));

    internal static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 5 < s.Length + 0 && s[i + 1] == 'u')
            {
                sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (s[i] != ' ') sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
