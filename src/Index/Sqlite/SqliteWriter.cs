using System.Globalization;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

namespace DocIntel.Index.Sqlite;

/// <summary>The statements of one write transaction, prepared once and reused for every row of the batch.</summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _c;
    private readonly SqliteTransaction _tx;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _c = connection;
        _tx = transaction;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        if (_commands.TryGetValue(sql, out var cmd)) return cmd;
        cmd = _c.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
        _commands[sql] = cmd;
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public FileStatus? StatusOf(string sha256)
    {
        var cmd = Command("SELECT status FROM files WHERE sha256 = $s", "$s");
        Bind(cmd, sha256);
        return cmd.ExecuteScalar() is string s ? SqliteDocumentStore.ParseStatus(s) : null;
    }

    /// <summary>A path holds one content: seeing it with new content moves it (the old content is swept later if orphaned).</summary>
    public void SetPath(string path, string sha256)
    {
        var cmd = Command("INSERT INTO file_paths(path, sha256) VALUES ($p, $s) ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256 WHERE sha256 <> excluded.sha256", "$p", "$s");
        Bind(cmd, path, sha256);
        cmd.ExecuteNonQuery();
    }

    public void DeletePath(string path)
    {
        var cmd = Command("DELETE FROM file_paths WHERE path = $p", "$p");
        Bind(cmd, path);
        cmd.ExecuteNonQuery();
    }

    public void UpsertFile(FileRecord file, FileStatus status, string? reason, int documents)
    {
        var cmd = Command("""
            INSERT INTO files(sha256, path, size, status, reason, documents, read_ms, pipeline_ms, pages, ocr_pages, updated_at)
            VALUES ($s, $p, $z, $st, $r, $d, $rm, $pm, $pg, $op, $u)
            ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size, status = excluded.status,
                reason = excluded.reason, documents = excluded.documents, read_ms = excluded.read_ms, pipeline_ms = excluded.pipeline_ms,
                pages = excluded.pages, ocr_pages = excluded.ocr_pages, updated_at = excluded.updated_at
            """, "$s", "$p", "$z", "$st", "$r", "$d", "$rm", "$pm", "$pg", "$op", "$u");
        var t = file.Timings;
        Bind(cmd, file.Sha256, file.Path, file.Size, status.ToString().ToLowerInvariant(), reason, documents,
            t?.ReadMs, t?.PipelineMs, t?.Pages, t?.OcrPages, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    public void DeleteDocuments(string sha256)
    {
        foreach (var sql in new[]
        {
            "DELETE FROM citations WHERE doc_id IN (SELECT id FROM documents WHERE sha256 = $s)",
            "DELETE FROM documents_fts WHERE rowid IN (SELECT rid FROM documents WHERE sha256 = $s)",
            "DELETE FROM documents WHERE sha256 = $s",
        })
        {
            var cmd = Command(sql, "$s");
            Bind(cmd, sha256);
            cmd.ExecuteNonQuery();
        }
    }

    public void InsertDocument(IndexedDocument d)
    {
        var insert = Command("""
            INSERT INTO documents(id, sha256, part, path, doc_type, number, sym_key, issued_date, place, issuer_name, issuer_key,
                issuer_parent, level, province, province_key, district, commune, subject, signer_name, json, text)
            VALUES ($id, $sha, $part, $path, $type, $num, $sym, $date, $place, $iname, $ikey, $iparent, $level, $prov, $pkey,
                $dist, $comm, $subj, $signer, $json, $text)
            RETURNING rid
            """, "$id", "$sha", "$part", "$path", "$type", "$num", "$sym", "$date", "$place", "$iname", "$ikey", "$iparent",
            "$level", "$prov", "$pkey", "$dist", "$comm", "$subj", "$signer", "$json", "$text");
        Bind(insert, d.Id, d.Sha256, d.Part, d.Path, d.DocType, d.Number, d.SymbolKey, d.IssuedDate, d.Place, d.IssuerName, d.IssuerKey,
            d.IssuerParent, d.Level, d.Province, d.ProvinceKey, d.District, d.Commune, d.Subject, d.SignerName, d.Json, d.Text);
        var rid = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        var fts = Command("INSERT INTO documents_fts(rowid, folded, facets) VALUES ($r, $f, $k)", "$r", "$f", "$k");
        Bind(fts, rid, d.FoldedText, SqliteQueries.Facets(d.DocType, d.Level, d.ProvinceKey));
        fts.ExecuteNonQuery();
        var cite = Command("""
            INSERT INTO citations(doc_id, seq, key, base_key, number, num, year, type, type_folded, title, relation, cited_date, cited_issuer,
                level, province, province_key, issuer_name, commune, issued_date)
            VALUES ($d, $q, $k, $bk, $n, $num, $y, $t, $tf, $title, $rel, $date, $iss, $lv, $pv, $pk, $in, $cm, $id)
            """, "$d", "$q", "$k", "$bk", "$n", "$num", "$y", "$t", "$tf", "$title", "$rel", "$date", "$iss", "$lv", "$pv", "$pk", "$in", "$cm", "$id");
        foreach (var c in d.Citations)
        {
            // The citing document's fields ride along on its edges: "who cites X" filters and groups without a join.
            Bind(cite, d.Id, c.Seq, c.Key, c.BaseKey, c.Number, c.Num, c.Year, c.Type, c.TypeFolded, c.Title, c.Relation, c.Date, c.Issuer,
                d.Level, d.Province, d.ProvinceKey, d.IssuerName, d.Commune, d.IssuedDate);
            cite.ExecuteNonQuery();
        }
    }

    /// <summary>Marks the batch as a new generation of the store (readers drop what they derived from the old one).</summary>
    public void NextGeneration(bool removed)
    {
        var cmd = Command("UPDATE store_generation SET generation = generation + 1, removals = removals + $r WHERE id = 1", "$r");
        Bind(cmd, removed ? 1 : 0);
        cmd.ExecuteNonQuery();
    }

    /// <summary>True when some document of this content is stored (so replacing it needs deletes).</summary>
    public bool HasDocuments(string sha256)
    {
        var cmd = Command("SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = $s)", "$s");
        Bind(cmd, sha256);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    internal static string BaseKey(string key) => IndexedDocument.BaseKeyOf(key);

    internal static string? Key(string? name) => IndexedDocument.KeyOf(name);

    public void Dispose()
    {
        foreach (var c in _commands.Values) c.Dispose();
    }
}
