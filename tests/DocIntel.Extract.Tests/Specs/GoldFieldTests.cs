using System.Text.Json.Nodes;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;

namespace DocIntel.Extract.Tests.Specs;

/// <summary>
/// Header and signer fields of every text document in the seeds and the dev set, one case per document and field,
/// against the hand-checked gold files. (The PDFs are measured by <c>docintel eval</c>: their text comes from the readers.)
/// </summary>
public sealed class GoldFieldTests
{
    private static readonly DocumentExtractor Extractor = new(TestReference.Value, ExtractionOptions.Default);
    private static readonly string[] Fields = ["doc_type", "number", "issued_date", "place", "issuer.name", "issuer.level", "signer.name", "signer.position", "signer.authority"];
    private static readonly Dictionary<string, IReadOnlyList<JsonObject>> Cache = [];
    private static readonly Lock Gate = new();

    public static TheoryData<string, int, string, string?> Cases()
    {
        var data = new TheoryData<string, int, string, string?>();
        foreach (var set in new[] { "seeds", "dev" })
        {
            foreach (var line in File.ReadLines(RepoPaths.TestData(set, "expected.jsonl")).Where(l => l.Length > 0))
            {
                var g = JsonNode.Parse(line)!.AsObject();
                var id = (string)g["id"]!;
                if (!File.Exists(RepoPaths.TestData(set, id + ".txt"))) continue;
                foreach (var f in Fields)
                {
                    if (Get(g, f, out var value)) data.Add($"{set}/{id}", (int?)g["part"] ?? 1, f, value);
                }
            }
        }
        return data;
    }

    private static bool Get(JsonObject o, string field, out string? value)
    {
        value = null;
        JsonNode? n = o;
        foreach (var p in field.Split('.'))
        {
            if (n is null) return field.StartsWith("signer.", StringComparison.Ordinal) && o.ContainsKey("signer");
            if (n is not JsonObject obj || !obj.ContainsKey(p)) return false;
            n = obj[p];
        }
        value = n?.ToString();
        return true;
    }

    private static IReadOnlyList<JsonObject> Extract(string setAndId)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(setAndId, out var cached)) return cached;
            var parts = setAndId.Split('/');
            var path = RepoPaths.TestData(parts[0], parts[1] + ".txt");
            var n = VietnameseNormalizer.Default.Normalize(File.ReadAllText(path));
            var docs = Extractor.Extract(n)
                .Select(a => ExtractJson.ToJson(new ExtractedDocument(new SourceInfo(path, new string('0', 64), a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), n.Text)))
                .ToList();
            Cache[setAndId] = docs;
            return docs;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExtractsTheGoldValue(string document, int part, string field, string? expected)
    {
        var doc = Extract(document).First(d => (int)d["source"]!["part"]! == part);
        Get(doc, field, out var actual);
        if (field == "number" && expected is not null && actual is not null)
            Assert.Equal(global::DocIntel.Extract.Symbols.DocumentSymbol.Normalize(expected), global::DocIntel.Extract.Symbols.DocumentSymbol.Normalize(actual));
        else
            Assert.Equal(Canon(expected), Canon(actual));
    }

    private static string? Canon(string? s) => s is null ? null : string.Join(' ', VietnameseNormalizer.Default.Normalize(s).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
