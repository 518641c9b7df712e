using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;
using Microsoft.Data.Sqlite;

namespace DocIntel.Cli.Commands;

/// <summary>
/// `docintel bench store DIR`: the store writer alone, over documents extracted beforehand (extraction is not timed):
/// documents/s of <see cref="SqliteDocumentStore.WriteAsync"/> in batches as the bulk loader sends them, against a
/// baseline in the same process: the same rows' text and JSON inserted into one plain table (SQLite's floor here).
/// </summary>
internal static class StoreBenchmark
{
    public static Command Create(AppServices services)
    {
        var dir = new Argument<string>("DIR") { Description = "folder of documents (e.g. from docintel generate)" };
        var count = new Option<int>("--count") { Description = "documents at most", DefaultValueFactory = _ => 5000 };
        var batch = new Option<int>("--batch") { Description = "files per transaction (the loader's batch)", DefaultValueFactory = _ => 256 };
        var cmd = new Command("store", "Documents/s of the store writer alone over pre-extracted documents, against plain inserts") { dir, count, batch };
        cmd.SetAction(async (pr, ct) =>
        {
            var folder = pr.GetValue(dir)!;
            if (!Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"docintel: no such folder: {folder}").ConfigureAwait(false);
                return 2;
            }
            var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(pr.GetValue(count)).ToList();
            var pipeline = services.CreatePipeline();
            var watch = Stopwatch.StartNew();
            var writes = new StoreFile[files.Count];
            await Parallel.ForAsync(0, files.Count, ct, async (i, token) =>
            {
                var bytes = await File.ReadAllBytesAsync(files[i], token).ConfigureAwait(false);
                var outcome = await pipeline.RunAsync(files[i], bytes, token).ConfigureAwait(false);
                writes[i] = new StoreFile(new FileRecord(outcome.Sha256, files[i], bytes.LongLength), outcome.Documents);
            }).ConfigureAwait(false);
            var docs = writes.Sum(w => w.Documents.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {files.Count} files, {docs} documents extracted in {watch.Elapsed.TotalSeconds:F1} s (not timed below)"));

            var work = Path.Combine(Path.GetTempPath(), $"docintel-bench-store-{Guid.NewGuid():N}");
            Directory.CreateDirectory(work);
            try
            {
                var size = pr.GetValue(batch);
                var (baseWall, baseCpu) = await TimeAsync(() => PlainInsertsAsync(Path.Combine(work, "plain.db"), writes, size, ct)).ConfigureAwait(false);
                Report("baseline: plain inserts (text + JSON, one table)", docs, baseWall, baseCpu, null);
                var path = Path.Combine(work, "store.db");
                var (wall, cpu) = await TimeAsync(async () =>
                {
                    await using var store = new SqliteDocumentStore(path);
                    await store.InitializeAsync(ct).ConfigureAwait(false);
                    foreach (var chunk in writes.Chunk(size)) await store.WriteAsync(chunk, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
                Report("store writer (documents, citations, FTS)", docs, wall, cpu, baseWall);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store size: {new FileInfo(path).Length / 1048576.0:F1} MB ({new FileInfo(path).Length / Math.Max(1, docs)} bytes/document)"));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(work, recursive: true);
            }
            return 0;
        });
        return cmd;
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(Func<Task> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        return (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static void Report(string name, int docs, TimeSpan wall, TimeSpan cpu, TimeSpan? baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-50} {docs / wall.TotalSeconds,8:F0} docs/s  wall {wall.TotalSeconds,6:F2} s  CPU {cpu.TotalSeconds,6:F2} s{(baseline is { } b ? $"  ({wall / b:F2}× the baseline's time)" : "")}"));

    private static async Task PlainInsertsAsync(string path, IReadOnlyList<StoreFile> writes, int batch, CancellationToken ct)
    {
        await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync(ct).ConfigureAwait(false);
        using (var init = c.CreateCommand())
        {
            init.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t(id TEXT PRIMARY KEY, json TEXT, text TEXT);";
            await init.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        foreach (var chunk in writes.Chunk(batch))
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO t VALUES ($i, $j, $t)";
            var (i, j, t) = (cmd.Parameters.Add(new SqliteParameter("$i", "")), cmd.Parameters.Add(new SqliteParameter("$j", "")), cmd.Parameters.Add(new SqliteParameter("$t", "")));
            foreach (var d in chunk.SelectMany(w => w.Indexed))
            {
                (i.Value, j.Value, t.Value) = (d.Id, d.Json, d.Text);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            tx.Commit();
        }
    }
}
