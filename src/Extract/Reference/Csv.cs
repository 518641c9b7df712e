using System.Text;

namespace DocIntel.Extract.Reference;

/// <summary>RFC 4180 reading for the small reference tables shipped with the project.</summary>
internal static class Csv
{
    public static IEnumerable<Dictionary<string, string>> ReadRecords(TextReader reader)
    {
        var header = ReadRow(reader);
        if (header is null) yield break;
        while (ReadRow(reader) is { } row)
        {
            if (row.Count == 1 && row[0].Length == 0) continue;
            var rec = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) rec[header[i]] = i < row.Count ? row[i] : "";
            yield return rec;
        }
    }

    private static List<string>? ReadRow(TextReader reader)
    {
        var first = reader.Peek();
        if (first < 0) return null;
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(sb.ToString());
                return fields;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); sb.Append('"'); }
                    else quoted = false;
                }
                else sb.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(sb.ToString()); sb.Clear(); break;
                case '\r': break;
                case '\n': fields.Add(sb.ToString()); return fields;
                default: sb.Append(ch); break;
            }
        }
    }
}
