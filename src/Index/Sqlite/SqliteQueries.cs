using System.Globalization;
using System.Text;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Normalization;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

namespace DocIntel.Index.Sqlite;

/// <summary>The SQL fragments the queries share: filters on documents, the cited-document condition, group columns.</summary>
internal static class SqliteQueries
{
    public static List<string> Tokens(string folded)
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

    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every term must occur (AND) in the text, or the terms in a row as one phrase when exact; plus the facet
    /// tokens of the query's type, level and province filters. Terms are quoted so no user input is read as FTS syntax.</summary>
    public static string MatchExpression(IReadOnlyList<string> terms, bool phrase = false, SearchQuery? filters = null)
    {
        var text = phrase ? Quote(string.Join(' ', terms)) : string.Join(" ", terms.Select(Quote));
        var expr = new StringBuilder("folded : (").Append(text).Append(')');
        var facets = filters is null ? [] : new[] { FacetToken('t', filters.DocType), FacetToken('l', filters.Level), FacetToken('p', Key(filters.Province)) }.OfType<string>().ToList();
        if (facets.Count > 0) expr.Append(" AND facets : (").Append(string.Join(' ', facets)).Append(')');
        return expr.ToString();
    }

    /// <summary>A keyword value as one FTS token ("zzl" + "commune", "zzp" + "thaibinh"); null when it has no letter or digit.</summary>
    public static string? FacetToken(char kind, string? value)
    {
        if (value is null) return null;
        var sb = new StringBuilder("zz").Append(kind);
        foreach (var ch in SearchFolding.Fold(value))
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.Length > 3 ? sb.ToString() : null;
    }

    /// <summary>The facet tokens of a stored document (its type, level and province).</summary>
    public static string Facets(string docType, string? level, string? provinceKey) =>
        string.Join(' ', new[] { FacetToken('t', docType), FacetToken('l', level), FacetToken('p', provinceKey) }.OfType<string>());

    private static string? Key(string? name) => SqliteWriter.Key(name);

    public static void AddDocumentFilters(SearchQuery q, StringBuilder sql, SqliteCommand cmd)
    {
        if (q.DocType is not null) { sql.Append(" AND d.doc_type = $type"); cmd.Parameters.AddWithValue("$type", q.DocType); }
        if (q.Level is not null) { sql.Append(" AND d.level = $level"); cmd.Parameters.AddWithValue("$level", q.Level); }
        if (q.Province is not null) { sql.Append(" AND d.province_key = $prov"); cmd.Parameters.AddWithValue("$prov", SqliteWriter.Key(q.Province)); }
        if (q.Issuer is not null) { sql.Append(" AND instr(d.issuer_key, $iss) > 0"); cmd.Parameters.AddWithValue("$iss", SqliteWriter.Key(q.Issuer)); }
        if (q.From is { } f) { sql.Append(" AND d.issued_date >= $from"); cmd.Parameters.AddWithValue("$from", Iso(f)); }
        if (q.To is { } t) { sql.Append(" AND d.issued_date <= $to"); cmd.Parameters.AddWithValue("$to", Iso(t)); }
        if (q.Cites is { } cited)
        {
            var sub = new StringBuilder(" AND d.id IN (SELECT cc.doc_id FROM citations cc WHERE ");
            if (AddCitedCondition(cited, "cc", sub, cmd, "_s")) sql.Append(sub).Append(')');
            else sql.Append(" AND 0");
        }
    }

    /// <summary>The phrase as the normalised text writes it: NFC, one tone placement, single spaces.</summary>
    public static string ExactPhrase(string phrase)
    {
        var normal = VietnameseNormalizer.Default.Normalize(phrase).Text.Trim();
        return string.Join(' ', normal.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The phrase with its diacritics, case ignored (line breaks in the text count as spaces).</summary>
    public static bool ContainsExact(string text, string phrase) =>
        text.Contains(phrase, StringComparison.OrdinalIgnoreCase)
        || text.Replace('\n', ' ').ToLowerInvariant().Contains(phrase.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>The phrase with its diacritics, as a SQL condition (a function registered on the connection).</summary>
    public static void AddExactFilter(SqliteConnection c, string phrase, StringBuilder sql, SqliteCommand cmd)
    {
        c.CreateFunction("exact_contains", (string text, string p) => ContainsExact(text, p), isDeterministic: true);
        sql.Append(" AND exact_contains(d.text, $exact)");
        cmd.Parameters.AddWithValue("$exact", ExactPhrase(phrase));
    }

    /// <summary>Appends the condition "edge points at the queried document"; false when the query names nothing.</summary>
    public static bool AddCitedCondition(CitationQuery query, string alias, StringBuilder sql, SqliteCommand cmd, string suffix = "")
    {
        if (query.Key is not null)
        {
            sql.Append($"{alias}.base_key = $key{suffix}");
            cmd.Parameters.AddWithValue("$key" + suffix, SqliteWriter.BaseKey(query.Key));
            return true;
        }
        if (query.Number is null) return false;
        sql.Append($"{alias}.num = $num{suffix}");
        cmd.Parameters.AddWithValue("$num" + suffix, query.Number);
        if (query.Year is { } y) { sql.Append($" AND {alias}.year = $year{suffix}"); cmd.Parameters.AddWithValue("$year" + suffix, y); }
        if (query.TypeName is { } t) { sql.Append($" AND {alias}.type_folded = $tf{suffix}"); cmd.Parameters.AddWithValue("$tf" + suffix, SearchFolding.Fold(t)); }
        return true;
    }

    public static void AddCitingFilter(CitingFilter f, StringBuilder sql, SqliteCommand cmd)
    {
        // The citing document's fields as copied onto its edges (schema 3): the filter runs on the citations index.
        if (f.Level is not null) { sql.Append(" AND c.level = $flevel"); cmd.Parameters.AddWithValue("$flevel", f.Level); }
        if (f.Province is not null) { sql.Append(" AND c.province_key = $fprov"); cmd.Parameters.AddWithValue("$fprov", SqliteWriter.Key(f.Province)); }
        if (f.From is { } from) { sql.Append(" AND c.issued_date >= $ffrom"); cmd.Parameters.AddWithValue("$ffrom", Iso(from)); }
        if (f.To is { } to) { sql.Append(" AND c.issued_date <= $fto"); cmd.Parameters.AddWithValue("$fto", Iso(to)); }
        if (f.Relation is not null) { sql.Append(" AND c.relation = $frel"); cmd.Parameters.AddWithValue("$frel", f.Relation); }
    }

    public static string Column(DocumentField f) => f switch
    {
        DocumentField.DocType => "d.doc_type",
        DocumentField.Level => "d.level",
        DocumentField.Province => "d.province",
        DocumentField.Issuer => "d.issuer_name",
        DocumentField.Year => "substr(d.issued_date, 1, 4)",
        DocumentField.Month => "substr(d.issued_date, 1, 7)",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, null),
    };

    public static string Column(CitationField f) => f switch
    {
        CitationField.CitedKey => "c.base_key",
        CitationField.Relation => "c.relation",
        CitationField.Level => "c.level",
        CitationField.Province => "c.province",
        CitationField.Issuer => "c.issuer_name",
        CitationField.Commune => "c.commune",
        CitationField.Year => "substr(c.issued_date, 1, 4)",
        CitationField.Month => "substr(c.issued_date, 1, 7)",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, null),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
