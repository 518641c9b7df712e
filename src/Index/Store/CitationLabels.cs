using DocIntel.Extract.Normalization;

namespace DocIntel.Index.Store;

/// <summary>How a person names a cited document: "Nghị định 59/2023/NĐ-CP", "Luật Thực hiện dân chủ ở cơ sở".</summary>
public static class CitationLabels
{
    public static string Of(string? type, string? number, string? title, string key)
    {
        if (number is not null) return type is null ? number : $"{type} {number}";
        if (title is not null)
        {
            return type is null || SearchFolding.Fold(title).StartsWith(SearchFolding.Fold(type), StringComparison.Ordinal) ? title : $"{type} {title}";
        }
        return type is null ? key : $"{type} {key}";
    }
}
