namespace DocIntel.Index.Sqlite;

/// <summary>The tables of the embedded store. Keyword columns are exact values; <c>*_key</c> columns are folded for matching.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Schema 3. Citation edges carry the citing document's keyword fields (level, province, issuer, commune, date), so
    /// "who cites X" filters and groups on a covering index without touching the documents table; the full-text index has
    /// a second column of facet tokens (type, level, province) so filters narrow the match inside FTS5.
    /// </summary>
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
        CREATE INDEX IF NOT EXISTS documents_facets ON documents(issued_date, doc_type, level, province_key);
        CREATE INDEX IF NOT EXISTS documents_level ON documents(level, province_key);
        CREATE INDEX IF NOT EXISTS documents_province ON documents(province_key);
        CREATE TABLE IF NOT EXISTS citations (
            doc_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, base_key TEXT NOT NULL, number TEXT, num TEXT,
            year INTEGER, type TEXT, type_folded TEXT, title TEXT, relation TEXT NOT NULL, cited_date TEXT, cited_issuer TEXT,
            level TEXT, province TEXT, province_key TEXT, issuer_name TEXT, commune TEXT, issued_date TEXT,
            PRIMARY KEY (doc_id, seq)) WITHOUT ROWID;
        """ + Indexes + Fts + Generation;

    /// <summary>
    /// How many write batches changed the store, and how many of them removed documents: readers keep what they derive
    /// from the data (facet columns, term statistics, cached answers) for one generation and know when to read again.
    /// </summary>
    public const string Generation = """
        CREATE TABLE IF NOT EXISTS store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL, removals INTEGER NOT NULL);
        INSERT OR IGNORE INTO store_generation VALUES (1, 0, 0);
        """;

    /// <summary>
    /// Indexes on the citation edges (built after the columns exist, also by the migration). <c>citations_cited</c> covers
    /// "who cites X" filtered and grouped by any field of the citing document, <c>citations_by_number</c> the same when X is
    /// named by number ("Nghị định 61/2023": no registry key, so every edge with that number, year and type); <c>citations_label</c> covers the
    /// most-cited tables (by relation, with the cited document's label).
    /// </summary>
    public const string Indexes = """
        CREATE INDEX IF NOT EXISTS citations_cited ON citations(base_key, level, province_key, issued_date, relation, province, issuer_name, commune);
        CREATE INDEX IF NOT EXISTS citations_label ON citations(relation, base_key, type, number, title);
        DROP INDEX IF EXISTS citations_number;
        CREATE INDEX IF NOT EXISTS citations_by_number ON citations(num, type_folded, year, level, province_key, issued_date, relation, province, issuer_name, commune);
        """;

    /// <summary>
    /// The full-text index keeps which column of which row holds a term, not positions (<c>detail = column</c>): about a
    /// third of the size and of the write cost of full detail. Ranking needs no positions (term frequencies come from
    /// the candidates' text) and an exact phrase is matched as all its words, then checked on the text.
    /// </summary>
    public const string Fts = """
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(folded, facets, content = '', contentless_delete = 1,
            detail = column, tokenize = "unicode61 remove_diacritics 2");
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts_vocab USING fts5vocab(documents_fts, 'row');
        """;

    /// <summary>
    /// FTS5 settings (kept in its config table): a 64 MB pending-term buffer so a batch flushes as one segment, and merges
    /// of 8 segments at a time rather than 4, so each posting is rewritten fewer times while an archive loads.
    /// </summary>
    public const string FtsTuning = """
        INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 67108864);
        INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 8);
        """;

    /// <summary>Schema 2 → 3: denormalise the citing document's fields into the edges; the FTS index is rebuilt by the caller.</summary>
    public const string MigrateFrom2 = """
        DROP INDEX IF EXISTS citations_key;
        DROP INDEX IF EXISTS citations_num;
        DROP INDEX IF EXISTS documents_date;
        CREATE INDEX IF NOT EXISTS documents_facets ON documents(issued_date, doc_type, level, province_key);
        ALTER TABLE citations ADD COLUMN level TEXT;
        ALTER TABLE citations ADD COLUMN province TEXT;
        ALTER TABLE citations ADD COLUMN province_key TEXT;
        ALTER TABLE citations ADD COLUMN issuer_name TEXT;
        ALTER TABLE citations ADD COLUMN commune TEXT;
        ALTER TABLE citations ADD COLUMN issued_date TEXT;
        UPDATE citations SET level = d.level, province = d.province, province_key = d.province_key, issuer_name = d.issuer_name,
            commune = d.commune, issued_date = d.issued_date FROM documents d WHERE d.id = citations.doc_id;
        DROP TABLE IF EXISTS documents_fts_vocab;
        DROP TABLE IF EXISTS documents_fts;
        """ + Indexes + Fts;
}
