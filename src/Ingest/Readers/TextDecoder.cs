using System.Text;

namespace DocIntel.Ingest.Readers;

/// <summary>Bytes → string: BOMs (UTF-8, UTF-16), strict UTF-8, else Windows-1258/1252 (legacy Vietnamese files).</summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Windows-1258 stores Vietnamese tones as combining marks; NFC later composes them.
            return (Encoding.GetEncoding(1258).GetString(bytes), "windows-1258");
        }
    }
}
