using System.Globalization;
using System.Text;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

namespace DocIntel.Index.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Tables: <c>files</c> (the ledger, by SHA-256),
/// <c>file_paths</c> (every path, each holding one content), <c>documents</c> (keyword columns + the contract JSON +
/// the normalised text), <c>citations</c> (one edge per citing document and cited key), and a contentless FTS5 index
/// over folded text (lower case, no diacritics, đ → d, folded on both sides).
/// One connection writes (batches in transactions); every read opens its own pooled connection, so readers run
/// concurrently with each other and with the writer.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    /// <summary>Bumped when the schema changes; an older file is refused with a clear message.</summary>
    public const int SchemaVersion = 2;

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDocumentStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
    }

    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", cancellationToken).ConfigureAwait(false);
        var version = Convert.ToInt32(await ScalarAsync(_writer, "PRAGMA user_version", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var hasTables = Convert.ToInt32(await ScalarAsync(_writer, "SELECT count(*) FROM sqlite_master WHERE name = 'files'", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (hasTables && version != SchemaVersion)
            throw new InvalidOperationException($"{Path}: this store was written by another version of DocIntel (schema {version}, expected {SchemaVersion}); ingest into a new file");
        await ExecAsync(_writer, SqliteSchema.Create + $"PRAGMA user_version = {SchemaVersion};", cancellationToken).ConfigureAwait(false);
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    public async Task WriteAsync(IReadOnlyList<LedgerWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            using var w = new SqliteWriter(_writer, tx);
            foreach (var item in batch)
            {
                switch (item)
                {
                    case StoreFile s:
                        w.SetPath(s.File.Path, s.File.Sha256);
                        if (w.HasDocuments(s.File.Sha256)) w.DeleteDocuments(s.File.Sha256);
                        foreach (var doc in s.Indexed) w.InsertDocument(doc);
                        w.UpsertFile(s.File, FileStatus.Done, null, s.Documents.Count);
                        break;
                    case FailFile f:
                        w.SetPath(f.File.Path, f.File.Sha256);
                        // Content already stored stays stored: a later failure to read it again loses nothing.
                        if (w.StatusOf(f.File.Sha256) != FileStatus.Done) w.UpsertFile(f.File, FileStatus.Failed, f.Reason, 0);
                        break;
                    case SeenFile seen:
                        w.SetPath(seen.File.Path, seen.File.Sha256);
                        break;
                    case ForgetPath forget:
                        w.DeletePath(forget.Missing);
                        break;
                    default:
                        throw new ArgumentException($"unknown ledger write {item.GetType().Name}", nameof(batch));
                }
            }
            tx.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            using var cmd = _writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS orphans(sha256 TEXT PRIMARY KEY);
                DELETE FROM orphans;
                INSERT INTO orphans SELECT sha256 FROM files WHERE sha256 NOT IN (SELECT sha256 FROM file_paths);
                DELETE FROM citations WHERE doc_id IN (SELECT id FROM documents WHERE sha256 IN (SELECT sha256 FROM orphans));
                DELETE FROM documents_fts WHERE rowid IN (SELECT rid FROM documents WHERE sha256 IN (SELECT sha256 FROM orphans));
                DELETE FROM documents WHERE sha256 IN (SELECT sha256 FROM orphans);
                DELETE FROM files WHERE sha256 IN (SELECT sha256 FROM orphans);
                UPDATE files SET path = (SELECT min(p.path) FROM file_paths p WHERE p.sha256 = files.sha256)
                  WHERE path NOT IN (SELECT p.path FROM file_paths p WHERE p.sha256 = files.sha256);
                UPDATE documents SET path = (SELECT min(p.path) FROM file_paths p WHERE p.sha256 = documents.sha256)
                  WHERE path NOT IN (SELECT p.path FROM file_paths p WHERE p.sha256 = documents.sha256);
                SELECT count(*) FROM orphans;
                """;
            var removed = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            tx.Commit();
            return removed;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(_readConnectionString);
        await c.OpenAsync(ct).ConfigureAwait(false);
        return c;
    }

    public async Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sha256, path, status, reason, documents FROM files WHERE sha256 = $s";
        cmd.Parameters.AddWithValue("$s", sha256);
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new LedgerEntry(r.GetString(0), r.GetString(1), ParseStatus(r.GetString(2)), Str(r, 3), r.GetInt32(4));
    }

    internal static FileStatus ParseStatus(string s) => Enum.Parse<FileStatus>(s, ignoreCase: true);

    public async Task<IReadOnlyList<PathEntry>> ListPathsAsync(string? prefix, CancellationToken cancellationToken)
    {
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = prefix is null
            ? "SELECT path, sha256 FROM file_paths ORDER BY path"
            : "SELECT path, sha256 FROM file_paths WHERE substr(path, 1, length($p)) = $p ORDER BY path";
        if (prefix is not null) cmd.Parameters.AddWithValue("$p", prefix);
        var list = new List<PathEntry>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(new PathEntry(r.GetString(0), r.GetString(1)));
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    private const string SummaryColumns = "d.id, d.path, d.part, d.doc_type, d.number, d.issued_date, d.issuer_name, d.level, d.province, d.district, d.commune, d.subject";

    private static DocumentSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), Str(r, 4), Date(Str(r, 5)),
        Str(r, 6), Str(r, 7), Str(r, 8), Str(r, 9), Str(r, 10), Str(r, 11));

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SqliteQueries.Tokens(SearchFolding.Fold(query.Text));
        var exact = query.Exact && query.Text.Trim().Length > 0;
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        // Phase 1 ranks row ids only (no text, no JSON), so a query matching most of the archive reads no large
        // columns; phase 2 fetches the page's rows and builds their snippets.
        var ranked = new List<(long Rid, double Score)>();
        using (var cmd = c.CreateCommand())
        {
            var sql = new StringBuilder();
            if (terms.Count > 0)
            {
                sql.Append("SELECT d.rid, bm25(documents_fts) AS score FROM documents_fts JOIN documents d ON d.rid = documents_fts.rowid WHERE documents_fts MATCH $q");
                cmd.Parameters.AddWithValue("$q", SqliteQueries.MatchExpression(terms));
            }
            else
            {
                sql.Append("SELECT d.rid, 0.0 AS score FROM documents d WHERE 1 = 1");
            }
            SqliteQueries.AddDocumentFilters(query, sql, cmd);
            sql.Append(terms.Count > 0 ? " ORDER BY score, d.id" : " ORDER BY d.issued_date DESC, d.id");
            // --exact checks the text of ranked candidates one by one (below) and stops at the page's end.
            if (!exact) sql.Append(" LIMIT $limit OFFSET $offset");
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
            cmd.CommandText = sql.ToString();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) ranked.Add((r.GetInt64(0), r.GetDouble(1)));
        }
        var phrase = exact ? SqliteQueries.ExactPhrase(query.Text) : "";
        var skip = exact ? Math.Max(0, query.Offset) : 0;
        var hits = new List<SearchHit>(ranked.Count);
        using var fetch = c.CreateCommand();
        fetch.CommandText = $"SELECT {SummaryColumns}, d.text FROM documents d WHERE d.rid = $rid";
        var rid = fetch.Parameters.Add(new SqliteParameter("$rid", 0L));
        foreach (var (id, score) in ranked)
        {
            rid.Value = id;
            using var r = await fetch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) continue;
            var text = r.GetString(12);
            if (exact)
            {
                if (!SqliteQueries.ContainsExact(text, phrase)) continue;
                if (skip-- > 0) continue;
            }
            hits.Add(new SearchHit(ReadSummary(r), terms.Count > 0 ? -score : 0, Snippets.Make(text, terms)));
            if (hits.Count >= query.Limit) break;
        }
        return hits;
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder($"SELECT {SummaryColumns}, c.key, c.number, c.title, c.relation FROM citations c JOIN documents d ON d.id = c.doc_id WHERE ");
        if (!SqliteQueries.AddCitedCondition(query, "c", sql, cmd)) return [];
        SqliteQueries.AddCitingFilter(filter, sql, cmd);
        sql.Append(" ORDER BY d.issued_date, d.id");
        cmd.CommandText = sql.ToString();
        var result = new List<CitingDocument>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(new CitingDocument(ReadSummary(r), r.GetString(12), Str(r, 13) ?? Str(r, 14), r.GetString(15)));
        return result;
    }

    public async Task<string?> GetTextAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT text FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        DocumentSummary summary;
        string json, sha;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT {SummaryColumns}, d.json, d.sha256 FROM documents d WHERE d.id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            summary = ReadSummary(r);
            json = r.GetString(12);
            sha = r.GetString(13);
        }
        var citations = await ReadCitationsAsync(c, [id], cancellationToken).ConfigureAwait(false);
        var paths = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT path FROM file_paths WHERE sha256 = $s ORDER BY path";
            cmd.Parameters.AddWithValue("$s", sha);
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) paths.Add(r.GetString(0));
        }
        paths.Sort(StringComparer.Ordinal);
        return new StoredDocument(summary, json, citations, paths);
    }

    public async Task<IReadOnlyList<StoredCitation>> GetCitationsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0) return [];
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCitationsAsync(c, documentIds, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredCitation>> ReadCitationsAsync(SqliteConnection c, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var result = new List<StoredCitation>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            using var cmd = c.CreateCommand();
            var names = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                names.Add("$i" + i.ToString(CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue(names[^1], chunk[i]);
            }
            cmd.CommandText = $"SELECT doc_id, key, type, number, title, cited_date, cited_issuer, relation FROM citations WHERE doc_id IN ({string.Join(',', names)}) ORDER BY doc_id, seq";
            using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
                result.Add(new StoredCitation(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Date(Str(r, 5)), Str(r, 6), r.GetString(7)));
        }
        return result;
    }

    public async Task<IReadOnlyList<DocumentSummary>> FindBySymbolAsync(string symbolKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbolKey);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {SummaryColumns} FROM documents d WHERE d.sym_key = $k ORDER BY d.id";
        cmd.Parameters.AddWithValue("$k", DocumentSymbol.Normalize(symbolKey));
        var result = new List<DocumentSummary>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) result.Add(ReadSummary(r));
        return result;
    }

    public async Task<IReadOnlyList<FacetCount>> CountDocumentsAsync(DocumentFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GroupBy.Count is 0 or > 2) throw new ArgumentException("group by one or two fields", nameof(query));
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var groups = query.GroupBy.Select(SqliteQueries.Column).ToList();
        var sql = new StringBuilder($"SELECT {string.Join(", ", groups.Select((g, i) => $"{g} AS g{i}"))}, count(*) AS n FROM ");
        var filter = query.Filter;
        var terms = filter is null ? [] : SqliteQueries.Tokens(SearchFolding.Fold(filter.Text));
        if (terms.Count > 0)
        {
            sql.Append("documents_fts JOIN documents d ON d.rid = documents_fts.rowid WHERE documents_fts MATCH $q");
            cmd.Parameters.AddWithValue("$q", SqliteQueries.MatchExpression(terms));
        }
        else
        {
            sql.Append("documents d WHERE 1 = 1");
        }
        if (filter is not null)
        {
            SqliteQueries.AddDocumentFilters(filter, sql, cmd);
            if (filter.Exact && filter.Text.Trim().Length > 0) SqliteQueries.AddExactFilter(c, filter.Text, sql, cmd);
        }
        sql.Append($" GROUP BY {string.Join(", ", groups.Select((_, i) => "g" + i))} ORDER BY n DESC, {string.Join(", ", groups.Select((_, i) => "g" + i))} LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.CommandText = sql.ToString();
        return await ReadFacetsAsync(cmd, groups.Count, labelled: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FacetCount>> CountCitationsAsync(CitationFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GroupBy.Count is 0 or > 2) throw new ArgumentException("group by one or two fields", nameof(query));
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        var groups = query.GroupBy.Select(SqliteQueries.Column).ToList();
        var labelled = query.GroupBy.Contains(CitationField.CitedKey);
        var label = labelled ? ", max(c.type), max(c.number), max(c.title)" : "";
        var sql = new StringBuilder($"SELECT {string.Join(", ", groups.Select((g, i) => $"{g} AS g{i}"))}, count(*) AS n{label} FROM citations c JOIN documents d ON d.id = c.doc_id WHERE 1 = 1");
        if (query.Cited is { } cited)
        {
            sql.Append(" AND ");
            if (!SqliteQueries.AddCitedCondition(cited, "c", sql, cmd)) return [];
        }
        SqliteQueries.AddCitingFilter(query.Filter, sql, cmd);
        sql.Append($" GROUP BY {string.Join(", ", groups.Select((_, i) => "g" + i))} ORDER BY n DESC, {string.Join(", ", groups.Select((_, i) => "g" + i))} LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.CommandText = sql.ToString();
        return await ReadFacetsAsync(cmd, groups.Count, labelled, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<FacetCount>> ReadFacetsAsync(SqliteCommand cmd, int groups, bool labelled, CancellationToken ct)
    {
        var result = new List<FacetCount>();
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var values = new string?[groups];
            for (var i = 0; i < groups; i++) values[i] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
            var f = new FacetCount(values, r.GetInt64(groups));
            if (labelled) f = f with { Label = CitationLabels.Of(Str(r, groups + 1), Str(r, groups + 2), Str(r, groups + 3), values[0] ?? "") };
            result.Add(f);
        }
        return result;
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM files WHERE status = 'done'), (SELECT count(*) FROM files WHERE status = 'failed'),
                   (SELECT count(*) FROM documents), (SELECT count(*) FROM citations)
            """;
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3));
    }

    /// <summary>
    /// Every row that is content, in a canonical order, one line each (no timings, no row ids): two stores with the same
    /// dump hold the same data. The FTS index is compared through its vocabulary (term, documents, occurrences).
    /// </summary>
    public async Task DumpAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        string[] queries =
        [
            "SELECT 'file', sha256, path, size, status, reason, documents FROM files ORDER BY sha256",
            "SELECT 'path', path, sha256 FROM file_paths ORDER BY path",
            "SELECT 'doc', id, sha256, part, path, doc_type, number, sym_key, issued_date, place, issuer_name, issuer_parent, level, province, district, commune, subject, signer_name, json, text FROM documents ORDER BY id",
            "SELECT 'cite', doc_id, seq, key, base_key, number, num, year, type, type_folded, title, relation, cited_date, cited_issuer FROM citations ORDER BY doc_id, seq",
            "SELECT 'fts', term, doc, cnt FROM documents_fts_vocab ORDER BY term",
            "SELECT 'fts-rows', count(*), (SELECT count(*) FROM documents) FROM documents_fts",
        ];
        foreach (var q in queries)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = q;
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var cells = new string[r.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = r.IsDBNull(i) ? "∅" : Digest(Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!);
                await output.WriteLineAsync(string.Join('\t', cells)).ConfigureAwait(false);
            }
        }
        using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        await output.WriteLineAsync("integrity\t" + await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    // Long values (JSON, text) are compared by length and hash so a dump stays readable.
    private static string Digest(string value) => value.Length <= 200 && !value.Contains('\n', StringComparison.Ordinal)
        ? value
        : $"{value.Length}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16]}";

    private static async Task ExecAsync(SqliteConnection c, string sql, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        using (var c = new SqliteConnection(_readConnectionString)) SqliteConnection.ClearPool(c);
        _writeGate.Dispose();
    }
}
