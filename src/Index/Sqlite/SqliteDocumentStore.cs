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
public sealed class SqliteDocumentStore : IDocumentStore, ICoCitationCounter
{
    /// <summary>Bumped when the schema changes; a schema-2 file is migrated in place, anything else is refused.</summary>
    public const int SchemaVersion = 3;

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteStoreOptions _options;
    private readonly AnswerCache _answers;
    private readonly AnswerCache _termSets;
    private readonly SemaphoreSlim _columnsGate = new(1, 1);
    private readonly SemaphoreSlim _ledgerGate = new(1, 1);
    private SqliteConnection? _ledger;
    private SqliteCommand? _ledgerLookup;

    // Derived from the data, each for one store generation; replaced, never changed in place.
    private FacetColumns _columns = FacetColumns.Empty;
    private TermFrequencies _frequencies = new(-1);

    public SqliteDocumentStore(string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _options = options ?? SqliteStoreOptions.Default;
        _answers = new AnswerCache(_options.CachedAnswers, _options.CachedRows);
        _termSets = new AnswerCache(4096, _options.CachedTermSetBytes / sizeof(ulong));
        _writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
    }

    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Checkpoints every 32 MB of WAL rather than 4 MB: fewer fsyncs under bulk load, same durability (synchronous=NORMAL).
        await ExecAsync(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=8192;", cancellationToken).ConfigureAwait(false);
        var version = Convert.ToInt32(await ScalarAsync(_writer, "PRAGMA user_version", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var hasTables = Convert.ToInt32(await ScalarAsync(_writer, "SELECT count(*) FROM sqlite_master WHERE name = 'files'", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (hasTables && version == 2) await MigrateFrom2Async(cancellationToken).ConfigureAwait(false);
        else if (hasTables && version != SchemaVersion)
            throw new InvalidOperationException($"{Path}: this store was written by another version of DocIntel (schema {version}, expected {SchemaVersion}); ingest into a new file");
        await ExecAsync(_writer, SqliteSchema.Create + $"PRAGMA user_version = {SchemaVersion};" + SqliteSchema.FtsTuning, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Schema 2 → 3 in one transaction (a crash leaves schema 2): citation edges get the citing document's fields, and the
    /// full-text index is rebuilt from the stored text with the facet column.
    /// </summary>
    private async Task MigrateFrom2Async(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var tx = _writer.BeginTransaction(deferred: false);
            using (var cmd = _writer.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = SqliteSchema.MigrateFrom2;
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            using var read = _writer.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT rid, text, doc_type, level, province_key FROM documents WHERE rid > $after ORDER BY rid LIMIT 2000";
            var after = read.Parameters.Add(new SqliteParameter("$after", long.MinValue));
            using var insert = _writer.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO documents_fts(rowid, folded, facets) VALUES ($r, $f, $k)";
            var (r0, f0, k0) = (insert.Parameters.Add(new SqliteParameter("$r", 0L)), insert.Parameters.Add(new SqliteParameter("$f", "")), insert.Parameters.Add(new SqliteParameter("$k", "")));
            while (true)
            {
                var rows = new List<(long Rid, string Folded, string Facets)>();
                using (var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await r.ReadAsync(ct).ConfigureAwait(false))
                        rows.Add((r.GetInt64(0), SearchFolding.Fold(r.GetString(1)), SqliteQueries.Facets(r.GetString(2), Str(r, 3), Str(r, 4))));
                }
                if (rows.Count == 0) break;
                foreach (var (rid, folded, facets) in rows)
                {
                    (r0.Value, f0.Value, k0.Value) = (rid, folded, facets);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                after.Value = rows[^1].Rid;
            }
            using (var cmd = _writer.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO documents_fts(documents_fts) VALUES ('optimize'); PRAGMA user_version = {SchemaVersion};";
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            tx.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
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
            var removals = 0;
            foreach (var item in batch)
            {
                switch (item)
                {
                    case StoreFile s:
                        w.SetPath(s.File.Path, s.File.Sha256);
                        if (w.HasDocuments(s.File.Sha256))
                        {
                            w.DeleteDocuments(s.File.Sha256);
                            removals++;
                        }
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
            w.NextGeneration(removed: removals > 0);
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
            using (var w = new SqliteWriter(_writer, tx)) w.NextGeneration(removed: removed > 0);
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
        // Pooled connections keep these; setting them again is a no-op.
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA mmap_size = {_options.MmapBytes}; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return c;
    }

    /// <summary>The store's generation as this connection (or its transaction) sees it.</summary>
    private static async Task<(long Generation, long Removals)> GenerationAsync(SqliteConnection c, SqliteTransaction? tx, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT generation, removals FROM store_generation WHERE id = 1";
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? (r.GetInt64(0), r.GetInt64(1)) : (0, 0);
    }

    /// <summary>Documents holding each term, as counted for IDF, kept for one generation (counting costs ~5 ms a common term).</summary>
    private sealed record TermFrequencies(long Generation)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, double> Counts { get; } = new(StringComparer.Ordinal);
    }

    private static string CacheKey(string kind, long generation, params object?[] parts) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}|{generation}|{string.Join('|', parts)}");

    public async Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken)
    {
        await _ledgerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cmd = _ledgerLookup ??= await OpenLedgerLookupAsync(cancellationToken).ConfigureAwait(false);
            cmd.Parameters[0].Value = sha256;
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new LedgerEntry(r.GetString(0), r.GetString(1), ParseStatus(r.GetString(2)), Str(r, 3), r.GetInt32(4));
        }
        finally
        {
            _ledgerGate.Release();
        }
    }

    /// <summary>
    /// The bulk loader asks the ledger about every file it reads: one kept connection with the statement prepared once,
    /// not a pooled connection (three PRAGMAs) and a newly prepared statement per file. Each lookup is its own read
    /// transaction, so it never holds back the writer's checkpoints.
    /// </summary>
    private async Task<SqliteCommand> OpenLedgerLookupAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder(_readConnectionString) { Pooling = false }.ToString());
        await c.OpenAsync(ct).ConfigureAwait(false);
        var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sha256, path, status, reason, documents FROM files WHERE sha256 = $s";
        cmd.Parameters.Add(new SqliteParameter("$s", ""));
        cmd.Prepare();
        _ledger = c;
        return cmd;
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

    /// <summary>A citing document from a row of <see cref="SummaryColumns"/> followed by the edge's key, number, title, relation.</summary>
    private static CitingDocument ReadCiting(SqliteDataReader r) =>
        new(ReadSummary(r), r.GetString(12), Str(r, 13) ?? Str(r, 14), r.GetString(15));

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SqliteQueries.Tokens(SearchFolding.Fold(query.Text));
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var (generation, _) = await GenerationAsync(c, null, cancellationToken).ConfigureAwait(false);
        var key = CacheKey("search", generation, query);
        if (_answers.TryGet<IReadOnlyList<SearchHit>>(key, out var cached)) return cached;
        var hits = terms.Count == 0
            ? await ListAsync(c, query, cancellationToken).ConfigureAwait(false)
            : await RankAsync(c, query, terms, generation, cancellationToken).ConfigureAwait(false);
        _answers.Set(key, hits, hits.Count);
        return hits;
    }

    private async Task<IReadOnlyList<SearchHit>> RankAsync(SqliteConnection c, SearchQuery query, List<string> terms, long generation, CancellationToken cancellationToken)
    {
        var exact = query.Exact;
        var phrase = exact ? SqliteQueries.ExactPhrase(query.Text) : "";

        // Phase 1: candidates, newest rows first, at most RankedCandidates of them. Filters on type, level and province
        // are facet tokens inside the FTS query (FTS5 intersects posting lists); every filter is also checked on the row.
        var candidates = new List<long>();
        using (var cmd = c.CreateCommand())
        {
            var sql = new StringBuilder("SELECT documents_fts.rowid FROM documents_fts");
            var filters = new StringBuilder();
            SqliteQueries.AddDocumentFilters(query, filters, cmd);
            if (filters.Length > 0) sql.Append(" JOIN documents d ON d.rid = documents_fts.rowid");
            sql.Append(" WHERE documents_fts MATCH $q").Append(filters).Append(" ORDER BY documents_fts.rowid DESC LIMIT $cap");
            cmd.Parameters.AddWithValue("$q", SqliteQueries.MatchExpression(terms, phrase: false, query));
            // An exact phrase is checked on each candidate's text: more candidates, as some hold the words apart.
            cmd.Parameters.AddWithValue("$cap", exact ? 4L * _options.RankedCandidates : _options.RankedCandidates);
            cmd.CommandText = sql.ToString();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) candidates.Add(r.GetInt64(0));
        }
        if (candidates.Count == 0) return [];

        // Phase 2: BM25 over the candidates, term frequencies and lengths from their text (checked for the exact phrase).
        var stats = await CorpusStatsAsync(c, cancellationToken).ConfigureAwait(false);
        var idf = new List<double>(terms.Count);
        var frequencies = _frequencies;
        if (frequencies.Generation != generation) _frequencies = frequencies = new TermFrequencies(generation);
        foreach (var t in terms)
        {
            if (!frequencies.Counts.TryGetValue(t, out var df))
                frequencies.Counts[t] = df = await DocumentFrequencyAsync(c, t, stats, cancellationToken).ConfigureAwait(false);
            idf.Add(Bm25.Idf(stats.Documents, df));
        }
        var scored = new List<(long Rid, string Id, double Score)>(candidates.Count);
        var tf = new int[terms.Count];
        var termArray = terms.ToArray();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT d.rid, d.id, d.text FROM documents d WHERE d.rid IN (SELECT value FROM json_each($ids)) ORDER BY d.rid DESC";
            cmd.Parameters.AddWithValue("$ids", "[" + string.Join(',', candidates) + "]");
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // Newest first; an exact search stops once it holds as many phrase matches as a plain search ranks.
            while (scored.Count < _options.RankedCandidates && await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = r.GetString(2);
                if (exact && !SqliteQueries.ContainsExact(text, phrase)) continue;
                var length = Bm25.Count(text, termArray, tf);
                scored.Add((r.GetInt64(0), r.GetString(1), Bm25.Score(idf, tf, length, stats.AverageLength)));
            }
        }
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id));

        // Phase 3: the page's rows and their snippets.
        var hits = new List<SearchHit>(Math.Min(query.Limit, scored.Count));
        using var fetch = c.CreateCommand();
        fetch.CommandText = $"SELECT {SummaryColumns}, d.text FROM documents d WHERE d.rid = $rid";
        var rid = fetch.Parameters.Add(new SqliteParameter("$rid", 0L));
        foreach (var (id, _, score) in scored.Skip(Math.Max(0, query.Offset)).Take(Math.Max(0, query.Limit)))
        {
            rid.Value = id;
            using var r = await fetch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) continue;
            hits.Add(new SearchHit(ReadSummary(r), score, Snippets.Make(r.GetString(12), terms)));
        }
        return hits;
    }

    /// <summary>A search with no words: the filtered documents, newest first.</summary>
    private static async Task<IReadOnlyList<SearchHit>> ListAsync(SqliteConnection c, SearchQuery query, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder($"SELECT {SummaryColumns}, substr(d.text, 1, 400) FROM documents d WHERE 1 = 1");
        SqliteQueries.AddDocumentFilters(query, sql, cmd);
        sql.Append(" ORDER BY d.issued_date DESC, d.id LIMIT $limit OFFSET $offset");
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        cmd.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        cmd.CommandText = sql.ToString();
        var hits = new List<SearchHit>();
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) hits.Add(new SearchHit(ReadSummary(r), 0, Snippets.Make(r.GetString(12), [])));
        return hits;
    }

    private sealed record CorpusStats(double Documents, double AverageLength, long MinRid, long MaxRid);

    /// <summary>
    /// Documents and mean length in tokens, from FTS5's own totals record (row 1 of <c>documents_fts_data</c>: varints
    /// rows, then tokens per column), which it keeps current on every insert and delete; counted when unreadable.
    /// </summary>
    private static async Task<CorpusStats> CorpusStatsAsync(SqliteConnection c, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT block FROM documents_fts_data WHERE id = 1), (SELECT min(rid) FROM documents), (SELECT max(rid) FROM documents)";
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await r.ReadAsync(ct).ConfigureAwait(false);
        long min = r.IsDBNull(1) ? 0 : r.GetInt64(1), max = r.IsDBNull(2) ? 0 : r.GetInt64(2);
        if (!r.IsDBNull(0) && r.GetValue(0) is byte[] block)
        {
            var at = 0;
            if (Varint.TryRead(block, ref at, out var rows) && Varint.TryRead(block, ref at, out var tokens) && rows > 0)
                return new CorpusStats(rows, tokens / (double)rows, min, max);
        }
        using var count = c.CreateCommand();
        count.CommandText = "SELECT count(*), avg(length(text)) / 5.0 FROM documents";
        using var r2 = await count.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await r2.ReadAsync(ct).ConfigureAwait(false);
        return new CorpusStats(Math.Max(1, r2.GetInt64(0)), r2.IsDBNull(1) ? 1 : r2.GetDouble(1), min, max);
    }

    /// <summary>
    /// How many documents hold a term: counted exactly up to <see cref="SqliteStoreOptions.FrequencySample"/>; beyond
    /// that, extrapolated from the row ids the sample spans (row ids are spread evenly over the archive's documents).
    /// </summary>
    private async Task<double> DocumentFrequencyAsync(SqliteConnection c, string term, CorpusStats stats, CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*), min(rowid) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH $t ORDER BY rowid DESC LIMIT $n)";
        cmd.Parameters.AddWithValue("$t", "folded : " + SqliteQueries.Quote(term));
        cmd.Parameters.AddWithValue("$n", _options.FrequencySample);
        using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await r.ReadAsync(ct).ConfigureAwait(false);
        var n = r.GetInt64(0);
        if (n < _options.FrequencySample || r.IsDBNull(1)) return n;
        var spanned = stats.MaxRid - r.GetInt64(1) + 1;
        var all = stats.MaxRid - stats.MinRid + 1;
        return Math.Min(stats.Documents, n * (double)all / Math.Max(1, spanned));
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var (generation, _) = await GenerationAsync(c, null, cancellationToken).ConfigureAwait(false);
        var key = CacheKey("citing", generation, query, filter);
        if (_answers.TryGet<IReadOnlyList<CitingDocument>>(key, out var cached)) return cached;
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder($"SELECT {SummaryColumns}, c.key, c.number, c.title, c.relation FROM citations c JOIN documents d ON d.id = c.doc_id WHERE ");
        if (!SqliteQueries.AddCitedCondition(query, "c", sql, cmd)) return [];
        SqliteQueries.AddCitingFilter(filter, sql, cmd);
        sql.Append(" ORDER BY d.issued_date, d.id");
        cmd.CommandText = sql.ToString();
        var result = new List<CitingDocument>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(ReadCiting(r));
        _answers.Set(key, result, result.Count);
        return result;
    }

    /// <summary>
    /// A page of citing documents: the page's edges are picked on the covering index (no documents row is read for the
    /// edges skipped), then joined to their rows.
    /// </summary>
    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CitingPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var (generation, _) = await GenerationAsync(c, null, cancellationToken).ConfigureAwait(false);
        var key = CacheKey("citing-page", generation, query, filter, page);
        if (_answers.TryGet<IReadOnlyList<CitingDocument>>(key, out var cached)) return cached;
        using var cmd = c.CreateCommand();
        // Every column of the order is in the covering index (doc_id and seq are its key), so the edges skipped are
        // never read from the table.
        const string order = "{0}.province IS NULL, {0}.province, {0}.issuer_name IS NULL, {0}.issuer_name, {0}.issued_date IS NOT NULL, {0}.issued_date, {0}.doc_id, {0}.seq";
        var sql = new StringBuilder("SELECT c.doc_id, c.seq FROM citations c WHERE ");
        if (!SqliteQueries.AddCitedCondition(query, "c", sql, cmd)) return [];
        SqliteQueries.AddCitingFilter(filter, sql, cmd);
        sql.Append(" ORDER BY ").Append(string.Format(CultureInfo.InvariantCulture, order, "c")).Append(" LIMIT $limit OFFSET $offset");
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, page.Limit));
        cmd.Parameters.AddWithValue("$offset", Math.Max(0, page.Offset));
        cmd.CommandText = $"""
            SELECT {SummaryColumns}, e.key, e.number, e.title, e.relation FROM ({sql}) p
            JOIN citations e ON e.doc_id = p.doc_id AND e.seq = p.seq JOIN documents d ON d.id = p.doc_id
            ORDER BY {string.Format(CultureInfo.InvariantCulture, order, "e")}
            """;
        var result = new List<CitingDocument>();
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(ReadCiting(r));
        _answers.Set(key, result, result.Count);
        return result;
    }

    public async Task<IReadOnlyList<FacetCount>> CountCoCitedAsync(CitationQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<(string Key, long Count, string First)>();
        using (var cmd = c.CreateCommand())
        {
            // The edges of the citing documents, less those to the queried document: an edge is left out when an edge of
            // the same document to the same base key matches the query. In that probe the columns carry a unary plus so
            // SQLite looks the edges up by document (3 rows) rather than by cited key (up to 20,000).
            var sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT DISTINCT c1.doc_id FROM citations c1 WHERE ");
            if (!SqliteQueries.AddCitedCondition(query, "c1", sql, cmd)) return [];
            sql.Append("""
                ) SELECT c2.base_key, count(DISTINCT c2.doc_id) AS n, min(c2.doc_id || char(9) || printf('%010d', c2.seq))
                FROM m JOIN citations c2 ON c2.doc_id = m.doc_id
                WHERE NOT EXISTS (SELECT 1 FROM citations c3 WHERE c3.doc_id = c2.doc_id AND +c3.base_key = c2.base_key AND 
                """);
            SqliteQueries.AddCitedCondition(query, "+c3", sql, cmd, "_3");
            sql.Append(") GROUP BY c2.base_key ORDER BY n DESC, c2.base_key LIMIT $limit");
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.CommandText = sql.ToString();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) counts.Add((r.GetString(0), r.GetInt64(1), r.GetString(2)));
        }
        var result = new List<FacetCount>(counts.Count);
        // Named as the first co-citing edge (by citing document, then position) spells it.
        using var label = c.CreateCommand();
        label.CommandText = "SELECT type, number, title FROM citations WHERE doc_id = $d AND seq = $s";
        var (doc, seq) = (label.Parameters.Add(new SqliteParameter("$d", "")), label.Parameters.Add(new SqliteParameter("$s", 0L)));
        foreach (var (key, count, first) in counts)
        {
            var tab = first.LastIndexOf('\t');
            (doc.Value, seq.Value) = (first[..tab], long.Parse(first[(tab + 1)..], CultureInfo.InvariantCulture));
            using var r = await label.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var name = await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? CitationLabels.Of(Str(r, 0), Str(r, 1), Str(r, 2), key) : key;
            result.Add(new FacetCount([key], count) { Label = name });
        }
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
        var (generation, _) = await GenerationAsync(c, null, cancellationToken).ConfigureAwait(false);
        var key = CacheKey("documents", generation, string.Join(',', query.GroupBy), query.Filter, query.Limit);
        if (_answers.TryGet<IReadOnlyList<FacetCount>>(key, out var cached)) return cached;
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
        var counts = await ReadFacetsAsync(cmd, groups.Count, labelled: false, cancellationToken).ConfigureAwait(false);
        _answers.Set(key, counts, counts.Count);
        return counts;
    }

    public async Task<IReadOnlyList<FacetCount>> CountCitationsAsync(CitationFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GroupBy.Count is 0 or > 2) throw new ArgumentException("group by one or two fields", nameof(query));
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var (generation, _) = await GenerationAsync(c, null, cancellationToken).ConfigureAwait(false);
        var key = CacheKey("citations", generation, string.Join(',', query.GroupBy), query.Cited, query.Filter, query.Limit);
        if (_answers.TryGet<IReadOnlyList<FacetCount>>(key, out var cached)) return cached;
        using var cmd = c.CreateCommand();
        var groups = query.GroupBy.Select(SqliteQueries.Column).ToList();
        var labelled = query.GroupBy.Contains(CitationField.CitedKey);
        var label = labelled ? ", max(c.type), max(c.number), max(c.title)" : "";
        var sql = new StringBuilder($"SELECT {string.Join(", ", groups.Select((g, i) => $"{g} AS g{i}"))}, count(*) AS n{label} FROM citations c WHERE 1 = 1");
        if (query.Cited is { } cited)
        {
            sql.Append(" AND ");
            if (!SqliteQueries.AddCitedCondition(cited, "c", sql, cmd)) return [];
        }
        SqliteQueries.AddCitingFilter(query.Filter, sql, cmd);
        sql.Append($" GROUP BY {string.Join(", ", groups.Select((_, i) => "g" + i))} ORDER BY n DESC, {string.Join(", ", groups.Select((_, i) => "g" + i))} LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.CommandText = sql.ToString();
        var counts = await ReadFacetsAsync(cmd, groups.Count, labelled, cancellationToken).ConfigureAwait(false);
        _answers.Set(key, counts, counts.Count);
        return counts;
    }

    /// <summary>
    /// A search's facets in one pass: the matching row ids (from the full-text index, which also narrows by the type,
    /// level and province tokens) are counted against the in-memory facet columns, every field at once. Reads happen in
    /// one transaction, so the columns and the matches are of the same generation.
    /// </summary>
    public async Task<MatchFacets> CountMatchesAsync(MatchFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        using var tx = c.BeginTransaction(deferred: true);
        var (generation, removals) = await GenerationAsync(c, tx, cancellationToken).ConfigureAwait(false);
        var filter = query.Filter with { Limit = 20, Offset = 0 };
        var key = CacheKey("facets", generation, string.Join(',', query.Fields), filter, query.Limit);
        if (_answers.TryGet<MatchFacets>(key, out var cached)) return cached;
        var columns = await ColumnsAsync(c, tx, generation, removals, cancellationToken).ConfigureAwait(false);
        var rows = columns.Compile(filter);
        var tallies = query.Fields.Select(columns.TallyOf).ToList();
        var total = 0L;
        var terms = SqliteQueries.Tokens(SearchFolding.Fold(filter.Text));
        var exact = filter.Exact && filter.Text.Trim().Length > 0;
        if (terms.Count == 0 && filter.Cites is null && !exact)
        {
            foreach (var rid in columns.Rows()) Count(rid);
        }
        else if (filter.Cites is null && !exact)
        {
            // The words' row sets intersected; type, level and province are checked on the columns.
            var sets = new List<RowSet>(terms.Count);
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
                sets.Add(await TermSetAsync(c, tx, generation, columns.MaxRid, term, cancellationToken).ConfigureAwait(false));
            foreach (var rid in RowSet.Intersect(sets).Ids()) Count(rid);
        }
        else
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var sql = new StringBuilder();
            var join = new StringBuilder();
            if (filter.Cites is { } cited)
            {
                join.Append(" AND d.id IN (SELECT cc.doc_id FROM citations cc WHERE ");
                if (SqliteQueries.AddCitedCondition(cited, "cc", join, cmd, "_s")) join.Append(')');
                else join.Clear().Append(" AND 0");
            }
            if (exact) SqliteQueries.AddExactFilter(c, filter.Text, join, cmd);
            if (terms.Count == 0)
            {
                sql.Append("SELECT d.rid AS rid FROM documents d WHERE 1 = 1").Append(join);
            }
            else
            {
                sql.Append("SELECT documents_fts.rowid AS rid FROM documents_fts");
                if (join.Length > 0) sql.Append(" JOIN documents d ON d.rid = documents_fts.rowid");
                sql.Append(" WHERE documents_fts MATCH $q").Append(join);
                cmd.Parameters.AddWithValue("$q", SqliteQueries.MatchExpression(terms, phrase: false, filter));
            }
            // Row ids come back as one comma-separated text: stepping a reader costs ~0.7 µs a row, three times what
            // FTS5 spends finding it, and a common word matches most of the archive.
            cmd.CommandText = "SELECT group_concat(rid) FROM (" + sql + ")";
            var ids = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            foreach (var rid in RowSet.FromIds(ids, columns.MaxRid).Ids()) Count(rid);
        }
        var result = new MatchFacets(total, tallies.Select(t => t.Result(query.Limit)).ToList());
        _answers.Set(key, result, result.ByField.Sum(f => f.Count));
        return result;

        void Count(long rid)
        {
            if (!columns.Holds(rid) || !columns.Passes(rid, rows)) return;
            total++;
            foreach (var t in tallies) t.Add(rid);
        }
    }

    /// <summary>
    /// The documents whose text holds a term, for the generation the transaction sees: read from the full-text index
    /// once, then kept (as Lucene keeps the bit sets of frequent filters) until the store changes.
    /// </summary>
    private async Task<RowSet> TermSetAsync(SqliteConnection c, SqliteTransaction tx, long generation, long maxRid, string term, CancellationToken ct)
    {
        var key = CacheKey("rows", generation, term);
        if (_termSets.TryGet<RowSet>(key, out var set)) return set;
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT group_concat(rowid) FROM documents_fts WHERE documents_fts MATCH $t";
        cmd.Parameters.AddWithValue("$t", "folded : " + SqliteQueries.Quote(term));
        set = RowSet.FromIds(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string, maxRid);
        _termSets.Set(key, set, set.Words);
        return set;
    }

    /// <summary>The facet columns of the generation a read transaction sees: the shared snapshot, brought up to date once.</summary>
    private async Task<FacetColumns> ColumnsAsync(SqliteConnection c, SqliteTransaction tx, long generation, long removals, CancellationToken ct)
    {
        var current = Volatile.Read(ref _columns);
        if (current.Generation == generation && current.Removals == removals) return current;
        await _columnsGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            current = _columns;
            if (current.Generation == generation && current.Removals == removals) return current;
            // A writer moved on after this transaction began and another reader already saw it: a private snapshot.
            if (current.Generation > generation) return FacetColumns.Load(c, tx, FacetColumns.Empty, generation, removals);
            var next = FacetColumns.Load(c, tx, current, generation, removals);
            Volatile.Write(ref _columns, next);
            return next;
        }
        finally
        {
            _columnsGate.Release();
        }
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
            "SELECT 'cite', doc_id, seq, key, base_key, number, num, year, type, type_folded, title, relation, cited_date, cited_issuer, level, province, province_key, issuer_name, commune, issued_date FROM citations ORDER BY doc_id, seq",
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
        _ledgerLookup?.Dispose();
        if (_ledger is not null) await _ledger.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        using (var c = new SqliteConnection(_readConnectionString)) SqliteConnection.ClearPool(c);
        _writeGate.Dispose();
        _ledgerGate.Dispose();
        _columnsGate.Dispose();
    }
}
