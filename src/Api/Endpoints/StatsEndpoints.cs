using DocIntel.Index.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DocIntel.Api.Endpoints;

/// <summary>GET /api/stats/legal-basis: the tables the legal-basis dashboard draws; CSV with Accept: text/csv (or format=csv).</summary>
internal static class StatsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/stats").WithTags("stats").MapGet("/legal-basis", LegalBasisAsync).WithName("LegalBasis")
            .WithSummary("Most-cited documents (overall, as basis, as implemented), citations by province, level and period, documents by type and level over time; table= picks one; CSV with Accept: text/csv");
    }

    public sealed record StatsArgs(string? Relation, string? Level, string? Province, string? From, string? To, string? Interval, string? Top, string? Table, string? Format);

    internal static async Task<Results<Ok<StatsView>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> LegalBasisAsync([AsParameters] StatsArgs a,
        HttpRequest request, ArchiveQueries queries, CancellationToken ct)
    {
        var args = new QueryArgs();
        var query = new StatsQuery
        {
            Relation = args.OneOf("relation", a.Relation, "basis", "implements", "forwards", "mentions"),
            Level = args.OneOf("level", a.Level, "central", "province", "district", "commune", "other"),
            Province = string.IsNullOrWhiteSpace(a.Province) ? null : a.Province.Trim(),
            From = args.Date("from", a.From),
            To = args.Date("to", a.To),
            Interval = args.OneOf("interval", a.Interval, "month", "year") ?? "month",
            Top = args.Int("top", a.Top, 20, 1, 1000),
        };
        var format = args.OneOf("format", a.Format, "json", "csv");
        if (query.From is { } f && query.To is { } t && f > t) args.Error("to", $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd})");
        if (args.Failed) return args.Problem();
        var tables = await queries.StatsAsync(query, ct).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(a.Table))
        {
            tables = tables.Where(x => x.Name == a.Table.Trim()).ToList();
            if (tables.Count == 0) return Problems.NotFound($"no table named '{a.Table}'");
        }
        var wantsCsv = format == "csv" || (format is null && request.GetTypedHeaders().Accept.Any(h => h.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        if (!wantsCsv) return TypedResults.Ok(new StatsView(tables));
        // One table: its own columns. Several: one stream with the table's name in the first column.
        var csv = tables.Count == 1 ? tables[0]
            : new ResultTable("legal_basis", "legal basis", ["table", "key1", "key2", "key3", "value"],
                tables.SelectMany(x => x.Rows.Select(r => (IReadOnlyList<string?>)[x.Name, .. Pad(r)])).ToList());
        return TypedResults.Text(DocumentEndpoints.Csv(csv), "text/csv; charset=utf-8");
    }

    private static string?[] Pad(IReadOnlyList<string?> row)
    {
        var keys = row.Take(row.Count - 1).ToList();
        while (keys.Count < 3) keys.Add(null);
        return [.. keys, row[^1]];
    }
}
