using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DocIntel.Ingest.Readers;

/// <summary>Reads HTML: the page's main content as text with its block structure, without scripts, styles and site chrome.</summary>
public sealed class HtmlReader : IDocumentReader
{
    public static readonly HtmlReader Instance = new();

    private static readonly HashSet<string> Skip = ["SCRIPT", "STYLE", "NOSCRIPT", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "IFRAME", "SVG", "BUTTON", "SELECT"];
    private static readonly HashSet<string> Blocks = ["P", "DIV", "BR", "LI", "TR", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "SECTION", "ARTICLE", "TD", "TH", "UL", "OL", "BLOCKQUOTE", "PRE"];

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".html" or ".htm" or ".xhtml";

    public Task<ReadOutcome> ReadAsync(string path, string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        var (html, _) = TextDecoder.Decode(bytes);
        var parser = new HtmlParser();
        var doc = parser.ParseDocument(html);
        var root = (IElement?)doc.QuerySelector("main, article") ?? doc.Body;
        if (root is null) return Task.FromResult(ReadOutcome.Fail("HTML has no body"));
        var sb = new StringBuilder();
        Walk(root, sb);
        var text = sb.ToString();
        return Task.FromResult(text.Trim().Length == 0
            ? ReadOutcome.Fail("HTML page has no text")
            : ReadOutcome.Ok(new SourceText(path, sha256, bytes.LongLength, [new SourcePage(1, text, TextOrigins.Plain, null)], [])));
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { sb.Append(t.Data); continue; }
            if (child is not IElement e || Skip.Contains(e.TagName)) continue;
            var block = Blocks.Contains(e.TagName);
            if (block) sb.Append('\n');
            Walk(e, sb);
            if (block) sb.Append('\n');
            else if (e.TagName is "TD" or "TH") sb.Append(' ');
        }
    }
}
