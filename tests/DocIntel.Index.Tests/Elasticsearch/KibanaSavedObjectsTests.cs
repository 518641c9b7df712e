using System.Text.Json;
using System.Text.Json.Nodes;
using DocIntel.Index.Elasticsearch;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>deploy/kibana/docintel.ndjson: importable lines whose every field exists in our index templates.</summary>
public sealed class KibanaSavedObjectsTests
{
    private static List<JsonObject> Objects() => File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "kibana", "docintel.ndjson"))
        .Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>Every field path a template maps (sub-fields as parent.sub).</summary>
    private static HashSet<string> Fields(EsIndexKind kind)
    {
        var set = new HashSet<string>();
        void Walk(JsonObject props, string prefix)
        {
            foreach (var (name, node) in props)
            {
                set.Add(prefix + name);
                if (node!["properties"] is JsonObject inner) Walk(inner, prefix + name + ".");
                if (node["fields"] is JsonObject subs) foreach (var (sub, _) in subs) set.Add(prefix + name + "." + sub);
            }
        }
        Walk(new EsIndexDesign("docintel").TemplateBody(kind)["template"]!["mappings"]!["properties"]!.AsObject(), "");
        return set;
    }

    [Fact]
    public void DataViewsNameOurAliasesAndTheirTimeFieldsAreDates()
    {
        var views = Objects().Where(o => o["type"]!.GetValue<string>() == "index-pattern").ToList();
        Assert.Equal(["docintel-citations", "docintel-documents", "docintel-files"], views.Select(v => v["attributes"]!["title"]!.GetValue<string>()).Order());
        var kinds = new Dictionary<string, EsIndexKind> { ["docintel-citations"] = EsIndexKind.Citations, ["docintel-documents"] = EsIndexKind.Documents, ["docintel-files"] = EsIndexKind.Files };
        foreach (var v in views)
        {
            var kind = kinds[v["attributes"]!["title"]!.GetValue<string>()];
            var time = v["attributes"]!["timeFieldName"]!.GetValue<string>();
            Assert.Contains(time, Fields(kind));
        }
    }

    [Fact]
    public void EveryVisualisationAggregatesFieldsTheTemplatesMap()
    {
        var kinds = new Dictionary<string, EsIndexKind> { ["docintel-citations"] = EsIndexKind.Citations, ["docintel-documents"] = EsIndexKind.Documents, ["docintel-files"] = EsIndexKind.Files };
        var visualisations = Objects().Where(o => o["type"]!.GetValue<string>() == "visualization").ToList();
        Assert.True(visualisations.Count >= 4);
        foreach (var v in visualisations)
        {
            var index = v["references"]!.AsArray().Single()!["id"]!.GetValue<string>();
            var fields = Fields(kinds[index]);
            var state = JsonNode.Parse(v["attributes"]!["visState"]!.GetValue<string>())!;
            foreach (var agg in state["aggs"]!.AsArray())
            {
                if (agg!["params"]!["field"] is { } field) Assert.Contains(field.GetValue<string>(), fields);
            }
            JsonDocument.Parse(v["attributes"]!["kibanaSavedObjectMeta"]!["searchSourceJSON"]!.GetValue<string>()).Dispose();
        }
    }

    [Fact]
    public void TheDashboardReferencesEveryPanelItShows()
    {
        var objects = Objects();
        var dashboard = Assert.Single(objects, o => o["type"]!.GetValue<string>() == "dashboard");
        var panels = JsonNode.Parse(dashboard["attributes"]!["panelsJSON"]!.GetValue<string>())!.AsArray();
        var refs = dashboard["references"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["id"]!.GetValue<string>());
        var ids = objects.Select(o => o["id"]!.GetValue<string>()).ToHashSet();
        foreach (var p in panels) Assert.Contains(refs[p!["panelRefName"]!.GetValue<string>()], ids);
        Assert.Contains("docintel-most-cited", refs.Values);
        Assert.Contains("docintel-citations-by-province-level", refs.Values);
        Assert.Contains("docintel-citations-by-month", refs.Values);
    }
}
