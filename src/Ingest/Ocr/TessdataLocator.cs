namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Finds the traineddata folder: the option (--tessdata), $DOCINTEL_TESSDATA, $TESSDATA_PREFIX, models/tessdata (best_int
/// vie) beside the program or above the working folder, or Debian's.
/// </summary>
public static class TessdataLocator
{
    public const string DebianFolder = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>The folder to pass to Tesseract, or null for its built-in default (Debian's folder).</summary>
    public static string? Resolve(string? configured, string languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (!string.IsNullOrEmpty(configured)) return configured;
        // TESSDATA_PREFIX is Tesseract's own variable (the folder holding the .traineddata files, as in Tesseract 5).
        foreach (var name in new[] { "DOCINTEL_TESSDATA", "TESSDATA_PREFIX" })
        {
            var env = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(env)) return env;
        }
        foreach (var dir in Candidates())
        {
            if (languages.Split('+').All(l => File.Exists(System.IO.Path.Combine(dir, l + ".traineddata")))) return dir;
        }
        return null;
    }

    internal static string FolderWithPdfFont(string? configured) =>
        configured is not null && File.Exists(System.IO.Path.Combine(configured, "pdf.ttf")) ? configured : DebianFolder;

    private static IEnumerable<string> Candidates()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }.Distinct())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "models", "tessdata");
                if (Directory.Exists(candidate)) yield return candidate;
            }
        }
    }
}
