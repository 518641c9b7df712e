using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocIntel.Index.Elasticsearch;

/// <summary>
/// Writes the long strings of a document (its text, its contract JSON) as JSON strings faster than the general
/// writer: transcode to UTF-8 in one vectorised call, then copy the runs between characters that need escaping
/// (<c>"</c>, <c>\</c>, controls) found with a vectorised search. Utf8JsonWriter falls back to one character at a time
/// from the first newline or quote on, which made these two fields most of the bulk-building cost.
/// Output is plain JSON (UTF-8, only the escapes JSON requires); reading is the standard reader.
/// </summary>
internal sealed class LongTextConverter : JsonConverter<string>
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.Clear();
        Escape(value, buffer);
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        if (buffer.Capacity > 4 * 1024 * 1024) t_buffer = null; // do not keep one huge document's buffer forever
    }

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    internal static void Escape(string value, IBufferWriter<byte> output)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented));
            Put(output, "\""u8);
            while (true)
            {
                var i = utf8.IndexOfAny(NeedsEscape);
                if (i < 0) break;
                Put(output, utf8[..i]);
                var b = utf8[i];
                switch (b)
                {
                    case (byte)'"': Put(output, "\\\""u8); break;
                    case (byte)'\\': Put(output, "\\\\"u8); break;
                    case (byte)'\n': Put(output, "\\n"u8); break;
                    case (byte)'\r': Put(output, "\\r"u8); break;
                    case (byte)'\t': Put(output, "\\t"u8); break;
                    default:
                        Span<byte> u = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 0xF)];
                        Put(output, u);
                        break;
                }
                utf8 = utf8[(i + 1)..];
            }
            Put(output, utf8);
            Put(output, "\""u8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte Hex(int n) => (byte)(n < 10 ? '0' + n : 'a' + n - 10);

    private static void Put(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
