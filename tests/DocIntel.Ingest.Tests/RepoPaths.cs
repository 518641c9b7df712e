namespace DocIntel.Ingest.Tests;

/// <summary>Finds the repository root (the folder with DocIntel.sln) so tests can read testdata/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string TestData(params string[] parts) => Path.Combine([Root, "testdata", .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DocIntel.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DocIntel.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "docintel-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
