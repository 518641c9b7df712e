using System.Globalization;
using System.Text;
using System.Text.Json;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

namespace DocIntel.Index.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file (WAL), a ledger of files by SHA-256, documents, citation edges,
/// and an FTS5 index over folded text (lower case, no diacritics, đ → d, folded on both sides).
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteDocumentStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
    }

    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
        await ExecAsync("""
            CREATE TABLE IF NOT EXISTS files (
                sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, status TEXT NOT NULL,
                reason TEXT, documents INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS file_paths (sha256 TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (sha256, path));
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, part INTEGER NOT NULL, path TEXT NOT NULL, doc_type TEXT NOT NULL,
                number TEXT, issued_date TEXT, place TEXT, issuer_name TEXT, issuer_parent TEXT, level TEXT, province TEXT,
                district TEXT, commune TEXT, subject TEXT, signer_name TEXT, json TEXT NOT NULL, text TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
            CREATE TABLE IF NOT EXISTS citations (
                doc_id TEXT NOT NULL, key TEXT NOT NULL, base_key TEXT NOT NULL, number TEXT, num TEXT, year INTEGER,
                type TEXT, type_folded TEXT, title TEXT, relation TEXT NOT NULL, cited_date TEXT, cited_issuer TEXT);
            CREATE INDEX IF NOT EXISTS citations_key ON citations(base_key);
            CREATE INDEX IF NOT EXISTS citations_num ON citations(num, year);
            CREATE INDEX IF NOT EXISTS citations_doc ON citations(doc_id);
            CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(doc_id UNINDEXED, folded, tokenize = "unicode61 remove_diacritics 2");
            """, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT sha256, path, status, reason, documents FROM files WHERE sha256 = $s";
            cmd.Parameters.AddWithValue("$s", sha256);
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new LedgerEntry(r.GetString(0), r.GetString(1), Enum.Parse<FileStatus>(r.GetString(2), ignoreCase: true), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StoreAsync(FileRecord file, IReadOnlyList<ExtractedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(documents);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            await DeleteDocumentsAsync(file.Sha256, tx, cancellationToken).ConfigureAwait(false);
            foreach (var doc in documents) await InsertDocumentAsync(doc, tx, cancellationToken).ConfigureAwait(false);
            await UpsertFileAsync(file, FileStatus.Done, null, documents.Count, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task AddPathAsync(FileRecord file, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT OR IGNORE INTO file_paths(sha256, path) VALUES ($s, $p)";
            cmd.Parameters.AddWithValue("$s", file.Sha256);
            cmd.Parameters.AddWithValue("$p", file.Path);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RecordFailureAsync(FileRecord file, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            await UpsertFileAsync(file, FileStatus.Failed, reason, 0, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UpsertFileAsync(FileRecord file, FileStatus status, string? reason, int documents, SqliteTransaction tx, CancellationToken ct)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO files(sha256, path, size, status, reason, documents, updated_at) VALUES ($s, $p, $z, $st, $r, $d, $u)
            ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size, status = excluded.status,
                reason = excluded.reason, documents = excluded.documents, updated_at = excluded.updated_at;
            INSERT OR IGNORE INTO file_paths(sha256, path) VALUES ($s, $p);
            """;
        cmd.Parameters.AddWithValue("$s", file.Sha256);
        cmd.Parameters.AddWithValue("$p", file.Path);
        cmd.Parameters.AddWithValue("$z", file.Size);
        cmd.Parameters.AddWithValue("$st", status.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$r", (object?)reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$d", documents);
        cmd.Parameters.AddWithValue("$u", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task DeleteDocumentsAsync(string sha256, SqliteTransaction tx, CancellationToken ct)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            DELETE FROM citations WHERE doc_id IN (SELECT id FROM documents WHERE sha256 = $s);
            DELETE FROM documents_fts WHERE doc_id IN (SELECT id FROM documents WHERE sha256 = $s);
            DELETE FROM documents WHERE sha256 = $s;
            """;
        cmd.Parameters.AddWithValue("$s", sha256);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task InsertDocumentAsync(ExtractedDocument doc, SqliteTransaction tx, CancellationToken ct)
    {
        var a = doc.Analysis;
        var partText = doc.Text.Substring(a.PartSpan.Start, a.PartSpan.Length);
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO documents(id, sha256, part, path, doc_type, number, issued_date, place, issuer_name, issuer_parent, level,
                    province, district, commune, subject, signer_name, json, text)
                VALUES ($id, $sha, $part, $path, $type, $num, $date, $place, $iname, $iparent, $level, $prov, $dist, $comm, $subj, $signer, $json, $text);
                INSERT INTO documents_fts(doc_id, folded) VALUES ($id, $folded);
                """;
            cmd.Parameters.AddWithValue("$id", doc.Id);
            cmd.Parameters.AddWithValue("$sha", doc.Source.Sha256);
            cmd.Parameters.AddWithValue("$part", doc.Source.Part);
            cmd.Parameters.AddWithValue("$path", doc.Source.Path);
            cmd.Parameters.AddWithValue("$type", a.DocType);
            cmd.Parameters.AddWithValue("$num", Db(a.Number?.Value));
            cmd.Parameters.AddWithValue("$date", Db(a.IssuedDate?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            cmd.Parameters.AddWithValue("$place", Db(a.Place?.Value));
            cmd.Parameters.AddWithValue("$iname", Db(a.Issuer?.Name));
            cmd.Parameters.AddWithValue("$iparent", Db(a.Issuer?.Parent));
            cmd.Parameters.AddWithValue("$level", Db(a.Issuer?.Level));
            cmd.Parameters.AddWithValue("$prov", Db(a.Issuer?.Province));
            cmd.Parameters.AddWithValue("$dist", Db(a.Issuer?.District));
            cmd.Parameters.AddWithValue("$comm", Db(a.Issuer?.Commune));
            cmd.Parameters.AddWithValue("$subj", Db(a.Subject?.Value));
            cmd.Parameters.AddWithValue("$signer", Db(a.Signer?.Name));
            cmd.Parameters.AddWithValue("$json", ExtractJson.ToJson(doc).ToJsonString(ExtractJson.Compact));
            cmd.Parameters.AddWithValue("$text", partText);
            cmd.Parameters.AddWithValue("$folded", SearchFolding.Fold(partText));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        foreach (var c in a.Citations)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO citations(doc_id, key, base_key, number, num, year, type, type_folded, title, relation, cited_date, cited_issuer)
                VALUES ($d, $k, $bk, $n, $num, $y, $t, $tf, $title, $rel, $date, $iss)
                """;
            DocumentSymbol? symbol = null;
            if (c.Number is not null) DocumentSymbol.TryParse(c.Number, out symbol);
            cmd.Parameters.AddWithValue("$d", doc.Id);
            cmd.Parameters.AddWithValue("$k", c.Key);
            cmd.Parameters.AddWithValue("$bk", c.Key.Split('@')[0]);
            cmd.Parameters.AddWithValue("$n", Db(c.Number));
            cmd.Parameters.AddWithValue("$num", Db(symbol?.Number.TrimStart('0')));
            cmd.Parameters.AddWithValue("$y", symbol?.Year is { } y ? y : c.Date?.Year is { } cy && symbol is not null ? cy : DBNull.Value);
            cmd.Parameters.AddWithValue("$t", Db(c.Type));
            cmd.Parameters.AddWithValue("$tf", Db(c.Type is null ? null : SearchFolding.Fold(c.Type)));
            cmd.Parameters.AddWithValue("$title", Db(c.Title));
            cmd.Parameters.AddWithValue("$rel", c.Relation);
            cmd.Parameters.AddWithValue("$date", Db(c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            cmd.Parameters.AddWithValue("$iss", Db(c.Issuer));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static object Db(string? s) => (object?)s ?? DBNull.Value;

    private const string SummaryColumns = "d.id, d.path, d.part, d.doc_type, d.number, d.issued_date, d.issuer_name, d.level, d.province, d.district, d.commune, d.subject";

    private static DocumentSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), Str(r, 4),
        Str(r, 5) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Str(r, 6), Str(r, 7), Str(r, 8), Str(r, 9), Str(r, 10), Str(r, 11));

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = Tokens(SearchFolding.Fold(query.Text));
        if (terms.Count == 0) return [];
        var match = string.Join(" ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var sql = new StringBuilder($"""
            SELECT {SummaryColumns}, bm25(documents_fts) AS score, d.text
            FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id
            WHERE documents_fts MATCH $q
            """);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.Parameters.AddWithValue("$q", match);
            AddFilters(query, sql, cmd);
            sql.Append(" ORDER BY score LIMIT $limit");
            cmd.Parameters.AddWithValue("$limit", query.Exact ? query.Limit * 10 : query.Limit);
            cmd.CommandText = sql.ToString();
            var hits = new List<SearchHit>();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = r.GetString(13);
                if (query.Exact && !text.Contains(VietnameseNormalizer.Default.Normalize(query.Text).Text.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
                hits.Add(new SearchHit(ReadSummary(r), -r.GetDouble(12), Snippets.Make(text, terms)));
                if (hits.Count >= query.Limit) break;
            }
            return hits;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void AddFilters(SearchQuery q, StringBuilder sql, SqliteCommand cmd)
    {
        if (q.DocType is not null) { sql.Append(" AND d.doc_type = $type"); cmd.Parameters.AddWithValue("$type", q.DocType); }
        if (q.Level is not null) { sql.Append(" AND d.level = $level"); cmd.Parameters.AddWithValue("$level", q.Level); }
        if (q.Province is not null) { sql.Append(" AND d.province = $prov"); cmd.Parameters.AddWithValue("$prov", q.Province); }
        if (q.Issuer is not null) { sql.Append(" AND d.issuer_name LIKE $iss"); cmd.Parameters.AddWithValue("$iss", "%" + q.Issuer + "%"); }
        if (q.From is { } f) { sql.Append(" AND d.issued_date >= $from"); cmd.Parameters.AddWithValue("$from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
        if (q.To is { } t) { sql.Append(" AND d.issued_date <= $to"); cmd.Parameters.AddWithValue("$to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
    }

    internal static List<string> Tokens(string folded)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"""
            SELECT {SummaryColumns}, c.key, c.number, c.title, c.relation
            FROM citations c JOIN documents d ON d.id = c.doc_id WHERE
            """);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            if (query.Key is not null)
            {
                sql.Append(" c.base_key = $key");
                cmd.Parameters.AddWithValue("$key", query.Key.Split('@')[0]);
            }
            else if (query.Number is not null)
            {
                sql.Append(" c.num = $num");
                cmd.Parameters.AddWithValue("$num", query.Number);
                if (query.Year is { } y) { sql.Append(" AND c.year = $year"); cmd.Parameters.AddWithValue("$year", y); }
                if (query.TypeName is { } t) { sql.Append(" AND c.type_folded = $tf"); cmd.Parameters.AddWithValue("$tf", SearchFolding.Fold(t)); }
            }
            else
            {
                return [];
            }
            sql.Append(" ORDER BY d.issued_date, d.id");
            cmd.CommandText = sql.ToString();
            var result = new List<CitingDocument>();
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                result.Add(new CitingDocument(ReadSummary(r), r.GetString(12), Str(r, 13) ?? Str(r, 14), r.GetString(15)));
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT (SELECT count(*) FROM files WHERE status = 'done'), (SELECT count(*) FROM files WHERE status = 'failed'),
                       (SELECT count(*) FROM documents), (SELECT count(*) FROM citations)
                """;
            using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new StoreCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ExecAsync(string sql, CancellationToken ct)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
