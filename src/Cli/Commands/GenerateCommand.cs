using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Ingest.Bulk.Synthetic;

namespace DocIntel.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create(AppServices services)
    {
        var output = new Argument<string>("OUT") { Description = "folder to write (province/district/commune subfolders), or a file ending in .zip" };
        var count = new Option<int>("--count") { Description = "how many documents", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same archive)", DefaultValueFactory = _ => 42 };
        var provinces = new Option<int>("--provinces") { Description = "issuers from this many provinces (1–63)", DefaultValueFactory = _ => 63 };
        var templates = new Option<string[]>("--templates")
        {
            Description = "folders of real .txt documents whose body sentences are reused (default: testdata/seeds, plus ../shared/corpus/text when present)",
            AllowMultipleArgumentsPerToken = true,
        };
        var cmd = new Command("generate", "Write a synthetic archive of realistic documents (issuers across the gazetteer, numbers, dates, citations) for scale tests")
        {
            output, count, seed, provinces, templates,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            if (pr.GetValue(count) < 1) return await Output.FailAsync("--count takes a number ≥ 1").ConfigureAwait(false);
            var folders = pr.GetValue(templates) is { Length: > 0 } t ? t : DefaultTemplates();
            var texts = new List<string>();
            foreach (var folder in folders)
            {
                if (!Directory.Exists(folder)) return await Output.FailAsync($"no template folder {folder}").ConfigureAwait(false);
                foreach (var f in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    texts.Add(await File.ReadAllTextAsync(f, ct).ConfigureAwait(false));
            }
            var watch = Stopwatch.StartNew();
            var archive = new SyntheticArchive(services.Reference, texts);
            var n = SyntheticArchive.Write(archive.Generate(new SyntheticOptions { Count = pr.GetValue(count), Seed = pr.GetValue(seed), Provinces = pr.GetValue(provinces) }), pr.GetValue(output)!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {n} documents to {pr.GetValue(output)} in {watch.Elapsed.TotalSeconds:F1} s (templates: {string.Join(", ", folders)})"));
            return 0;
        });
        return cmd;
    }

    private static string[] DefaultTemplates()
    {
        var root = FindRepo();
        var list = new List<string> { Path.Combine(root, "testdata", "seeds") };
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "text"));
        if (Directory.Exists(corpus)) list.Add(corpus);
        return list.Where(Directory.Exists).ToArray();
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "testdata", "seeds"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
