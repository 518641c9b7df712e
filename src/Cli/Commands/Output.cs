using System.Globalization;
using System.Text;
using System.Text.Json;
using DocIntel.Extract.Contract;
using DocIntel.Index.Queries;

namespace DocIntel.Cli.Commands;

/// <summary>Writes result tables as aligned text, CSV (RFC 4180) or JSON; the verbs only choose columns.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new(ExtractJson.Compact) { WriteIndented = true };

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static void Write(ResultTable table, string format, TextWriter w, bool withTitle = true)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(table, w);
                break;
            case "json":
                w.WriteLine(JsonSerializer.Serialize(ToJson(table), Json));
                break;
            default:
                if (withTitle) w.WriteLine($"== {table.Title}");
                WriteText(table, w);
                break;
        }
    }

    public static List<Dictionary<string, string?>> ToJson(ResultTable table) =>
        table.Rows.Select(r => table.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();

    public static void WriteCsv(ResultTable table, TextWriter w)
    {
        w.WriteLine(string.Join(',', table.Columns.Select(Csv)));
        foreach (var row in table.Rows) w.WriteLine(string.Join(',', row.Select(v => Csv(v ?? ""))));
    }

    private static string Csv(string v) =>
        v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    public static void WriteText(ResultTable table, TextWriter w, int maxWidth = 60)
    {
        if (table.Rows.Count == 0)
        {
            w.WriteLine("(none)");
            return;
        }
        string Cell(string? v) => v is null ? "—" : v.Length > maxWidth ? v[..(maxWidth - 1)] + "…" : v.Replace('\n', ' ');
        var widths = table.Columns.Select((c, i) => Math.Max(c.Length, table.Rows.Max(r => Cell(r[i]).Length))).ToArray();
        var numeric = table.Columns.Select((col, i) => table.Rows.All(r => r[i] is not { } v || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string?> cells, bool header)
        {
            sb.Clear();
            for (var i = 0; i < cells.Count; i++)
            {
                var v = header ? cells[i]! : Cell(cells[i]);
                sb.Append(numeric[i] && !header ? v.PadLeft(widths[i]) : v.PadRight(widths[i]));
                if (i < cells.Count - 1) sb.Append("  ");
            }
            w.WriteLine(sb.ToString().TrimEnd());
        }
        Line(table.Columns.ToList(), header: true);
        w.WriteLine(string.Join("  ", widths.Select(x => new string('-', x))));
        foreach (var r in table.Rows) Line(r, header: false);
    }

    public static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("docintel: " + message).ConfigureAwait(false);
        return 2;
    }
}
