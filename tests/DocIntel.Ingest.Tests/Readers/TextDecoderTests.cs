using System.Text;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Tests.Readers;

/// <summary>One real text (Công điện 217/CĐ-TTg, corpus c005) in every encoding a Vietnamese archive holds (made with glibc iconv).</summary>
public sealed class TextDecoderTests
{
    private static readonly string Expected = File.ReadAllText(RepoPaths.TestData("encodings", "sample.utf8.txt"), Encoding.UTF8);

    private static byte[] Bytes(string name) => File.ReadAllBytes(RepoPaths.TestData("encodings", name));

    [Theory]
    [InlineData("sample.utf8.txt", "utf-8")]
    [InlineData("sample.utf16le.txt", "utf-16le")] // no byte-order mark
    [InlineData("sample.utf16be.txt", "utf-16be")]
    [InlineData("sample.viscii.txt", "viscii")]
    [InlineData("sample.cp1258.txt", "windows-1258")] // tones as combining marks
    public void DecodesEveryEncodingToTheSameText(string file, string encoding)
    {
        var (text, found) = TextDecoder.Decode(Bytes(file));
        Assert.Equal(encoding, found);
        Assert.Equal(Expected, text.Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void FontEncodedTcvn3IsReadAsWindows1252ForTheNormaliserToConvert()
    {
        var (text, found) = TextDecoder.Decode(Bytes("sample.tcvn3.txt"));
        Assert.Equal("windows-1252", found);
        Assert.StartsWith("thñ t\u00ADíng chÝnh phñ\ncéng hßa x· héi chñ nghÜa viÖt nam", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarksWin()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Ủy ban")).ToArray();
        Assert.Equal(("Ủy ban", "utf-8-bom"), TextDecoder.Decode(bom));
        var le = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("Ủy ban")).ToArray();
        Assert.Equal(("Ủy ban", "utf-16le"), TextDecoder.Decode(le));
    }

    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ")]
    public void CleanUtf8AndEnglishAreNotTakenForAnythingElse(string text)
    {
        var (decoded, found) = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        Assert.Equal("utf-8", found);
        Assert.Equal(text, decoded);
    }

    [Fact]
    public void Latin1EnglishIsNotTakenForUtf16()
    {
        Assert.False(TextDecoder.LooksLikeUtf16(Encoding.Latin1.GetBytes("Café au lait, naïve résumé — 2024"), out _));
    }
}
