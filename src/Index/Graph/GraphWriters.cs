using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace DocIntel.Index.Graph;

/// <summary>A citation graph as JSON (nodes + edges), GraphML (Gephi, yEd, Cytoscape) or Graphviz DOT.</summary>
public static class GraphWriters
{
    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Write(CitationGraph graph, string format) => format switch
    {
        "json" => Json(graph),
        "graphml" => GraphMl(graph),
        "dot" => Dot(graph),
        _ => throw new ArgumentException($"unknown graph format '{format}' (json, graphml, dot)", nameof(format)),
    };

    public static string Json(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var o = new JsonObject
        {
            ["root"] = graph.Root,
            ["truncated"] = graph.Truncated,
            ["nodes"] = new JsonArray(graph.Nodes.Select(n => (JsonNode?)new JsonObject
            {
                ["id"] = n.Id,
                ["kind"] = n.Kind,
                ["label"] = n.Label,
                ["number"] = n.Document?.Number,
                ["doc_type"] = n.Document?.DocType,
                ["issued_date"] = n.Document?.IssuedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["issuer"] = n.Document?.IssuerName,
                ["level"] = n.Document?.Level,
                ["province"] = n.Document?.Province,
            }).ToArray()),
            ["edges"] = new JsonArray(graph.Edges.Select(e => (JsonNode?)new JsonObject { ["from"] = e.From, ["to"] = e.To, ["relation"] = e.Relation }).ToArray()),
        };
        return o.ToJsonString(Pretty);
    }

    public static string GraphMl(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://graphml.graphdrawing.org/xmlns";
            w.WriteStartElement("graphml", ns);
            foreach (var (id, target, name) in new[] { ("label", "node", "label"), ("kind", "node", "kind"), ("level", "node", "level"), ("province", "node", "province"), ("relation", "edge", "relation") })
            {
                w.WriteStartElement("key", ns);
                w.WriteAttributeString("id", id);
                w.WriteAttributeString("for", target);
                w.WriteAttributeString("attr.name", name);
                w.WriteAttributeString("attr.type", "string");
                w.WriteEndElement();
            }
            w.WriteStartElement("graph", ns);
            w.WriteAttributeString("id", "citations");
            w.WriteAttributeString("edgedefault", "directed");
            foreach (var n in graph.Nodes)
            {
                w.WriteStartElement("node", ns);
                w.WriteAttributeString("id", n.Id);
                Data(w, ns, "label", n.Label);
                Data(w, ns, "kind", n.Kind);
                Data(w, ns, "level", n.Document?.Level);
                Data(w, ns, "province", n.Document?.Province);
                w.WriteEndElement();
            }
            var i = 0;
            foreach (var e in graph.Edges)
            {
                w.WriteStartElement("edge", ns);
                w.WriteAttributeString("id", "e" + (i++).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("source", e.From);
                w.WriteAttributeString("target", e.To);
                Data(w, ns, "relation", e.Relation);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Data(XmlWriter w, string ns, string key, string? value)
    {
        if (value is null) return;
        w.WriteStartElement("data", ns);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }

    public static string Dot(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder("digraph citations {\n  rankdir=LR;\n  node [fontname=\"DejaVu Sans\"];\n");
        foreach (var n in graph.Nodes)
            sb.Append(CultureInfo.InvariantCulture, $"  {Q(n.Id)} [label={Q(n.Label)}, shape={(n.Kind == GraphNode.DocumentKind ? "box" : "ellipse")}{(n.Id == graph.Root ? ", style=bold" : "")}];\n");
        foreach (var e in graph.Edges)
            sb.Append(CultureInfo.InvariantCulture, $"  {Q(e.From)} -> {Q(e.To)} [label={Q(e.Relation)}{(e.Relation == "basis" ? ", style=bold" : e.Relation == "mentions" ? ", style=dashed" : "")}];\n");
        return sb.Append("}\n").ToString();
    }

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
