using System.ComponentModel.DataAnnotations;

namespace DocIntel.Api;

/// <summary>Settings of the HTTP API (section "DocIntel" of the configuration).</summary>
public sealed class ApiOptions
{
    public const string Section = "DocIntel";

    /// <summary>The SQLite store the API answers from.</summary>
    [Required]
    public string Database { get; set; } = "docintel.db";
}
