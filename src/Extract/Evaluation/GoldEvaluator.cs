using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Symbols;

namespace DocIntel.Extract.Evaluation;

/// <summary>Field accuracy and citation precision/recall of one field or of all citations.</summary>
public sealed record FieldScore(string Field, int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;
}

/// <summary>One mismatch, for the report.</summary>
public sealed record Mismatch(string DocumentId, int Part, string Field, string? Expected, string? Actual);

public sealed record EvaluationReport(IReadOnlyList<FieldScore> Fields, int CitationTruePositives, int CitationFalsePositives, int CitationFalseNegatives, int Documents, int MissingDocuments, IReadOnlyList<Mismatch> Mismatches)
{
    public double Precision => CitationTruePositives + CitationFalsePositives == 0 ? 1 : (double)CitationTruePositives / (CitationTruePositives + CitationFalsePositives);
    public double Recall => CitationTruePositives + CitationFalseNegatives == 0 ? 1 : (double)CitationTruePositives / (CitationTruePositives + CitationFalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"documents: {Documents} (missing: {MissingDocuments})");
        foreach (var f in Fields) sb.AppendLine(CultureInfo.InvariantCulture, $"{f.Field,-18} {f.Accuracy,6:P1}  ({f.Correct}/{f.Total})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"citations          P {Precision:P1}  R {Recall:P1}  F1 {F1:P1}  (tp {CitationTruePositives}, fp {CitationFalsePositives}, fn {CitationFalseNegatives})");
        return sb.ToString();
    }
}

/// <summary>
/// Compares extraction output with a gold file in the format of shared/seeds/expected.jsonl. Strings compare after
/// normalisation (NFC, one tone placement, collapsed spaces, case-insensitive); symbols after the contract's
/// normalisation; citations match by key (symbol or registry key of a title), "optional" ones count neither way.
/// </summary>
public sealed class GoldEvaluator(LegalRegistry registry)
{
    private static readonly string[] Fields =
        ["doc_type", "number", "issued_date", "place", "issuer.name", "issuer.parent", "issuer.level", "issuer.province", "subject", "signer.name", "signer.position", "signer.authority", "recipients", "task_count"];

    public EvaluationReport Evaluate(IReadOnlyList<JsonObject> gold, IReadOnlyList<JsonObject> actual)
    {
        var counts = Fields.ToDictionary(f => f, _ => (Correct: 0, Total: 0));
        var mismatches = new List<Mismatch>();
        int tp = 0, fp = 0, fn = 0, missing = 0;
        foreach (var g in gold)
        {
            var id = (string)g["id"]!;
            var part = (int?)g["part"] ?? 1;
            var a = actual.FirstOrDefault(x => IdOf(x) == id && ((int?)x["source"]?["part"] ?? 1) == part);
            foreach (var f in Fields)
            {
                if (!HasField(g, f)) continue;
                var expected = Get(g, f);
                var got = a is null ? null : Get(a, f);
                var ok = Same(f, expected, got);
                var c = counts[f];
                counts[f] = (c.Correct + (ok ? 1 : 0), c.Total + 1);
                if (!ok) mismatches.Add(new Mismatch(id, part, f, expected, got));
            }
            if (a is null) { missing++; }
            var (t, p, n, misses) = CompareCitations(g["citations"] as JsonArray, a?["citations"] as JsonArray);
            tp += t; fp += p; fn += n;
            mismatches.AddRange(misses.Select(m => new Mismatch(id, part, "citation", m.Expected, m.Actual)));
        }
        return new EvaluationReport(Fields.Select(f => new FieldScore(f, counts[f].Correct, counts[f].Total)).ToList(), tp, fp, fn, gold.Count, missing, mismatches);
    }

    private static string IdOf(JsonObject actual)
    {
        var path = (string?)actual["source"]?["path"] ?? "";
        return Path.GetFileNameWithoutExtension(path);
    }

    private static bool HasField(JsonObject o, string field)
    {
        var parts = field.Split('.');
        JsonNode? n = o;
        foreach (var p in parts)
        {
            if (n is not JsonObject obj || !obj.ContainsKey(p)) return field == "issuer.province" && o["issuer"] is JsonObject io && io.ContainsKey("province_from_gazetteer");
            n = obj[p];
        }
        return true;
    }

    private static string? Get(JsonObject o, string field)
    {
        if (field == "task_count")
            return o.ContainsKey("task_count") ? o["task_count"]?.ToString() : o["tasks"] is JsonArray tasks ? tasks.Count.ToString(CultureInfo.InvariantCulture) : null;
        if (field == "recipients")
            return o["recipients"] is JsonArray arr ? string.Join(" | ", arr.Select(x => (string?)x)) : null;
        if (field == "issuer.province" && o["issuer"] is JsonObject iss)
            return (string?)iss["province"] ?? (string?)iss["province_from_gazetteer"];
        JsonNode? n = o;
        foreach (var p in field.Split('.'))
        {
            if (n is not JsonObject obj) return null;
            n = obj[p];
        }
        return n?.ToString();
    }

    private static bool Same(string field, string? expected, string? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (field == "number") return DocumentSymbol.Normalize(expected) == DocumentSymbol.Normalize(actual);
        // Task counts agree within one: where one task ends and the next begins is a judgment call.
        if (field == "task_count") return int.TryParse(expected, out var e) && int.TryParse(actual, out var a) && Math.Abs(e - a) <= 1;
        return Canon(expected) == Canon(actual);
    }

    internal static string Canon(string s)
    {
        var n = VietnameseNormalizer.Default.Normalize(s).Text;
        return string.Join(' ', n.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.', ',', ';').ToLowerInvariant();
    }

    private string? KeyOf(JsonObject c)
    {
        if ((string?)c["number"] is { Length: > 0 } n) return DocumentSymbol.Normalize(n);
        if ((string?)c["key"] is { Length: > 0 } k && (string?)c["number"] is null && (string?)c["title"] is null) return k;
        if ((string?)c["title"] is { Length: > 0 } t)
        {
            var entry = registry.FindByAlias(t);
            return entry?.Key ?? CitationFinder.TitleKey(VietnameseNormalizer.Default.Normalize(t).Text);
        }
        return (string?)c["key"];
    }

    private (int Tp, int Fp, int Fn, List<(string? Expected, string? Actual)> Misses) CompareCitations(JsonArray? gold, JsonArray? actual)
    {
        var misses = new List<(string?, string?)>();
        var goldKeys = (gold ?? []).OfType<JsonObject>().Select(c => (Key: KeyOf(c), Optional: (bool?)c["optional"] ?? false)).ToList();
        var actualKeys = (actual ?? []).OfType<JsonObject>()
            .Select(c => (string?)c["number"] is { } n ? DocumentSymbol.Normalize(n) : (string?)c["key"]).Where(k => k is not null).Distinct().ToHashSet();
        int tp = 0, fn = 0;
        foreach (var (key, optional) in goldKeys)
        {
            var found = key is not null && (actualKeys.Contains(key) || actualKeys.Contains(key.Split('@')[0]) || actualKeys.Any(k => k!.Split('@')[0] == key.Split('@')[0]));
            if (found) { if (!optional) tp++; }
            else if (!optional) { fn++; misses.Add((key, null)); }
        }
        var goldSet = goldKeys.Select(g => g.Key?.Split('@')[0]).ToHashSet();
        var fp = 0;
        foreach (var k in actualKeys)
        {
            if (!goldSet.Contains(k!.Split('@')[0])) { fp++; misses.Add((null, k)); }
        }
        return (tp, fp, fn, misses);
    }
}
