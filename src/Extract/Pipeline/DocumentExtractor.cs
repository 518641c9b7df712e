using DocIntel.Extract.Citations;
using DocIntel.Extract.Dates;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Issuers;
using DocIntel.Extract.Layout;
using DocIntel.Extract.Misreadings;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Numbers;
using DocIntel.Extract.Parts;
using DocIntel.Extract.Recipients;
using DocIntel.Extract.Reference;
using DocIntel.Extract.Signers;
using DocIntel.Extract.Text;
using DocIntel.Extract.Types;

namespace DocIntel.Extract.Pipeline;

/// <summary>
/// The extraction stage: normalised text → one <see cref="DocumentAnalysis"/> per document in it.
/// Built once, immutable, thread-safe.
/// </summary>
public sealed class DocumentExtractor
{
    private readonly ExtractionOptions _options;
    private readonly IssuerParser _issuers;
    private readonly CitationFinder _citations;

    public DocumentExtractor(ReferenceData reference, ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _options = options;
        _issuers = new IssuerParser(reference.Gazetteer);
        _citations = new CitationFinder(reference.Registry);
    }

    /// <param name="recognised">The spans of the normalised text that OCR read (none when null).</param>
    public IReadOnlyList<DocumentAnalysis> Extract(NormalizedText normalized, RecognisedText? recognised = null)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        recognised ??= RecognisedText.None;
        var text = normalized.Text;
        // The text is split into lines once; the parts and their trimmed bodies share those lines.
        var all = TextLine.Split(text, new TextSpan(0, text.Length));
        var parts = _options.SplitParts ? DocumentSplitter.Split(text, all) : [new TextSpan(0, text.Length)];
        var result = new List<DocumentAnalysis>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var partLines = TextLine.Within(text, all, parts[i]);
            var body = Zones.WebChrome.Trim(text, parts[i], partLines);
            result.Add(ExtractPart(text, body, TextLine.Within(text, partLines, body), i + 1, recognised));
        }
        return result;
    }

    private DocumentAnalysis ExtractPart(string text, TextSpan part, IReadOnlyList<TextLine> lines, int index, RecognisedText recognised)
    {
        var warnings = new List<string>();
        var inferred = new List<string>();

        var number = DocumentNumberFinder.Find(text, lines, _options.HeaderLines);
        var numberLine = number?.LineIndex ?? -1;
        var dateAndPlace = IssueDateFinder.Find(text, lines, _options.HeaderLines);
        var type = DocumentTypeClassifier.Classify(text, lines, numberLine, number?.Symbol);
        var issuer = _issuers.Parse(text, lines, numberLine, number?.Symbol, dateAndPlace?.Date?.Value, dateAndPlace?.Place?.Value, type.TitleLine, recognised);
        if (issuer is not null) inferred.AddRange(issuer.Inferred);
        var signer = SignerParser.Parse(text, lines);
        var recipients = RecipientParser.Parse(lines);
        var (urgency, secrecy) = Marks(lines, numberLine);
        var citations = WithoutItself(_citations.Find(text, part, number?.Number, recognised), lines, type);
        var tasks = Tasks.TaskExtractor.Extract(text, lines);

        if (number is null) warnings.Add("no document number found");
        if (dateAndPlace?.Date is null) warnings.Add("no issue date found");
        if (issuer is null) warnings.Add("no issuer found");

        return new DocumentAnalysis(index, part, type.DocType, number?.Number, dateAndPlace?.Date, dateAndPlace?.Place, issuer?.Issuer, type.Subject,
            recipients, urgency, secrecy, signer, citations, tasks, inferred, warnings);
    }

    /// <summary>
    /// A titled document does not cite itself: the Party charter ("ĐIỀU LỆ / ĐẢNG CỘNG SẢN VIỆT NAM") names
    /// "Điều lệ Đảng" throughout, and those are its own name, not a citation.
    /// </summary>
    private static IReadOnlyList<Citation> WithoutItself(IReadOnlyList<Citation> citations, IReadOnlyList<Layout.TextLine> lines, DocumentTypeClassifier.Result type)
    {
        if (type.TitleLine < 0 || type.TitleLine >= lines.Count || type.Subject is null) return citations;
        var own = CitationFinder.TitleKey(lines[type.TitleLine].Text.Replace("*", "").Trim() + " " + type.Subject.Value);
        return citations.Where(c => c.Number is not null || !own.StartsWith(c.Key, StringComparison.Ordinal)).ToList();
    }

    private static (Found<string>? Urgency, Found<string>? Secrecy) Marks(IReadOnlyList<TextLine> lines, int numberLine)
    {
        Found<string>? urgency = null, secrecy = null;
        var limit = Math.Min(lines.Count, Math.Max(15, numberLine + 8));
        for (var i = 0; i < limit; i++)
        {
            var t = lines[i].Text.Replace("*", "").Trim();
            var code = t switch
            {
                "KHẨN" => ("u", "khan"),
                "THƯỢNG KHẨN" => ("u", "thuong_khan"),
                "HỎA TỐC" or "HỎA TỐC HẸN GIỜ" => ("u", "hoa_toc"),
                "MẬT" => ("s", "mat"),
                "TỐI MẬT" => ("s", "toi_mat"),
                "TUYỆT MẬT" => ("s", "tuyet_mat"),
                _ => ("", ""),
            };
            if (code.Item1 == "") continue;
            var off = lines[i].Text.IndexOf(t, StringComparison.Ordinal);
            var found = new Found<string>(code.Item2, TextSpan.FromLength(lines[i].Start + Math.Max(0, off), t.Length), 0.95, "marks.header");
            if (code.Item1 == "u") urgency ??= found;
            else secrecy ??= found;
        }
        return (urgency, secrecy);
    }
}
