using DocIntel.Index.Store;

namespace DocIntel.Index.Graph;

public enum GraphDirection
{
    /// <summary>Who cites the root (and who cites them, to the depth).</summary>
    In,
    /// <summary>What the root cites.</summary>
    Out,
    Both,
}

/// <summary>A node: a stored document (id = document id) or a cited document not in the archive (id = "ext:" + key).</summary>
public sealed record GraphNode(string Id, string Kind, string Label, DocumentSummary? Document)
{
    public const string DocumentKind = "document";
    public const string ExternalKind = "external";
}

/// <summary>A citation edge, typed by its relation (basis, implements, forwards, mentions).</summary>
public sealed record GraphEdge(string From, string To, string Relation);

/// <summary>The citation graph around a root; <see cref="Truncated"/> when the node cap stopped the walk.</summary>
public sealed record CitationGraph(string Root, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);
