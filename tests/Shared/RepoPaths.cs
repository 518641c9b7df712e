namespace DocIntel.Tests;

/// <summary>Finds the repository root (the folder with DocIntel.sln) so tests can read testdata/. Shared by every test project.</summary>
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
