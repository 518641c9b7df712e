using DocIntel.Extract.Citations;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;

namespace DocIntel.Index.Graph;

/// <summary>
/// Walks the citation graph breadth-first from a document id or any spelling of a cited document. Citations that resolve
/// to a stored document (<see cref="CitationResolver"/>) link archive documents to each other; the rest point at
/// external nodes (laws, decrees, documents not in the archive).
/// </summary>
internal sealed class CitationGraphBuilder(IDocumentStore store, ArchiveQueries queries)
{
    private readonly CitationResolver _resolver = new(store);
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<GraphEdge> _edges = [];

    public async Task<CitationGraph> BuildAsync(string keyOrId, GraphDirection direction, int depth, int maxNodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keyOrId);
        var root = await RootAsync(keyOrId, ct).ConfigureAwait(false);
        if (root is null) return new CitationGraph(keyOrId, [], [], false);
        _nodes[root.Id] = root;
        var frontier = new List<GraphNode> { root };
        var truncated = false;
        for (var level = 0; level < depth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<GraphNode>();
            foreach (var node in frontier)
            {
                if (direction is GraphDirection.Out or GraphDirection.Both) await OutAsync(node, next, ct).ConfigureAwait(false);
                if (direction is GraphDirection.In or GraphDirection.Both) await InAsync(node, next, ct).ConfigureAwait(false);
                if (_nodes.Count >= maxNodes) { truncated = true; break; }
            }
            frontier = next;
        }
        var nodes = _nodes.Values.OrderBy(n => n.Id == root.Id ? 0 : 1).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var edges = _edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Relation, StringComparer.Ordinal).ToList();
        return new CitationGraph(root.Id, nodes, edges, truncated);
    }

    private async Task<GraphNode?> RootAsync(string keyOrId, CancellationToken ct)
    {
        if (await store.GetDocumentAsync(keyOrId, ct).ConfigureAwait(false) is { } doc) return DocNode(doc.Summary);
        var q = queries.Parse(keyOrId);
        if (q.Key is null && q.Number is null) return null;
        // A symbol that only one stored document bears is that document.
        if (q.Key is not null && DocumentSymbol.TryParse(q.Key, out _))
        {
            var bearers = await store.FindBySymbolAsync(q.Key, ct).ConfigureAwait(false);
            if (bearers.Count == 1) return DocNode(bearers[0]);
        }
        var key = q.Key ?? (await store.FindCitingAsync(q, CitingFilter.None, ct).ConfigureAwait(false)).FirstOrDefault()?.Key;
        return key is null ? null : new GraphNode("ext:" + key.Split('@')[0], GraphNode.ExternalKind, queries.LabelOf(q with { Key = key }), null);
    }

    private static GraphNode DocNode(DocumentSummary d) =>
        new(d.Id, GraphNode.DocumentKind, $"{d.Number ?? d.DocType} ({d.IssuerName ?? "?"}, {d.IssuedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"})", d);

    private void Add(GraphNode node, List<GraphNode> next)
    {
        if (_nodes.TryAdd(node.Id, node)) next.Add(node);
    }

    private async Task OutAsync(GraphNode node, List<GraphNode> next, CancellationToken ct)
    {
        if (node.Document is null) return;
        foreach (var c in await store.GetCitationsAsync([node.Id], ct).ConfigureAwait(false))
        {
            var target = await _resolver.ResolveAsync(c, ct).ConfigureAwait(false);
            var to = target is not null ? DocNode(target) : new GraphNode("ext:" + c.Key.Split('@')[0], GraphNode.ExternalKind, c.Label, null);
            Add(to, next);
            _edges.Add(new GraphEdge(node.Id, to.Id, c.Relation));
        }
    }

    private async Task InAsync(GraphNode node, List<GraphNode> next, CancellationToken ct)
    {
        string key;
        if (node.Document is { } d)
        {
            if (d.Number is null) return;
            key = DocumentSymbol.Normalize(d.Number);
        }
        else
        {
            key = node.Id["ext:".Length..];
        }
        var citing = await store.FindCitingAsync(new CitationQuery(key, null, null, null), CitingFilter.None, ct).ConfigureAwait(false);
        if (citing.Count == 0) return;
        var byId = citing.GroupBy(c => c.Document.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Document, StringComparer.Ordinal);
        var edges = await store.GetCitationsAsync(byId.Keys.ToList(), ct).ConfigureAwait(false);
        foreach (var e in edges.Where(e => e.Key.Split('@')[0] == key))
        {
            var target = await _resolver.ResolveAsync(e, ct).ConfigureAwait(false);
            // A document node takes the edges that resolve to it; an external node the ones that resolve to nothing.
            if (node.Document is not null ? target?.Id != node.Id : target is not null) continue;
            var from = DocNode(byId[e.DocId]);
            Add(from, next);
            _edges.Add(new GraphEdge(from.Id, node.Id, e.Relation));
        }
    }
}
