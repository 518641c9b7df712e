using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocIntel.Index.Queries;
using DocIntel.Index.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DocIntel.Api.Endpoints;

/// <summary>GET /api/documents (search with facets and snippets) and GET /api/documents/{id} (one document with evidence).</summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/documents").WithTags("documents");
        g.MapGet("/", SearchAsync).WithName("Search")
            .WithSummary("Full-text search with filters, facets (type, level, province, year) and highlighted snippets; diacritics ignored unless exact=true");
        g.MapGet("/{id}", ShowAsync).WithName("Document")
            .WithSummary("A document: metadata, citations (resolved links), tasks, source files, and its normalised text with the evidence span of every extracted value");
    }

    public sealed record SearchArgs(string? Q, string? Type, string? Level, string? Province, string? Issuer, string? From, string? To, string? Cites,
        string? Exact, string? Page, string? PageSize, string? Facets);

    internal static async Task<Results<Ok<SearchPage>, ValidationProblem>> SearchAsync([AsParameters] SearchArgs a, ArchiveQueries queries,
        IOptions<ApiOptions> options, CancellationToken ct)
    {
        var o = options.Value;
        var args = new QueryArgs();
        var from = args.Date("from", a.From);
        var to = args.Date("to", a.To);
        var exact = args.Bool("exact", a.Exact);
        var withFacets = a.Facets is null || args.Bool("facets", a.Facets);
        var pageSize = args.Int("pageSize", a.PageSize, 20, 1, o.MaxPageSize);
        var page = args.Int("page", a.Page, 1, 1, int.MaxValue);
        if (!args.Failed && (long)page * pageSize > o.MaxResultWindow)
            args.Error("page", $"page {page} × pageSize {pageSize} is beyond the first {o.MaxResultWindow} results; narrow the query instead");
        var level = args.OneOf("level", a.Level, "central", "province", "district", "commune", "other");
        CitationQueryOrNull(queries, a.Cites, args, out var cites);
        if (args.Failed) return args.Problem();

        var query = new SearchQuery(a.Q?.Trim() ?? "")
        {
            DocType = Blank(a.Type), Level = level, Province = Blank(a.Province), Issuer = Blank(a.Issuer), From = from, To = to, Cites = cites,
            Exact = exact, Limit = pageSize, Offset = (page - 1) * pageSize,
        };
        var hits = await queries.SearchAsync(query, ct).ConfigureAwait(false);
        SearchFacets? facets = null;
        long? total = null;
        if (withFacets)
        {
            // One pass over the matches for all four facets (the embedded store counts them on in-memory columns).
            var counted = await queries.Store.CountMatchesAsync(
                new MatchFacetQuery(query, [DocumentField.DocType, DocumentField.Level, DocumentField.Province, DocumentField.Year]) { Limit = 100 }, ct).ConfigureAwait(false);
            IReadOnlyList<FacetValue> Values(int i) => counted.ByField[i].Select(c => new FacetValue(c.Values[0], c.Count)).ToList();
            facets = new SearchFacets(Values(0), Values(1), Values(2), Values(3).OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList());
            total = counted.Total;
        }
        var results = hits.Select(h => Highlight(h)).ToList();
        return TypedResults.Ok(new SearchPage(query.Text, exact, page, pageSize, total, results, facets));
    }

    internal static void CitationQueryOrNull(ArchiveQueries queries, string? spelling, QueryArgs args, out DocIntel.Extract.Citations.CitationQuery? query)
    {
        query = null;
        if (string.IsNullOrWhiteSpace(spelling)) return;
        var q = queries.Parse(spelling);
        if (string.IsNullOrWhiteSpace(q.Key) && q.Number is null) args.Error("cites", $"cannot tell which document \"{spelling}\" names; try a number (61/2023/NĐ-CP) or a title the registry knows");
        else query = q;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The store marks matches in [brackets]; the API gives the plain passage and the ranges separately.</summary>
    internal static SearchResult Highlight(SearchHit hit)
    {
        var sb = new StringBuilder(hit.Snippet.Length);
        var ranges = new List<TextRange>();
        var open = -1;
        foreach (var ch in hit.Snippet)
        {
            if (ch == '[' && open < 0) { open = sb.Length; continue; }
            if (ch == ']' && open >= 0) { ranges.Add(new TextRange(open, sb.Length)); open = -1; continue; }
            sb.Append(ch);
        }
        return new SearchResult(hit.Document, Math.Round(hit.Score, 4), sb.ToString(), ranges);
    }

    internal static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> ShowAsync(string id, ArchiveQueries queries, CancellationToken ct)
    {
        var details = await queries.ShowAsync(id, ct).ConfigureAwait(false);
        if (details is null) return Problems.NotFound($"no document with id '{id}'");
        var json = JsonNode.Parse(details.Stored.Json)!.AsObject();
        var text = await queries.Store.GetTextAsync(id, ct).ConfigureAwait(false);
        var citations = details.Citations.Select(c => new CitationView(c.Citation.Label, c.Citation.Key, c.Citation.Type, c.Citation.Number, c.Citation.Title,
            c.Citation.Date, c.Citation.Issuer, c.Citation.Relation, c.Target)).ToList();
        return TypedResults.Ok(new DocumentView(details.Stored.Summary, json, citations, details.Tasks, details.Stored.Paths, details.CitedBy, text,
            text is null ? [] : EvidenceOf(json, text)));
    }

    /// <summary>
    /// Every span of the contract's evidence and citations, moved into the stored text. Spans count from the start of the
    /// file's whole text; the store keeps the document's part, so the shift is found from a value whose text is known.
    /// </summary>
    internal static IReadOnlyList<Evidence> EvidenceOf(JsonObject json, string text)
    {
        var raw = new List<(string Field, string? Value, int Start, int End)>();
        if (json["evidence"] is JsonObject ev)
        {
            foreach (var (field, node) in ev)
            {
                if (node is JsonObject span && span["start"] is { } s && span["end"] is { } e)
                    raw.Add((field, (string?)span["text"], (int)s, (int)e));
            }
        }
        if (json["citations"] is JsonArray cits)
        {
            foreach (var c in cits.OfType<JsonObject>())
            {
                var label = (string?)c["number"] ?? (string?)c["title"] ?? (string?)c["key"];
                var field = "citation." + ((string?)c["relation"] ?? "mentions");
                if (c["spans"] is JsonArray spans)
                {
                    foreach (var sp in spans.OfType<JsonObject>())
                        if (sp["start"] is { } s && sp["end"] is { } e) raw.Add((field, label, (int)s, (int)e));
                }
                else if (c["span"] is JsonObject one && one["start"] is { } s1 && one["end"] is { } e1)
                {
                    raw.Add((field, label, (int)s1, (int)e1));
                }
            }
        }
        var shift = 0;
        foreach (var r in raw.Where(r => r.Field.IndexOf('.', StringComparison.Ordinal) < 0 || r.Field.StartsWith("signer", StringComparison.Ordinal)))
        {
            if (r.Value is null) continue;
            if (r.End <= text.Length && string.CompareOrdinal(text, r.Start, r.Value, 0, r.End - r.Start) == 0) break;
            var at = text.IndexOf(r.Value, StringComparison.Ordinal);
            if (at >= 0) { shift = r.Start - at; break; }
        }
        return raw.Select(r => new Evidence(r.Field, r.Value, r.Start - shift, r.End - shift))
            .Where(e => e.Start >= 0 && e.End <= text.Length && e.End > e.Start)
            .OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
    }

    internal static string Csv(ResultTable table)
    {
        var sb = new StringBuilder();
        static string Cell(string? v) => v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
        sb.Append(string.Join(',', table.Columns.Select(Cell))).Append("\r\n");
        foreach (var row in table.Rows) sb.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return sb.ToString();
    }

    internal static string Inv(int n) => n.ToString(CultureInfo.InvariantCulture);
}
