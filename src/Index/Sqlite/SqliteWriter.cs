using System.Globalization;
using DocIntel.Extract.Contract;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Symbols;
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

    public void InsertDocument(ExtractedDocument doc)
    {
        var a = doc.Analysis;
        var partText = doc.Text.Substring(a.PartSpan.Start, a.PartSpan.Length);
        var insert = Command("""
            INSERT INTO documents(id, sha256, part, path, doc_type, number, sym_key, issued_date, place, issuer_name, issuer_key,
                issuer_parent, level, province, province_key, district, commune, subject, signer_name, json, text)
            VALUES ($id, $sha, $part, $path, $type, $num, $sym, $date, $place, $iname, $ikey, $iparent, $level, $prov, $pkey,
                $dist, $comm, $subj, $signer, $json, $text)
            RETURNING rid
            """, "$id", "$sha", "$part", "$path", "$type", "$num", "$sym", "$date", "$place", "$iname", "$ikey", "$iparent",
            "$level", "$prov", "$pkey", "$dist", "$comm", "$subj", "$signer", "$json", "$text");
        var number = a.Number?.Value;
        Bind(insert, doc.Id, doc.Source.Sha256, doc.Source.Part, doc.Source.Path, a.DocType, number,
            number is null ? null : DocumentSymbol.Normalize(number), Iso(a.IssuedDate?.Value), a.Place?.Value,
            a.Issuer?.Name, Key(a.Issuer?.Name), a.Issuer?.Parent, a.Issuer?.Level, a.Issuer?.Province, Key(a.Issuer?.Province),
            a.Issuer?.District, a.Issuer?.Commune, a.Subject?.Value, a.Signer?.Name,
            ExtractJson.ToJson(doc).ToJsonString(ExtractJson.Compact), partText);
        var rid = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        var fts = Command("INSERT INTO documents_fts(rowid, folded) VALUES ($r, $f)", "$r", "$f");
        Bind(fts, rid, SearchFolding.Fold(partText));
        fts.ExecuteNonQuery();

        var cite = Command("""
            INSERT INTO citations(doc_id, seq, key, base_key, number, num, year, type, type_folded, title, relation, cited_date, cited_issuer)
            VALUES ($d, $q, $k, $bk, $n, $num, $y, $t, $tf, $title, $rel, $date, $iss)
            """, "$d", "$q", "$k", "$bk", "$n", "$num", "$y", "$t", "$tf", "$title", "$rel", "$date", "$iss");
        var seq = 0;
        foreach (var c in a.Citations)
        {
            DocumentSymbol? symbol = null;
            if (c.Number is not null) DocumentSymbol.TryParse(c.Number, out symbol);
            int? year = symbol?.Year ?? (symbol is not null ? c.Date?.Year : null);
            Bind(cite, doc.Id, seq++, c.Key, BaseKey(c.Key), c.Number, symbol?.Number.TrimStart('0') is { Length: > 0 } n ? n : symbol is null ? null : "0",
                year, c.Type, c.Type is null ? null : SearchFolding.Fold(c.Type), c.Title, c.Relation, Iso(c.Date), c.Issuer);
            cite.ExecuteNonQuery();
        }
    }

    /// <summary>Registry keys may carry a disambiguating suffix (<c>KEY@date</c>); queries match the base.</summary>
    internal static string BaseKey(string key) => key.Split('@')[0];

    internal static string? Key(string? name) => name is null ? null : SearchFolding.Fold(name).Trim();

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var c in _commands.Values) c.Dispose();
    }
}
