namespace DocIntel.Index.Sqlite;

/// <summary>SQLite's variable-length integer (1–9 bytes, big-endian 7-bit groups, the ninth byte whole), as FTS5 writes it.</summary>
internal static class Varint
{
    public static bool TryRead(ReadOnlySpan<byte> data, ref int at, out long value)
    {
        value = 0;
        for (var i = 0; i < 9; i++)
        {
            if (at >= data.Length) return false;
            var b = data[at++];
            if (i == 8) { value = (value << 8) | b; return true; }
            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0) return true;
        }
        return true;
    }
}
