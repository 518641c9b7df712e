using DocIntel.Extract.Text;

namespace DocIntel.Extract.Documents;

/// <summary>The issuing body (cơ quan ban hành), its parent, level and locality.</summary>
public sealed record IssuerInfo(
    string Name,
    TextSpan? Span,
    string? Parent,
    string? Level,
    string? Province,
    string? District,
    string? Commune,
    string? AdminCode);

/// <summary>The signer block: authority prefix (KT., TM., T/M …), position and name.</summary>
public sealed record SignerInfo(string? Name, string? Position, string? Authority, TextSpan? NameSpan, TextSpan? PositionSpan);

/// <summary>One cited document, once per distinct document, with every place it is cited.</summary>
public sealed record Citation(
    string? Type,
    string? Number,
    string Key,
    string? Title,
    DateOnly? Date,
    string? Issuer,
    string Relation,
    IReadOnlyList<TextSpan> Spans,
    IReadOnlyList<string> Flags);

/// <summary>A directive the document gives: what, to whom, by when.</summary>
public sealed record DocumentTask(string Text, string? Assignee, DateOnly? Deadline, TextSpan Span);

/// <summary>Everything read from one document's text. Spans are offsets in the normalised text.</summary>
public sealed record DocumentAnalysis(
    int Part,
    TextSpan PartSpan,
    string DocType,
    Found<string>? Number,
    Found<DateOnly>? IssuedDate,
    Found<string>? Place,
    IssuerInfo? Issuer,
    Found<string>? Subject,
    IReadOnlyList<Found<string>> Recipients,
    Found<string>? Urgency,
    Found<string>? Secrecy,
    SignerInfo? Signer,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<DocumentTask> Tasks,
    IReadOnlyList<string> Inferred,
    IReadOnlyList<string> Warnings);

/// <summary>Where a document came from: the file, its hash, the part of the file, and how its text was obtained.</summary>
public sealed record SourceInfo(string Path, string Sha256, int Part, int? PageFrom, int? PageTo, string TextOrigin);

/// <summary>How clean the text was; <paramref name="Pages"/> gives each page's source and score when the file has pages.</summary>
public sealed record QualityInfo(double TextScore, double? OcrConfidence, IReadOnlyList<string> Warnings, IReadOnlyList<PageQuality>? Pages = null);

/// <summary>One page: where its text came from (text-layer, ocr), its text score, OCR confidence and doubtful words.</summary>
public sealed record PageQuality(int Page, string Origin, double TextScore, double? OcrConfidence, int LowConfidenceWords, string? Note);

/// <summary>The extracted document: source, analysis, quality, and the normalised text the spans refer to.</summary>
public sealed record ExtractedDocument(SourceInfo Source, DocumentAnalysis Analysis, QualityInfo Quality, string Text)
{
    /// <summary>Stable identity: the file's SHA-256 and the part index.</summary>
    public string Id => $"{Source.Sha256[..16]}-{Source.Part}";
}
