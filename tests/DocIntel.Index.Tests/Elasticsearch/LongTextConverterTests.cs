using System.Buffers;
using System.Text;
using System.Text.Json;
using DocIntel.Index.Elasticsearch;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>The fast writer of long strings must produce JSON that reads back to the very same string.</summary>
public sealed class LongTextConverterTests
{
    private static string RoundTrip(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        LongTextConverter.Escape(value, buffer);
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.GetString()!;
    }

    [Theory]
    [InlineData("")]
    [InlineData("Số: 59/2023/NĐ-CP")]
    [InlineData("ỦY BAN NHÂN DÂN\nXÃ TÂN THẠNH\r\n\tBÁO CÁO")]          // line breaks and tabs
    [InlineData("{\"number\":\"12/BC-UBND\",\"path\":\"C:\\\\lưu trữ\"}")] // quotes and backslashes (contract JSON)
    [InlineData("\u0000\u0001\u001f\u007f")]                            // controls
    [InlineData("da\u0302n chu\u0309 \u2028 \U0001F4C4")]               // combining marks, line separator, astral
    public void WritesJsonThatReadsBackToTheSameString(string value) => Assert.Equal(value, RoundTrip(value));

    [Fact]
    public void RoundTripsEveryRealTestDocument()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TestData("seeds"), "*.txt").Concat(Directory.EnumerateFiles(RepoPaths.TestData("dev"), "*.txt")))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(text, RoundTrip(text));
        }
    }

    [Fact]
    public void KeepsVietnameseAsUtf8AndEscapesOnlyWhatJsonRequires()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LongTextConverter.Escape("Đảng \"x\"\n", buffer);
        Assert.Equal("\"Đảng \\\"x\\\"\\n\"", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
