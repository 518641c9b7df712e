namespace DocIntel.Index.Sqlite;

/// <summary>The tables of the embedded store. Keyword columns are exact values; <c>*_key</c> columns are folded for matching.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS files (
            sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT,
            documents INTEGER NOT NULL DEFAULT 0, read_ms REAL, pipeline_ms REAL, pages INTEGER, ocr_pages INTEGER,
            updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS file_paths (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS file_paths_sha ON file_paths(sha256);
        CREATE TABLE IF NOT EXISTS documents (
            rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, part INTEGER NOT NULL, path TEXT NOT NULL,
            doc_type TEXT NOT NULL, number TEXT, sym_key TEXT, issued_date TEXT, place TEXT, issuer_name TEXT, issuer_key TEXT,
            issuer_parent TEXT, level TEXT, province TEXT, province_key TEXT, district TEXT, commune TEXT, subject TEXT,
            signer_name TEXT, json TEXT NOT NULL, text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
        CREATE INDEX IF NOT EXISTS documents_sym ON documents(sym_key);
        CREATE INDEX IF NOT EXISTS documents_date ON documents(issued_date);
        CREATE INDEX IF NOT EXISTS documents_level ON documents(level, province_key);
        CREATE INDEX IF NOT EXISTS documents_province ON documents(province_key);
        CREATE TABLE IF NOT EXISTS citations (
            doc_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, base_key TEXT NOT NULL, number TEXT, num TEXT,
            year INTEGER, type TEXT, type_folded TEXT, title TEXT, relation TEXT NOT NULL, cited_date TEXT, cited_issuer TEXT,
            PRIMARY KEY (doc_id, seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS citations_key ON citations(base_key, relation);
        CREATE INDEX IF NOT EXISTS citations_num ON citations(num, year);
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(folded, content = '', contentless_delete = 1,
            tokenize = "unicode61 remove_diacritics 2");
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts_vocab USING fts5vocab(documents_fts, 'row');
        """;
}
