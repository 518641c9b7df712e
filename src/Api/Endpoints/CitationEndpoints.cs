using System.Text.RegularExpressions;
using DocIntel.Index.Graph;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DocIntel.Api.Endpoints;

/// <summary>Who cites a document, what is cited with it, and the citation graph around it. Keys take any spelling the CLI
/// accepts ("Nghị định 61/2023", "61/2023/NĐ-CP", "nghi dinh 61-2023"); slashes may stay unescaped in the path.</summary>
internal static partial class CitationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api").WithTags("citations");
        g.MapGet("/cites/{**key}", CitesAsync).WithName("WhoCites")
            .WithSummary("Who cites a document: the citing documents grouped by issuer, with counts by province and level (groupBy adds another count)");
        g.MapGet("/related/{**key}", RelatedAsync).WithName("Related").WithSummary("Documents most often cited together with a document");
        g.MapGet("/graph/{**keyOrId}", GraphAsync).WithName("Graph")
            .WithSummary("The citation graph around a document id or a cited document, edges typed by relation; format json, graphml or dot");
    }

    public sealed record CitesArgs(string? Level, string? Province, string? Relation, string? From, string? To, string? GroupBy, string? Page, string? PageSize);

    internal static async Task<Results<Ok<WhoCitesView>, ValidationProblem, ProblemHttpResult>> CitesAsync(string key, [AsParameters] CitesArgs a,
        ArchiveQueries queries, CancellationToken ct)
    {
        var args = new QueryArgs();
        var filter = new CitingFilter
        {
            Level = args.OneOf("level", a.Level, "central", "province", "district", "commune", "other"),
            Province = string.IsNullOrWhiteSpace(a.Province) ? null : a.Province.Trim(),
            Relation = args.OneOf("relation", a.Relation, "basis", "implements", "forwards", "mentions"),
            From = args.Date("from", a.From),
            To = args.Date("to", a.To),
        };
        var groupBy = args.OneOf("groupBy", a.GroupBy, "province", "level", "issuer", "commune", "month", "year", "relation");
        var pageSize = args.Int("pageSize", a.PageSize, 50, 1, 1000);
        var page = args.Int("page", a.Page, 1, 1, 100_000);
        if (args.Failed) return args.Problem();
        var spelling = Key(key);
        var q = queries.Parse(spelling);
        if (q is { Key: null, Number: null }) return Unknown(spelling);
        // Counts over every citing document; the documents themselves one page at a time (a popular decree is cited by
        // thousands: the page is what a person reads, the counts are what they compare).
        async Task<IReadOnlyList<CountRow>> By(CitationField field, CitingFilter f) =>
            (await queries.Store.CountCitationsAsync(new CitationFacetQuery([field]) { Cited = q, Filter = f, Limit = 10_000 }, ct).ConfigureAwait(false))
            .Select(c => new CountRow(c.Values[0], (int)c.Count))
            .OrderByDescending(r => r.Documents).ThenBy(r => r.Value ?? "\uffff", StringComparer.Ordinal).ToList();
        var byLevel = await By(CitationField.Level, filter).ConfigureAwait(false);
        var total = byLevel.Sum(r => r.Documents);
        if (total == 0 && !await KnownAsync(queries, q, ct).ConfigureAwait(false))
            return Problems.NotFound($"nothing in the archive is or cites \"{spelling}\"");
        var byProvince = await By(CitationField.Province, filter).ConfigureAwait(false);
        var who = await queries.WhoCitesAsync(spelling, filter, ct, new CitingPage((page - 1) * pageSize, pageSize)).ConfigureAwait(false);
        ResultTable? counts = groupBy is null ? null
            : await queries.CountCitingAsync(spelling, filter, Enum.Parse<CitationField>(groupBy, ignoreCase: true), ct).ConfigureAwait(false);
        return TypedResults.Ok(new WhoCitesView(spelling, who.Label, total,
            who.Issuers.Select(i => new CitingGroup(i.Name, i.Level, i.Province, i.District, i.Commune, i.Documents)).ToList(),
            byProvince, byLevel, counts) { Page = page, PageSize = pageSize });
    }

    internal static async Task<Results<Ok<RelatedView>, ValidationProblem, ProblemHttpResult>> RelatedAsync(string key, string? limit, ArchiveQueries queries, CancellationToken ct)
    {
        var args = new QueryArgs();
        var n = args.Int("limit", limit, 20, 1, 1000);
        if (args.Failed) return args.Problem();
        var spelling = Key(key);
        var q = queries.Parse(spelling);
        if (q is { Key: null, Number: null }) return Unknown(spelling);
        var related = await queries.RelatedAsync(spelling, n, ct).ConfigureAwait(false);
        if (related.Count == 0 && !await KnownAsync(queries, q, ct).ConfigureAwait(false))
            return Problems.NotFound($"nothing in the archive is or cites \"{spelling}\"");
        return TypedResults.Ok(new RelatedView(spelling, queries.LabelOf(q), related));
    }

    internal static async Task<Results<Ok<GraphView>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> GraphAsync(string keyOrId, string? direction, string? depth,
        string? format, ArchiveQueries queries, IOptions<ApiOptions> options, CancellationToken ct)
    {
        var args = new QueryArgs();
        var dir = args.OneOf("direction", direction, "in", "out", "both") ?? "both";
        var d = args.Int("depth", depth, 1, 1, 5);
        var fmt = args.OneOf("format", format, "json", "graphml", "dot") ?? "json";
        if (args.Failed) return args.Problem();
        var root = Key(keyOrId);
        var graph = await queries.GraphAsync(root, Enum.Parse<GraphDirection>(dir, ignoreCase: true), d, options.Value.GraphMaxNodes, ct).ConfigureAwait(false);
        if (graph.Nodes.Count == 0) return Problems.NotFound($"nothing in the archive is or cites \"{root}\"");
        return fmt switch
        {
            "graphml" => TypedResults.Text(GraphWriters.GraphMl(graph), "application/graphml+xml; charset=utf-8"),
            "dot" => TypedResults.Text(GraphWriters.Dot(graph), "text/vnd.graphviz; charset=utf-8"),
            _ => TypedResults.Ok(new GraphView(graph.Root, graph.Truncated, graph.Nodes, graph.Edges)),
        };
    }

    /// <summary>
    /// A key from the path, %2F undone. "61-2023" (a slash written as a dash so the path stays one segment) becomes
    /// "61/2023"; Party symbols keep their dash, since letters follow it ("61-TB/BCĐ").
    /// </summary>
    internal static string Key(string key) => NumberDashYear().Replace(Uri.UnescapeDataString(key).Trim(), "$1/$2");

    [GeneratedRegex(@"(?<![\p{L}\d/])(\d{1,5})-((?:19|20)\d\d)(?![\p{L}\d])")]
    private static partial Regex NumberDashYear();

    /// <summary>Whether the archive knows the document at all: cited by anything (whatever the filter), or stored under that symbol.</summary>
    private static async Task<bool> KnownAsync(ArchiveQueries queries, DocIntel.Extract.Citations.CitationQuery q, CancellationToken ct) =>
        (await queries.Store.CountCitationsAsync(new CitationFacetQuery([CitationField.Level]) { Cited = q }, ct).ConfigureAwait(false)).Count > 0
        || (q.Key is { } key && (await queries.Store.FindBySymbolAsync(key, ct).ConfigureAwait(false)).Count > 0);

    private static ProblemHttpResult Unknown(string spelling) =>
        Problems.NotFound($"cannot tell which document \"{spelling}\" names; try a number (61/2023/NĐ-CP) or a title the registry knows");
}
