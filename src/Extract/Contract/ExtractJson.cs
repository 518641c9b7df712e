using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Text;

namespace DocIntel.Extract.Contract;

/// <summary>
/// Writes an <see cref="ExtractedDocument"/> as the JSON object of the extract contract (shared/contract/extract-output.md),
/// plus an "evidence" object giving the span and text each value came from.
/// </summary>
public static class ExtractJson
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static JsonObject ToJson(ExtractedDocument doc, bool withEvidence = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Analysis;
        var s = doc.Source;
        var o = new JsonObject
        {
            ["id"] = doc.Id,
            ["source"] = new JsonObject
            {
                ["path"] = s.Path,
                ["sha256"] = s.Sha256,
                ["part"] = s.Part,
                ["pages"] = s.PageFrom is { } f && s.PageTo is { } t ? new JsonArray(f, t) : null,
                ["text_origin"] = s.TextOrigin,
            },
            ["doc_type"] = a.DocType,
            ["number"] = a.Number?.Value,
            ["issued_date"] = a.IssuedDate is { } d ? Iso(d.Value) : null,
            ["place"] = a.Place?.Value,
            ["issuer"] = a.Issuer is { } i ? new JsonObject
            {
                ["name"] = i.Name,
                ["parent"] = i.Parent,
                ["level"] = i.Level,
                ["province"] = i.Province,
                ["district"] = i.District,
                ["commune"] = i.Commune,
                ["admin_code"] = i.AdminCode,
            } : null,
            ["subject"] = a.Subject?.Value,
            ["recipients"] = new JsonArray(a.Recipients.Select(r => (JsonNode?)JsonValue.Create(r.Value)).ToArray()),
            ["urgency"] = a.Urgency?.Value,
            ["secrecy"] = a.Secrecy?.Value,
            ["signer"] = a.Signer is { } sg ? new JsonObject { ["name"] = sg.Name, ["position"] = sg.Position, ["authority"] = sg.Authority } : null,
            ["citations"] = new JsonArray(a.Citations.Select(c => (JsonNode?)new JsonObject
            {
                ["type"] = c.Type,
                ["number"] = c.Number,
                ["key"] = c.Key,
                ["title"] = c.Title,
                ["date"] = c.Date is { } cd ? Iso(cd) : null,
                ["issuer"] = c.Issuer,
                ["relation"] = c.Relation,
                ["span"] = SpanJson(c.Spans[0]),
                ["spans"] = new JsonArray(c.Spans.Select(sp => (JsonNode?)SpanJson(sp)).ToArray()),
                ["flags"] = new JsonArray(c.Flags.Select(fl => (JsonNode?)JsonValue.Create(fl)).ToArray()),
            }).ToArray()),
            ["tasks"] = new JsonArray(a.Tasks.Select(tk => (JsonNode?)new JsonObject
            {
                ["text"] = tk.Text,
                ["assignee"] = tk.Assignee,
                ["deadline"] = tk.Deadline is { } dl ? Iso(dl) : null,
            }).ToArray()),
            ["quality"] = new JsonObject
            {
                ["text_score"] = Math.Round(doc.Quality.TextScore, 3),
                ["ocr_confidence"] = doc.Quality.OcrConfidence,
                ["warnings"] = new JsonArray(doc.Quality.Warnings.Concat(a.Warnings).Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
            },
            ["inferred"] = new JsonArray(a.Inferred.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        };
        if (doc.Quality.Pages is { Count: > 0 } pages)
        {
            o["quality"]!["pages"] = new JsonArray(pages.Select(p => (JsonNode?)new JsonObject
            {
                ["page"] = p.Page,
                ["origin"] = p.Origin,
                ["text_score"] = Math.Round(p.TextScore, 3),
                ["ocr_confidence"] = p.OcrConfidence,
                ["low_confidence_words"] = p.LowConfidenceWords,
                ["note"] = p.Note,
            }).ToArray());
        }
        if (withEvidence) o["evidence"] = Evidence(doc);
        return o;
    }

    /// <summary>The error line for a file that could not be read.</summary>
    public static JsonObject Error(string path, string? sha256, string reason) => new()
    {
        ["source"] = new JsonObject { ["path"] = path, ["sha256"] = sha256, ["part"] = null, ["pages"] = null, ["text_origin"] = null },
        ["error"] = reason,
    };

    private static JsonObject Evidence(ExtractedDocument doc)
    {
        var a = doc.Analysis;
        var e = new JsonObject();
        void Put(string field, TextSpan? span)
        {
            if (span is { } sp && sp.End <= doc.Text.Length) e[field] = new JsonObject { ["start"] = sp.Start, ["end"] = sp.End, ["text"] = doc.Text.Substring(sp.Start, sp.Length) };
        }
        Put("number", a.Number?.Span);
        Put("issued_date", a.IssuedDate?.Span);
        Put("place", a.Place?.Span);
        Put("issuer", a.Issuer?.Span);
        Put("subject", a.Subject?.Span);
        Put("signer.name", a.Signer?.NameSpan);
        Put("signer.position", a.Signer?.PositionSpan);
        Put("urgency", a.Urgency?.Span);
        Put("secrecy", a.Secrecy?.Span);
        return e;
    }

    private static JsonObject SpanJson(TextSpan s) => new() { ["start"] = s.Start, ["end"] = s.End };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
