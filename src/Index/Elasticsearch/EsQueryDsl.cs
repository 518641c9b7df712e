using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;

namespace DocIntel.Index.Elasticsearch;

/// <summary>The Query DSL pieces the store's questions are made of (the same conditions as the embedded store's SQL).</summary>
internal static class EsQueryDsl
{
    public static byte[] Bytes(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, BulkRequestWriter.WriterOptions)) node.WriteTo(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Term(string field, int value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Term(string field, bool value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Terms(string field, IEnumerable<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray([.. values.Select(v => (JsonNode)v)]) } };

    public static JsonObject MatchNone() => new() { ["match_none"] = new JsonObject() };

    public static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    public static JsonObject Bool(IEnumerable<JsonNode>? must = null, IEnumerable<JsonNode>? filter = null, IEnumerable<JsonNode>? mustNot = null)
    {
        var b = new JsonObject();
        if (must?.ToList() is { Count: > 0 } m) b["must"] = new JsonArray([.. m]);
        if (filter?.ToList() is { Count: > 0 } f) b["filter"] = new JsonArray([.. f]);
        if (mustNot?.ToList() is { Count: > 0 } n) b["must_not"] = new JsonArray([.. n]);
        return new JsonObject { ["bool"] = b };
    }

    public static JsonObject DateRange(string field, DateOnly? from, DateOnly? to)
    {
        var r = new JsonObject();
        if (from is { } f) r["gte"] = Iso(f);
        if (to is { } t) r["lte"] = Iso(t);
        return new JsonObject { ["range"] = new JsonObject { [field] = r } };
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Substring of a keyword, as the embedded store's <c>instr(issuer_key, …) &gt; 0</c>; wildcard characters in the input are escaped.</summary>
    public static JsonObject Contains(string field, string value)
    {
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
        return new JsonObject { ["wildcard"] = new JsonObject { [field] = new JsonObject { ["value"] = "*" + escaped + "*" } } };
    }

    /// <summary>Query tokens exactly as the embedded store makes them (fold, then runs of letters and digits).</summary>
    public static List<string> Tokens(string text) => SqliteQueries.Tokens(SearchFolding.Fold(text));

    /// <summary>The filters of a search (not its text).</summary>
    public static List<JsonNode> DocumentFilters(SearchQuery q)
    {
        var f = new List<JsonNode>();
        if (q.DocType is not null) f.Add(Term("doc_type", q.DocType));
        if (q.Level is not null) f.Add(Term("level", q.Level));
        if (q.Province is not null) f.Add(Term("province_key", IndexedDocument.KeyOf(q.Province)!));
        if (q.Issuer is not null) f.Add(Contains("issuer_key", IndexedDocument.KeyOf(q.Issuer)!));
        if (q.From is not null || q.To is not null) f.Add(DateRange("issued_date", q.From, q.To));
        if (q.Cites is { } cited) f.Add(CitesKey(cited) is { } key ? Term("cites", key) : MatchNone());
        return f;
    }

    /// <summary>The whole query of a search: every token must occur (folded), the exact phrase when asked, and the filters.</summary>
    public static JsonObject SearchQueryOf(SearchQuery q)
    {
        var terms = Tokens(q.Text);
        var must = new List<JsonNode>();
        if (terms.Count > 0) must.Add(new JsonObject { ["match"] = new JsonObject { ["text"] = new JsonObject { ["query"] = string.Join(' ', terms), ["operator"] = "and" } } });
        if (q.Exact && q.Text.Trim().Length > 0)
            must.Add(new JsonObject { ["match_phrase"] = new JsonObject { ["text.exact"] = SqliteQueries.ExactPhrase(q.Text) } });
        var filters = DocumentFilters(q);
        return must.Count == 0 && filters.Count == 0 ? MatchAll() : Bool(must, filters);
    }

    /// <summary>The match keys a document's citations contribute to its <c>cites</c> field.</summary>
    public static IEnumerable<string> CitesKeys(IndexedCitation c)
    {
        yield return "k:" + c.BaseKey;
        if (c.Num is not { } num) yield break;
        yield return "n:" + num;
        var y = c.Year?.ToString(CultureInfo.InvariantCulture);
        if (y is not null) yield return $"ny:{num}|{y}";
        if (c.TypeFolded is { } t)
        {
            yield return $"nt:{num}|{t}";
            if (y is not null) yield return $"nyt:{num}|{y}|{t}";
        }
    }

    /// <summary>The one match key a citation query asks for; null when it names nothing.</summary>
    public static string? CitesKey(CitationQuery q)
    {
        if (q.Key is not null) return "k:" + IndexedDocument.BaseKeyOf(q.Key);
        if (q.Number is null) return null;
        var y = q.Year?.ToString(CultureInfo.InvariantCulture);
        var t = q.TypeName is null ? null : SearchFolding.Fold(q.TypeName);
        return (y, t) switch
        {
            (null, null) => "n:" + q.Number,
            (not null, null) => $"ny:{q.Number}|{y}",
            (null, not null) => $"nt:{q.Number}|{t}",
            _ => $"nyt:{q.Number}|{y}|{t}",
        };
    }

    /// <summary>"The edge points at the queried document"; null when the query names nothing.</summary>
    public static List<JsonNode>? CitedCondition(CitationQuery q)
    {
        if (q.Key is not null) return [Term("base_key", IndexedDocument.BaseKeyOf(q.Key))];
        if (q.Number is null) return null;
        var f = new List<JsonNode> { Term("num", q.Number) };
        if (q.Year is { } y) f.Add(Term("year", y));
        if (q.TypeName is { } t) f.Add(Term("type_folded", SearchFolding.Fold(t)));
        return f;
    }

    public static IEnumerable<JsonNode> CitingFilter(CitingFilter f)
    {
        if (f.Level is not null) yield return Term("citing.level", f.Level);
        if (f.Province is not null) yield return Term("citing.province_key", IndexedDocument.KeyOf(f.Province)!);
        if (f.From is not null || f.To is not null) yield return DateRange("citing.issued_date", f.From, f.To);
        if (f.Relation is not null) yield return Term("relation", f.Relation);
    }

    public static string Field(DocumentField f) => f switch
    {
        DocumentField.DocType => "doc_type",
        DocumentField.Level => "level",
        DocumentField.Province => "province",
        DocumentField.Issuer => "issuer_name",
        DocumentField.Year => "issued_year",
        DocumentField.Month => "issued_month",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, null),
    };

    public static string Field(CitationField f) => f switch
    {
        CitationField.CitedKey => "base_key",
        CitationField.Relation => "relation",
        CitationField.Level => "citing.level",
        CitationField.Province => "citing.province",
        CitationField.Issuer => "citing.issuer_name",
        CitationField.Commune => "citing.commune",
        CitationField.Year => "citing.issued_year",
        CitationField.Month => "citing.issued_month",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, null),
    };

    public static JsonArray Sort(params (string Field, string Order, string? Missing)[] keys) => new([.. keys.Select(k =>
    {
        var spec = new JsonObject { ["order"] = k.Order };
        if (k.Missing is not null) spec["missing"] = k.Missing;
        return (JsonNode)new JsonObject { [k.Field] = spec };
    })]);

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
