using System.Globalization;
using System.Text.Json.Nodes;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Graph;
using DocIntel.Index.Store;

namespace DocIntel.Index.Queries;

/// <summary>
/// The questions users ask of an archive, answered over any <see cref="IDocumentStore"/>: the CLI and the HTTP API both
/// call this layer and only format its records.
/// </summary>
public sealed class ArchiveQueries(IDocumentStore store, LegalRegistry registry)
{
    public IDocumentStore Store => store;

    /// <summary>Any spelling of a cited document: "Nghị định 61/2023", "61/2023/NĐ-CP", "Luật Thực hiện dân chủ ở cơ sở".</summary>
    public CitationQuery Parse(string spelling) => CitationQuery.Parse(spelling, registry);

    /// <summary>How to name what the user asked for: the registry's name when known.</summary>
    public string LabelOf(CitationQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Key is not null)
        {
            var entry = registry.FindBySymbol(SqliteKey(q.Key)).FirstOrDefault() ?? registry.Entries.FirstOrDefault(e => e.BaseKey == SqliteKey(q.Key));
            if (entry is not null) return CitationLabels.Of(entry.Type, entry.Number is null ? null : DocumentSymbol.Normalize(entry.Number), entry.Title, entry.Key);
            return q.Key;
        }
        // "Nghị định 61/2023": the registry entry with that number, year and type, when there is exactly one.
        var matches = registry.Entries.Where(e => e.Number is not null && DocumentSymbol.TryParse(e.Number, out var s)
                && s.Number.TrimStart('0') == q.Number && (q.Year is null || s.Year == q.Year)
                && (q.TypeName is null || string.Equals(e.Type, q.TypeName, StringComparison.OrdinalIgnoreCase)))
            .Select(e => CitationLabels.Of(e.Type, DocumentSymbol.Normalize(e.Number!), e.Title, e.Key)).Distinct(StringComparer.Ordinal).ToList();
        if (matches.Count == 1) return matches[0];
        return $"{q.TypeName} {q.Number}{(q.Year is { } y ? "/" + y.ToString(CultureInfo.InvariantCulture) : "")}".Trim();
    }

    private static string SqliteKey(string key) => key.Split('@')[0];

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        store.SearchAsync(query, cancellationToken);

    /// <summary>The documents citing X (all of them, or one page), grouped by issuer.</summary>
    public async Task<WhoCites> WhoCitesAsync(string spelling, CitingFilter filter, CancellationToken cancellationToken, CitingPage? page = null)
    {
        var q = Parse(spelling);
        var citing = page is null
            ? await store.FindCitingAsync(q, filter, cancellationToken).ConfigureAwait(false)
            : await store.FindCitingAsync(q, filter, page, cancellationToken).ConfigureAwait(false);
        var issuers = citing
            .GroupBy(c => (c.Document.IssuerName, c.Document.Province, c.Document.Level))
            .Select(g => new CitingIssuer(g.Key.IssuerName, g.Key.Level, g.Key.Province, g.First().Document.District, g.First().Document.Commune,
                g.OrderBy(c => c.Document.IssuedDate).ThenBy(c => c.Document.Id, StringComparer.Ordinal).ToList()))
            .OrderBy(i => i.Province ?? "\uffff", StringComparer.Ordinal).ThenBy(i => i.Name ?? "\uffff", StringComparer.Ordinal)
            .ToList();
        return new WhoCites(q, LabelOf(q), citing, issuers);
    }

    /// <summary>"Who cites X", counted by a property of the citing documents (province, level, issuer, commune, month, year).</summary>
    public async Task<ResultTable> CountCitingAsync(string spelling, CitingFilter filter, CitationField groupBy, CancellationToken cancellationToken)
    {
        var q = Parse(spelling);
        var fields = groupBy == CitationField.Commune ? new[] { CitationField.Province, CitationField.Commune } : [groupBy];
        var counts = await store.CountCitationsAsync(new CitationFacetQuery(fields) { Cited = q, Filter = filter }, cancellationToken).ConfigureAwait(false);
        var columns = fields.Select(ColumnName).Append("documents").ToList();
        return new ResultTable("cites_by_" + ColumnName(groupBy), $"Documents citing {LabelOf(q)}, by {ColumnName(groupBy)}", columns,
            counts.Select(c => (IReadOnlyList<string?>)c.Values.Append(c.Count.ToString(CultureInfo.InvariantCulture)).ToList()).ToList());
    }

    /// <summary>Documents most often cited together with X (co-citation), with the number of documents citing both.</summary>
    public async Task<IReadOnlyList<CoCited>> RelatedAsync(string spelling, int limit, CancellationToken cancellationToken)
    {
        var q = Parse(spelling);
        if (store is ICoCitationCounter counter)
        {
            var counted = await counter.CountCoCitedAsync(q, limit, cancellationToken).ConfigureAwait(false);
            return counted.Select(c => new CoCited(c.Values[0]!, c.Label ?? c.Values[0]!, (int)c.Count)).ToList();
        }
        var citing = await store.FindCitingAsync(q, CitingFilter.None, cancellationToken).ConfigureAwait(false);
        var matchedKeys = citing.Select(c => (c.Document.Id, SqliteKey(c.Key))).ToHashSet();
        var ids = citing.Select(c => c.Document.Id).Distinct(StringComparer.Ordinal).ToList();
        var all = await store.GetCitationsAsync(ids, cancellationToken).ConfigureAwait(false);
        return all
            .Where(c => !matchedKeys.Contains((c.DocId, SqliteKey(c.Key))))
            .GroupBy(c => SqliteKey(c.Key), StringComparer.Ordinal)
            .Select(g => new CoCited(g.Key, g.First().Label, g.Select(c => c.DocId).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.Documents).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    public Task<CitationGraph> GraphAsync(string keyOrId, GraphDirection direction, int depth, int maxNodes, CancellationToken cancellationToken) =>
        new CitationGraphBuilder(store, this).BuildAsync(keyOrId, direction, depth, maxNodes, cancellationToken);

    public async Task<DocumentDetails?> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null) return null;
        var resolver = new CitationResolver(store);
        var resolved = new List<ResolvedCitation>();
        foreach (var c in stored.Citations) resolved.Add(new ResolvedCitation(c, await resolver.ResolveAsync(c, cancellationToken).ConfigureAwait(false)));
        var tasks = new List<TaskLine>();
        if (JsonNode.Parse(stored.Json)?["tasks"] is JsonArray arr)
        {
            foreach (var t in arr.OfType<JsonObject>())
                tasks.Add(new TaskLine((string?)t["text"] ?? "", (string?)t["assignee"], (string?)t["deadline"]));
        }
        var citedBy = await CitedByAsync(stored.Summary, cancellationToken).ConfigureAwait(false);
        return new DocumentDetails(stored, resolved, tasks, citedBy);
    }

    /// <summary>Stored documents whose citations resolve to this stored document.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> CitedByAsync(DocumentSummary doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Number is null) return [];
        var key = DocumentSymbol.Normalize(doc.Number);
        var citing = await store.FindCitingAsync(new CitationQuery(key, null, null, null), CitingFilter.None, cancellationToken).ConfigureAwait(false);
        if (citing.Count == 0) return [];
        var edges = await store.GetCitationsAsync(citing.Select(c => c.Document.Id).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        var resolver = new CitationResolver(store);
        var result = new List<DocumentSummary>();
        foreach (var e in edges.Where(e => SqliteKey(e.Key) == key))
        {
            if ((await resolver.ResolveAsync(e, cancellationToken).ConfigureAwait(false))?.Id == doc.Id)
                result.Add(citing.First(c => c.Document.Id == e.DocId).Document);
        }
        return result.DistinctBy(d => d.Id).ToList();
    }

    /// <summary>Legal-basis usage: most-cited documents (overall, as basis, as implemented), citations by province, level
    /// and period, and documents by type and level over time.</summary>
    public async Task<IReadOnlyList<ResultTable>> StatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new CitingFilter { Relation = query.Relation, Level = query.Level, Province = query.Province, From = query.From, To = query.To };
        var period = query.Interval == "year" ? CitationField.Year : CitationField.Month;
        var tables = new List<ResultTable>();

        async Task MostCited(string name, string title, CitingFilter f)
        {
            var rows = await store.CountCitationsAsync(new CitationFacetQuery([CitationField.CitedKey]) { Filter = f, Limit = query.Top }, cancellationToken).ConfigureAwait(false);
            tables.Add(new ResultTable(name, title, ["cited", "key", "citing_documents"],
                rows.Select(r => (IReadOnlyList<string?>)[r.Label ?? r.Values[0], r.Values[0], r.Count.ToString(CultureInfo.InvariantCulture)]).ToList()));
        }

        async Task Citations(string name, string title, CitationField field, bool byCount)
        {
            var rows = await store.CountCitationsAsync(new CitationFacetQuery([field]) { Filter = filter, Limit = 10_000 }, cancellationToken).ConfigureAwait(false);
            var ordered = byCount ? rows : rows.OrderBy(r => r.Values[0] ?? "\uffff", StringComparer.Ordinal).ToList();
            tables.Add(new ResultTable(name, title, [ColumnName(field), "citations"],
                ordered.Select(r => (IReadOnlyList<string?>)[r.Values[0], r.Count.ToString(CultureInfo.InvariantCulture)]).ToList()));
        }

        async Task Documents(string name, string title, DocumentField field)
        {
            var docPeriod = period == CitationField.Year ? DocumentField.Year : DocumentField.Month;
            var search = new SearchQuery("") { Level = query.Level, Province = query.Province, From = query.From, To = query.To };
            var rows = await store.CountDocumentsAsync(new DocumentFacetQuery([docPeriod, field]) { Filter = search, Limit = 100_000 }, cancellationToken).ConfigureAwait(false);
            tables.Add(new ResultTable(name, title, [query.Interval, field == DocumentField.DocType ? "doc_type" : "level", "documents"],
                rows.OrderBy(r => r.Values[0] ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.Values[1] ?? "\uffff", StringComparer.Ordinal)
                    .Select(r => (IReadOnlyList<string?>)[r.Values[0], r.Values[1], r.Count.ToString(CultureInfo.InvariantCulture)]).ToList()));
        }

        await MostCited("most_cited", "Most-cited documents", filter).ConfigureAwait(false);
        if (query.Relation is null)
        {
            await MostCited("most_cited_basis", "Most-cited legal bases (căn cứ)", filter with { Relation = "basis" }).ConfigureAwait(false);
            await MostCited("most_cited_implements", "Most-implemented documents (thực hiện, triển khai)", filter with { Relation = "implements" }).ConfigureAwait(false);
        }
        await Citations("citations_by_province", "Citations by province of the citing document", CitationField.Province, byCount: true).ConfigureAwait(false);
        await Citations("citations_by_level", "Citations by level of the citing document", CitationField.Level, byCount: true).ConfigureAwait(false);
        await Citations("citations_by_" + query.Interval, $"Citations by {query.Interval} of the citing document", period, byCount: false).ConfigureAwait(false);
        await Documents("documents_by_type", $"Documents by type and {query.Interval}", DocumentField.DocType).ConfigureAwait(false);
        await Documents("documents_by_level", $"Documents by issuer level and {query.Interval}", DocumentField.Level).ConfigureAwait(false);
        return tables;
    }

    public static string ColumnName(CitationField f) => f switch
    {
        CitationField.CitedKey => "cited",
        CitationField.Relation => "relation",
        CitationField.Level => "level",
        CitationField.Province => "province",
        CitationField.Issuer => "issuer",
        CitationField.Commune => "commune",
        CitationField.Year => "year",
        CitationField.Month => "month",
        _ => f.ToString(),
    };
}
