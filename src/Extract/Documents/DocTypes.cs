namespace DocIntel.Extract.Documents;

/// <summary>The contract's document type codes and the title lines (tên loại) that announce them.</summary>
public static class DocTypes
{
    public const string CongVan = "cong_van";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        "cong_van", "bao_cao", "ke_hoach", "quyet_dinh", "nghi_quyet", "thong_bao", "chi_thi", "to_trinh", "huong_dan",
        "ket_luan", "quy_dinh", "chuong_trinh", "bien_ban", "giay_moi", "luat", "nghi_dinh", "thong_tu", "other",
    ];

    /// <summary>Type names as printed in capitals on the title line, longest first.</summary>
    public static readonly IReadOnlyList<(string Title, string Code)> TitleLines =
    [
        ("CHƯƠNG TRÌNH", "chuong_trinh"), ("NGHỊ QUYẾT", "nghi_quyet"), ("QUYẾT ĐỊNH", "quyet_dinh"), ("NGHỊ ĐỊNH", "nghi_dinh"),
        ("THÔNG BÁO", "thong_bao"), ("HƯỚNG DẪN", "huong_dan"), ("KẾT LUẬN", "ket_luan"), ("QUY ĐỊNH", "quy_dinh"),
        ("BIÊN BẢN", "bien_ban"), ("GIẤY MỜI", "giay_moi"), ("THÔNG TƯ", "thong_tu"), ("KẾ HOẠCH", "ke_hoach"),
        ("BÁO CÁO", "bao_cao"), ("CHỈ THỊ", "chi_thi"), ("TỜ TRÌNH", "to_trinh"), ("CÔNG VĂN", "cong_van"),
        ("CÔNG ĐIỆN", "other"), ("THÔNG TRI", "other"), ("ĐỀ ÁN", "other"), ("QUY CHẾ", "other"), ("ĐIỀU LỆ", "other"), ("LUẬT", "luat"),
    ];
}
