using System.Text;
using System.Text.RegularExpressions;

namespace DocIntel.Ingest.Layout;

/// <summary>A page's text rebuilt from word positions, its blocks, and how many signature-stamp lines were left out.</summary>
public sealed record LaidOutPage(string Text, IReadOnlyList<LayoutBlock> Blocks, int StampLinesRemoved)
{
    public bool HasTwoColumnHeader => Blocks.Any(b => b.Kind == BlockKind.HeaderRight);
}

/// <summary>Parts of an administrative page, in the order the text is written out.</summary>
public enum BlockKind
{
    /// <summary>Issuer and number (cơ quan ban hành, Số, V/v): top left.</summary>
    HeaderLeft,

    /// <summary>National motto (Quốc hiệu, tiêu ngữ) and place/date: top right.</summary>
    HeaderRight,

    Body,

    /// <summary>Signer's authority, position and name: bottom right.</summary>
    Signer,

    /// <summary>"Nơi nhận:" list: bottom left.</summary>
    Recipients,
}

public sealed record LayoutBlock(BlockKind Kind, IReadOnlyList<string> Lines);

/// <summary>
/// Rebuilds a page's reading order from word boxes (Tesseract TSV words, PdfPig words): the two-column header is
/// split at its gutter (left block, then right block), the body follows, then the signer block on the right and the
/// "Nơi nhận:" block on the left. Extractors read issuer lines, "Số: …", the date line, title, body, signer, recipients
/// in that order whatever order the source drew them in. Digital-signature stamps are left out.
/// </summary>
public static partial class PageLayout
{
    [GeneratedRegex(@"(?i)^\W*n[ơoó][iíì]\s*nh[ậâaạ]n\b")]
    private static partial Regex RecipientsHeading();

    private sealed record Segment(IReadOnlyList<LayoutWord> Words)
    {
        public double Left { get; } = Words.Min(w => w.Left);
        public double Right { get; } = Words.Max(w => w.Right);
        // Medians, not extremes: one tall box (a misread speck, a word run into the line below) would otherwise stretch
        // the segment over the next line and pull that line in front of it.
        public double Top { get; } = Median(Words.Select(w => w.Top));
        public double Bottom { get; } = Median(Words.Select(w => w.Bottom));
        // The full box, for pairing header rows: a scan's two header columns are not on common baselines, and their
        // lines' full boxes (marks and descenders included) are what overlaps (p011: "TRƯỜNG ĐẠI HỌC …" beside "Độc lập …").
        public double BoxTop { get; } = Words.Min(w => w.Top);
        public double BoxBottom { get; } = Words.Max(w => w.Bottom);
        public string Text { get; } = string.Join(" ", Words.Select(w => w.Text.Trim()).Where(t => t.Length > 0));
        public double CenterX => (Left + Right) / 2;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public static LaidOutPage Compose(IReadOnlyList<LayoutWord> words, double pageWidth, double pageHeight)
    {
        ArgumentNullException.ThrowIfNull(words);
        var segments = Segments(Straighten(words.Where(w => w.Text.Trim().Length > 0 && w.Width >= 0).ToList(), pageWidth), pageWidth);
        segments = RemoveStamps(segments, out var stampLines);
        segments = [.. segments.OrderBy(s => s.Top).ThenBy(s => s.Left)];
        var blocks = new List<LayoutBlock>();
        var (headerCount, gutter) = FindHeader(segments, pageWidth, pageHeight);
        if (headerCount > 0)
        {
            var header = segments.Take(headerCount).ToList();
            blocks.Add(new LayoutBlock(BlockKind.HeaderLeft, Rows(header.Where(s => s.CenterX < gutter))));
            blocks.Add(new LayoutBlock(BlockKind.HeaderRight, Rows(header.Where(s => s.CenterX >= gutter))));
        }
        var rest = segments.Skip(headerCount).ToList();
        var footerStart = rest.FindIndex(s => RecipientsHeading().IsMatch(s.Text) && s.Left < pageWidth * 0.45);
        if (footerStart >= 0)
        {
            var footerGutter = FooterGutter(rest.Skip(footerStart).ToList(), pageWidth);
            // The signer's authority line often sits just above "Nơi nhận:" on the right: it belongs to the signer block.
            var start = footerStart;
            while (start > 0 && rest[start - 1].Left >= footerGutter && rest[start - 1].Top > rest[footerStart].Top - 4 * Math.Max(1, rest[footerStart].Bottom - rest[footerStart].Top)) start--;
            var footer = rest.Skip(start).ToList();
            blocks.Add(new LayoutBlock(BlockKind.Body, Paragraphs(RowsOf(rest.Take(start)))));
            blocks.Add(new LayoutBlock(BlockKind.Signer, Rows(footer.Where(s => s.Left >= footerGutter))));
            blocks.Add(new LayoutBlock(BlockKind.Recipients, Rows(footer.Where(s => s.Left < footerGutter))));
        }
        else
        {
            blocks.Add(new LayoutBlock(BlockKind.Body, Paragraphs(RowsOf(rest))));
        }
        blocks.RemoveAll(b => b.Lines.Count == 0);
        var text = string.Join("\n", blocks.SelectMany(b => b.Lines));
        return new LaidOutPage(text, blocks, stampLines);
    }

    /// <summary>
    /// Words of a skewed scan moved to where they would be on a straight page (a shear by the page's slope, measured on
    /// Tesseract's own lines): at 2.4° a line's right end sits 80 px (300 dpi) below its left end, more than the line
    /// spacing, and rows built from boxes pulled the short last line of a paragraph in front of the line above it.
    /// Words without Tesseract line ids (PDF text layers) are left as they are.
    /// </summary>
    internal static List<LayoutWord> Straighten(List<LayoutWord> words, double pageWidth)
    {
        if (words.Count == 0 || words.Any(w => w.LineKey is null)) return words;
        var slope = PageSlope(words, pageWidth);
        if (Math.Abs(slope) < 0.002) return words; // under 0.1°: a line drifts less than 5 px
        var middle = pageWidth / 2;
        return [.. words.Select(w =>
        {
            var dy = slope * (w.CenterX - middle);
            return w with { Top = w.Top - dy, Bottom = w.Bottom - dy };
        })];
    }

    /// <summary>Median slope (dy/dx) of word centres along Tesseract's lines that span a quarter of the page or more.</summary>
    internal static double PageSlope(IReadOnlyList<LayoutWord> words, double pageWidth)
    {
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(w => w.LineKey))
        {
            var ws = line.Where(w => w.Text.Any(char.IsLetterOrDigit)).ToList();
            if (ws.Count < 4 || ws.Max(w => w.Right) - ws.Min(w => w.Left) < pageWidth / 4) continue;
            double mx = ws.Average(w => w.CenterX), my = ws.Average(w => w.CenterY);
            double sxx = ws.Sum(w => (w.CenterX - mx) * (w.CenterX - mx)), sxy = ws.Sum(w => (w.CenterX - mx) * (w.CenterY - my));
            if (sxx > 0) slopes.Add(sxy / sxx);
        }
        if (slopes.Count < 2) return 0;
        slopes.Sort();
        return slopes[slopes.Count / 2];
    }

    /// <summary>Words → segments: runs of words on one line with no wide gap (a column break) between them.</summary>
    private static List<Segment> Segments(List<LayoutWord> words, double pageWidth)
    {
        var lines = new List<List<LayoutWord>>();
        if (words.Count > 0 && words.All(w => w.LineKey is not null))
        {
            lines.AddRange(words.GroupBy(w => w.LineKey).Select(g => g.OrderBy(w => w.Left).ToList()));
        }
        else
        {
            foreach (var w in words.OrderBy(w => w.CenterY).ThenBy(w => w.Left))
            {
                var line = lines.LastOrDefault(l => Overlaps(l, w));
                if (line is null) lines.Add([w]);
                else line.Add(w);
            }
        }
        var segments = new List<Segment>();
        foreach (var line in lines)
        {
            var sorted = line.OrderBy(w => w.Left).ToList();
            var height = sorted.Select(w => w.Height).Order().ElementAt(sorted.Count / 2);
            var gap = Math.Max(3.0 * height, pageWidth * 0.05);
            var current = new List<LayoutWord> { sorted[0] };
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].Left - current.Max(w => w.Right) > gap)
                {
                    segments.Add(new Segment(current));
                    current = [];
                }
                current.Add(sorted[i]);
            }
            segments.Add(new Segment(current));
        }
        return segments;
    }

    private static bool Overlaps(List<LayoutWord> line, LayoutWord w)
    {
        var last = line[^1];
        var top = Math.Max(last.Top, w.Top);
        var bottom = Math.Min(last.Bottom, w.Bottom);
        return bottom - top >= 0.5 * Math.Min(last.Height, w.Height);
    }

    /// <summary>The header: the run of top segments that a vertical gutter in the middle third separates, with text on both sides.</summary>
    private static (int Count, double Gutter) FindHeader(List<Segment> segments, double pageWidth, double pageHeight)
    {
        int bestRun = 0;
        double bestX = 0;
        for (var x = pageWidth * 0.3; x <= pageWidth * 0.7; x += pageWidth / 100)
        {
            var run = 0;
            while (run < segments.Count && !(segments[run].Left < x && segments[run].Right > x) && segments[run].Top < pageHeight * 0.5) run++;
            if (run > bestRun || (run == bestRun && Math.Abs(x - pageWidth / 2) < Math.Abs(bestX - pageWidth / 2)))
            {
                bestRun = run;
                bestX = x;
            }
        }
        var head = segments.Take(bestRun).ToList();
        // A real two-column header has rows with text on both sides of the gutter (issuer beside motto); centred
        // single-column headings never do.
        var pairedRows = head.Count(l => l.Right < bestX && head.Any(r => r.Left > bestX && Math.Min(l.BoxBottom, r.BoxBottom) - Math.Max(l.BoxTop, r.BoxTop) > 0.3 * (l.BoxBottom - l.BoxTop)));
        return pairedRows >= 2 && bestRun >= 3 ? (bestRun, bestX) : (0, 0);
    }

    private static double FooterGutter(List<Segment> footer, double pageWidth)
    {
        double best = pageWidth / 2;
        var fewest = int.MaxValue;
        for (var x = pageWidth * 0.3; x <= pageWidth * 0.75; x += pageWidth / 100)
        {
            var blocked = footer.Count(s => s.Left < x && s.Right > x);
            if (blocked < fewest || (blocked == fewest && Math.Abs(x - pageWidth / 2) < Math.Abs(best - pageWidth / 2)))
            {
                fewest = blocked;
                best = x;
            }
        }
        return best;
    }

    private static List<Segment> RemoveStamps(List<Segment> segments, out int removed)
    {
        var drop = new HashSet<Segment>();
        foreach (var a in segments.Where(s => SignatureStamp.IsAnchor(s.Text)))
        {
            drop.Add(a);
            var h = Math.Max(1, a.Bottom - a.Top);
            foreach (var s in segments)
            {
                if (s == a || drop.Contains(s)) continue;
                var near = s.Top > a.Top - 4 * h && s.Bottom < a.Bottom + 6 * h && s.Right > a.Left - 2 * h && s.Left < a.Right + 2 * h;
                if (near && (SignatureStamp.IsCompanion(s.Text) || SignatureStamp.IsAnchor(s.Text))) drop.Add(s);
            }
        }
        removed = drop.Count;
        return [.. segments.Where(s => !drop.Contains(s))];
    }

    /// <summary>Segments → text lines, top to bottom; segments on the same row are joined left to right.</summary>
    private static List<string> Rows(IEnumerable<Segment> segments) => RowsOf(segments).Select(RowText).ToList();

    private static List<List<Segment>> RowsOf(IEnumerable<Segment> segments)
    {
        var rows = new List<List<Segment>>();
        foreach (var s in segments.OrderBy(s => s.Top))
        {
            var row = rows.LastOrDefault();
            if (row is not null && s.Top < row.Average(r => r.Bottom) - 0.5 * (s.Bottom - s.Top)) row.Add(s);
            else rows.Add([s]);
        }
        return rows;
    }

    private static string RowText(List<Segment> row) => string.Join(" ", row.OrderBy(s => s.Left).Select(s => s.Text));

    /// <summary>
    /// Body rows with a blank line where a paragraph starts, as a typed text has one: a scan's paragraphs are only
    /// visible in their geometry, and task lists ("… nội dung công việc sau:" then one paragraph a task), "Căn cứ"
    /// paragraphs and everything read paragraph by paragraph need them. A row starts a paragraph when it is indented
    /// from the left margin by more than a line's height below a row at the margin (a first-line indent), or when it runs
    /// to the right margin below a row that stopped short of it by more than three lines' heights (the last line of a
    /// paragraph). Centred header lines, a signer's lines and lists of short items stay as they are.
    /// </summary>
    private static List<string> Paragraphs(List<List<Segment>> rows)
    {
        var lines = new List<string>(rows.Count + rows.Count / 3);
        if (rows.Count < 3)
        {
            lines.AddRange(rows.Select(RowText));
            return lines;
        }
        var lefts = rows.Select(r => r.Min(s => s.Left)).ToList();
        var rights = rows.Select(r => r.Max(s => s.Right)).ToList();
        var height = Median(rows.Select(r => Median(r.Select(s => s.Bottom - s.Top))));
        // Most lines of a body run from margin to margin: the margins are where most lines start and end.
        var left = Quantile(lefts, 0.25);
        var right = Quantile(rights, 0.75);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 0) { lines.Add(RowText(rows[i])); continue; }
            // Centred header lines and lists of short lines stay together: an indent counts after a row at the margin,
            // a short row only before a full one.
            var indented = lefts[i] - left > 1.2 * height && lefts[i - 1] - left <= 1.2 * height;
            var afterShort = rights[i - 1] < right - 3 * height && rights[i] >= right - 3 * height;
            var starts = indented || afterShort;
            if (starts && lines.Count > 0 && lines[^1].Length > 0) lines.Add("");
            lines.Add(RowText(rows[i]));
        }
        return lines;
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    /// <summary>Plain text of words in Tesseract's own line order (for comparison and tests).</summary>
    public static string Flat(IReadOnlyList<LayoutWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sb = new StringBuilder();
        long? key = null;
        foreach (var w in words)
        {
            if (sb.Length > 0) sb.Append(w.LineKey == key ? ' ' : '\n');
            sb.Append(w.Text);
            key = w.LineKey;
        }
        return sb.ToString();
    }
}
