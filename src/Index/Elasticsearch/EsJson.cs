using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocIntel.Index.Elasticsearch;

// The shapes Elasticsearch stores and answers, read and written by source-generated serialisers (no reflection on the
// bulk path). Field names are the index mappings' (snake_case); nulls are left out, so a missing value is missing.

/// <summary>A document of the documents index.</summary>
internal sealed class EsDocumentSource
{
    public string Id { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public int Part { get; init; }
    public string Path { get; set; } = "";
    public string DocType { get; init; } = "";
    public string? Number { get; init; }
    public string? SymKey { get; init; }
    public string? IssuedDate { get; init; }
    public string? IssuedYear { get; init; }
    public string? IssuedMonth { get; init; }
    public string? Place { get; init; }
    public string? IssuerName { get; init; }
    public string? IssuerKey { get; init; }
    public string? IssuerParent { get; init; }
    public string? Level { get; init; }
    public string? Province { get; init; }
    public string? ProvinceKey { get; init; }
    public string? District { get; init; }
    public string? Commune { get; init; }
    public string? Subject { get; init; }
    public string? SignerName { get; init; }
    [JsonConverter(typeof(LongTextConverter))] public string? Json { get; init; }
    [JsonConverter(typeof(LongTextConverter))] public string? Text { get; init; }

    /// <summary>What this document cites, as match keys: <c>k:59/2023/NĐ-CP</c>, <c>n:59</c>, <c>ny:59|2023</c>, <c>nt:59|nghi dinh</c>, <c>nyt:…</c>.</summary>
    public IReadOnlyList<string>? Cites { get; init; }

    public int CitationCount { get; init; }
}

/// <summary>The citing document's properties copied onto each of its citation edges.</summary>
internal sealed class EsCiting
{
    public string DocType { get; init; } = "";
    public string? Number { get; init; }
    public string? IssuedDate { get; init; }
    public string? IssuedYear { get; init; }
    public string? IssuedMonth { get; init; }
    public string? IssuerName { get; init; }
    public string? IssuerKey { get; init; }
    public string? Level { get; init; }
    public string? Province { get; init; }
    public string? ProvinceKey { get; init; }
    public string? District { get; init; }
    public string? Commune { get; init; }
}

/// <summary>One citation edge of the citations index.</summary>
internal sealed class EsCitationSource
{
    public string DocId { get; init; } = "";
    public int Seq { get; init; }
    public string Sha256 { get; init; } = "";
    public string Key { get; init; } = "";
    public string BaseKey { get; init; } = "";
    public string? Number { get; init; }
    public string? Num { get; init; }
    public int? Year { get; init; }
    public string? Type { get; init; }
    public string? TypeFolded { get; init; }
    public string? Title { get; init; }
    public string Relation { get; init; } = "";
    public string? CitedDate { get; init; }
    public string? CitedIssuer { get; init; }
    public EsCiting Citing { get; init; } = new();
}

/// <summary>The ledger's line for one content (by SHA-256).</summary>
internal sealed class EsFileSource
{
    public string Sha256 { get; init; } = "";
    public string Path { get; set; } = "";
    public long Size { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
    public int Documents { get; init; }
    public double? ReadMs { get; init; }
    public double? PipelineMs { get; init; }
    public int? Pages { get; init; }
    public int? OcrPages { get; init; }
    public string? UpdatedAt { get; init; }

    /// <summary>Set when a path left this content: the sweep checks whether any path still holds it.</summary>
    public bool CheckOrphan { get; set; }
}

/// <summary>One path the ledger remembers and the content it holds.</summary>
internal sealed class EsPathSource
{
    public string Path { get; init; } = "";
    public string Sha256 { get; init; } = "";
}

internal sealed class EsError
{
    public string? Type { get; init; }
    public string? Reason { get; init; }
    public EsError? CausedBy { get; init; }

    public override string ToString() => CausedBy is { } c && c.Reason is not null && c.Reason != Reason
        ? $"{Type}: {Reason} ({c.Type}: {c.Reason})"
        : $"{Type}: {Reason}";
}

internal sealed class EsErrorBody
{
    /// <summary>An object in every current version; a plain string in some proxies' and very old answers.</summary>
    public JsonElement Error { get; init; }
    public int Status { get; init; }
}

internal sealed class BulkItemResult
{
    [JsonPropertyName("_index")] public string? Index { get; init; }
    [JsonPropertyName("_id")] public string? Id { get; init; }
    public int Status { get; init; }
    public EsError? Error { get; init; }
}

internal sealed class BulkResponse
{
    public long Took { get; init; }
    public bool Errors { get; init; }
    public List<Dictionary<string, BulkItemResult>> Items { get; init; } = [];
}

internal sealed class SearchHitJson
{
    [JsonPropertyName("_id")] public string Id { get; init; } = "";
    [JsonPropertyName("_score")] public double? Score { get; init; }
    [JsonPropertyName("_source")] public JsonElement Source { get; init; }
    public JsonElement Sort { get; init; }
}

internal sealed class TotalHits
{
    public long Value { get; init; }
}

internal sealed class HitsJson
{
    public TotalHits? Total { get; init; }
    public List<SearchHitJson> Hits { get; init; } = [];
}

internal sealed class SearchResponse
{
    public HitsJson Hits { get; init; } = new();
    public JsonElement Aggregations { get; init; }
    public string? PitId { get; init; }
    public bool TimedOut { get; init; }
}

internal sealed class MgetDoc
{
    [JsonPropertyName("_id")] public string Id { get; init; } = "";
    public bool Found { get; init; }
    [JsonPropertyName("_source")] public JsonElement Source { get; init; }
    public EsError? Error { get; init; }
}

internal sealed class MgetResponse
{
    public List<MgetDoc> Docs { get; init; } = [];
}

internal sealed class CountResponse
{
    public long Count { get; init; }
}

internal sealed class PitResponse
{
    public string Id { get; init; } = "";
}

internal sealed class DeleteByQueryResponse
{
    public long Deleted { get; init; }
    public List<JsonElement> Failures { get; init; } = [];
}

internal sealed class InfoVersion
{
    public string? Number { get; init; }
    public string? BuildFlavor { get; init; }
    public string? LuceneVersion { get; init; }
}

internal sealed class InfoResponse
{
    public string? Name { get; init; }
    public string? ClusterName { get; init; }
    public InfoVersion? Version { get; init; }
    public string? Tagline { get; init; }
}

internal sealed class HealthResponse
{
    public string? ClusterName { get; init; }
    public string? Status { get; init; }
    public int NumberOfNodes { get; init; }
    public int ActiveShards { get; init; }
    public int UnassignedShards { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EsDocumentSource))]
[JsonSerializable(typeof(EsCitationSource))]
[JsonSerializable(typeof(EsFileSource))]
[JsonSerializable(typeof(EsPathSource))]
[JsonSerializable(typeof(EsErrorBody))]
[JsonSerializable(typeof(BulkResponse))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(MgetResponse))]
[JsonSerializable(typeof(CountResponse))]
[JsonSerializable(typeof(PitResponse))]
[JsonSerializable(typeof(DeleteByQueryResponse))]
[JsonSerializable(typeof(InfoResponse))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class EsJson : JsonSerializerContext;
