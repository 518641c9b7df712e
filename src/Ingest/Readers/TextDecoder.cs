using System.Text;

namespace DocIntel.Ingest.Readers;

/// <summary>
/// Bytes → string for text files of any age: byte-order marks (UTF-8, UTF-16), UTF-16 without a mark, strict UTF-8,
/// else the legacy Vietnamese encoding whose reading looks most like Vietnamese: Windows-1258 (tones as combining marks,
/// composed later by the normaliser) or VISCII; a file in a font encoding (TCVN3/ABC, VNI-Windows) is read as
/// Windows-1252, which the normaliser recognises and converts (GUIDE §5.3).
/// </summary>
/// <remarks>The readers do not depend on DocIntel.Extract, so the little Vietnamese spelling check used here is its own.</remarks>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Bytes 0x80–0xFF of VISCII (RFC 1456), checked against glibc iconv; six capitals sit in C0 codes.</summary>
    private const string VisciiHigh =
        "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ";

    private static readonly (byte Code, char Letter)[] VisciiControls = [(0x02, 'Ẳ'), (0x05, 'Ẵ'), (0x06, 'Ẫ'), (0x14, 'Ỷ'), (0x19, 'Ỹ'), (0x1E, 'Ỵ')];

    /// <summary>
    /// The 300 most frequent syllables with a Vietnamese letter in DocIntel's training text (data/vi-syllables.tsv);
    /// the share of a reading's accented words found here tells a right reading from a wrong one.
    /// </summary>
    private static readonly HashSet<string> FrequentSyllables = new((
        "của và các định công số cơ chính xã cấp có bộ đảng dân thực hiện ủy nhà chức nước thành được hành tài tổ " +
        "vụ sở điều với về năm nhân lưu tỉnh quyết động lý hội thông hợp liệu luật dụng chủ bảo ngày sử ở trữ quản " +
        "văn đồng trên địa việc nghị nhiệm trường pháp tại tư chỉ đầu dự quyền viên đất tác đối để xây dựng là vị " +
        "tháng phương thời đạo từ triển bản hoạt nội giáo ương báo người quốc nghiệp phố toàn trình không tiếp " +
        "sách trị nhận nguồn án một sản học đổi lập đơn phòng trợ kết tự thủ mới phát đại phủ bí hoạch chế thuộc " +
        "trực thường lực quỹ ký sự hiệu khoản liên phường tiền thẩm tế kiểm thống đã hình này tích vào đảm hoặc " +
        "tục lượng mật giải nuôi đến dạy bình kế dục diện tiêu việt ứng hỗ vực mô quả trách hồ giá trưởng thị đề " +
        "thư thể tạo tiết ngân tổng cáo vệ chuyển xếp sắp phải hệ mục điện môi nghệ ngành độ bị cứ tăng cá căn sơ " +
        "bổ làm chấp chất tên gọi như điểm phục thuế xác dưới phí quân khác chuyên nhiên hướng tân cầu nghĩa bàn " +
        "hoàn dẫn phó thức cộng dữ thì hạn mức sửa trí tình vùng giám thác hóa hòa năng lịch phân tập xuất biểu " +
        "toán lãnh trước cán kiến phối tịch tỷ bằng chữ dịch tính đóng dùng nhất tôm lĩnh phạm đạt giới đoàn yêu " +
        "lệ mặt nguyên thiết góp lương sát hạ nông đó thuê tầng tử vốn phụ chứng mẫu nâng tiến ý đủ biết cường hà " +
        "vận mỹ nộp thêm trì tướng chí cùng cần hưởng trắc xét kỳ những nơi phú gồm nhập đội hàng")
        .Split(' '), StringComparer.Ordinal);

    // Characters that TCVN3 and VNI text shows when read as Windows-1252 and that Vietnamese in Unicode never has.
    private const string FontEncodingSignature = "¸µ¶·¹¨©ª«¬®§ßÞ×ÖÜøûïåäëüæîñÑ";

    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        if (LooksLikeUtf16(bytes, out var bigEndian))
            return bigEndian ? (Encoding.BigEndianUnicode.GetString(bytes), "utf-16be") : (Encoding.Unicode.GetString(bytes), "utf-16le");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return DecodeLegacy(bytes);
        }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: the Latin letters, digits and spaces of any Vietnamese text put a zero in
    /// every other byte, which no 8-bit text has.
    /// </summary>
    public static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length, 8192) & ~1;
        if (n < 4) return false;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        var pairs = n / 2;
        if (oddZeros >= pairs * 0.2 && evenZeros <= pairs * 0.02) return true;
        if (evenZeros >= pairs * 0.2 && oddZeros <= pairs * 0.02)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    private static (string Text, string Encoding) DecodeLegacy(ReadOnlySpan<byte> bytes)
    {
        var cp1258 = Encoding.GetEncoding(1258).GetString(bytes);
        var viscii = DecodeViscii(bytes);
        var s1258 = FrequentShare(cp1258.Normalize(NormalizationForm.FormC));
        var sViscii = FrequentShare(viscii);
        if (Math.Max(s1258, sViscii) < 0.2)
        {
            // Neither reading looks like Vietnamese: a font encoding (TCVN3, VNI) that the normaliser converts.
            var cp1252 = Encoding.GetEncoding(1252).GetString(bytes);
            if (SignatureCount(cp1252) >= 3) return (cp1252, "windows-1252");
        }
        // Windows-1258 stores Vietnamese tones as combining marks; NFC later composes them.
        return sViscii > s1258 ? (viscii, "viscii") : (cp1258, "windows-1258");
    }

    private static string DecodeViscii(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b >= 0x80 ? VisciiHigh[b - 0x80] : (char)b;
            foreach (var (code, letter) in VisciiControls)
                if (b == code) chars[i] = letter;
        }
        return new string(chars);
    }

    /// <summary>Share of the words with a non-ASCII letter that are frequent Vietnamese syllables.</summary>
    private static double FrequentShare(string text)
    {
        int words = 0, known = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var j = i;
            var nonAscii = false;
            while (j < text.Length && char.IsLetter(text[j]))
            {
                if (text[j] >= 0x80) nonAscii = true;
                j++;
            }
            if (nonAscii)
            {
                words++;
                if (FrequentSyllables.Contains(text[i..j].ToLowerInvariant())) known++;
            }
            i = j;
        }
        return words == 0 ? 0 : (double)known / words;
    }

    private static int SignatureCount(string text)
    {
        var n = 0;
        for (var i = 1; i < text.Length; i++)
            if (FontEncodingSignature.Contains(text[i]) && char.IsAsciiLetter(text[i - 1])) n++;
        return n;
    }
}
