using System.Diagnostics;
using System.IO.Compression;
using DocIntel.Ingest.Readers;

namespace DocIntel.Ingest.Bulk;

/// <summary>Limits that keep a hostile or broken archive from exhausting memory or escaping its folder.</summary>
public sealed record ArchiveLimits
{
    /// <summary>Largest file read, in a folder or inside an archive.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest total of uncompressed bytes taken from one archive (nested ones included).</summary>
    public long MaxArchiveBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Largest compression ratio accepted for an entry above 1 MB (text compresses about 5–10×; bombs 1000×).</summary>
    public double MaxRatio { get; init; } = 200;

    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>How deep archives inside archives are opened.</summary>
    public int MaxNesting { get; init; } = 3;
}

/// <summary>A file found under the roots: its bytes, or why it was refused without reading it.</summary>
public sealed record SourceFile(string Path, byte[]? Bytes, string? Refusal, TimeSpan ReadTime);

/// <summary>
/// Walks folders (recursively, in ordinal order) and .zip archives read in place: an entry's path keeps the archive and
/// its folders as provenance (<c>/data/2024.zip!/xa-tan-thanh/bao-cao.txt</c>). Entries that would escape the archive's
/// folder (zip-slip) or that inflate beyond the limits (zip bombs) are refused with a reason, never read.
/// </summary>
public sealed class ArchiveWalker(ArchiveLimits limits)
{
    public const string ArchiveSeparator = "!/";

    public static bool IsArchive(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static bool IsSupported(string path) => IsArchive(path) || FileReaders.Extensions.Contains(System.IO.Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The files on disk under the roots, in the order they are read; archives are listed, not opened.</summary>
    public static IEnumerable<string> DiskFiles(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (var root in roots)
        {
            if (File.Exists(root)) { yield return System.IO.Path.GetFullPath(root); continue; }
            if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"no such file or directory: {root}");
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
            foreach (var f in Directory.EnumerateFiles(root, "*", options).Select(System.IO.Path.GetFullPath).Order(StringComparer.Ordinal))
            {
                if (IsSupported(f)) yield return f;
            }
        }
    }

    /// <summary>How many files a walk will yield (archives opened for their directory only), for progress and ETA.</summary>
    public int Count(IEnumerable<string> roots)
    {
        var n = 0;
        foreach (var f in DiskFiles(roots))
        {
            if (!IsArchive(f)) { n++; continue; }
            try
            {
                using var zip = ZipFile.OpenRead(f);
                n += zip.Entries.Count(e => e.Name.Length > 0 && IsSupported(e.FullName));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>Reads every file under the roots, one at a time (memory holds one file here; the loader bounds the rest).</summary>
    public IEnumerable<SourceFile> Read(IEnumerable<string> roots, CancellationToken cancellationToken)
    {
        foreach (var path in DiskFiles(roots))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsArchive(path))
            {
                foreach (var entry in ReadArchive(path, cancellationToken)) yield return entry;
                continue;
            }
            yield return ReadDiskFile(path);
        }
    }

    private SourceFile ReadDiskFile(string path)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var size = new FileInfo(path).Length;
            if (size > limits.MaxFileBytes) return new SourceFile(path, null, $"file too large ({Mb(size)}, limit {Mb(limits.MaxFileBytes)})", watch.Elapsed);
            return new SourceFile(path, File.ReadAllBytes(path), null, watch.Elapsed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SourceFile(path, null, $"cannot read file: {ex.Message}", watch.Elapsed);
        }
    }

    private IEnumerable<SourceFile> ReadArchive(string path, CancellationToken ct)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return [new SourceFile(path, null, $"not a readable zip archive: {ex.Message}", TimeSpan.Zero)];
        }
        return Entries(zip, path, 1, new long[1], ct);
    }

    private IEnumerable<SourceFile> Entries(ZipArchive zip, string archivePath, int depth, long[] taken, CancellationToken ct)
    {
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxEntries)
            {
                yield return new SourceFile(archivePath, null, $"zip archive refused: {zip.Entries.Count} entries (limit {limits.MaxEntries})", TimeSpan.Zero);
                yield break;
            }
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                ct.ThrowIfCancellationRequested();
                var name = entry.FullName.Replace('\\', '/');
                if (!IsSupported(name)) continue;
                var path = archivePath + ArchiveSeparator + name;
                if (Unsafe(name) is { } why)
                {
                    yield return new SourceFile(path, null, $"zip-slip refused: entry path {why}", TimeSpan.Zero);
                    continue;
                }
                var (bytes, refusal, time) = ReadEntry(entry, taken);
                if (bytes is null)
                {
                    yield return new SourceFile(path, null, refusal, time);
                    continue;
                }
                if (!IsArchive(name))
                {
                    yield return new SourceFile(path, bytes, null, time);
                    continue;
                }
                if (depth >= limits.MaxNesting)
                {
                    yield return new SourceFile(path, null, $"nested archive refused: deeper than {limits.MaxNesting} levels", time);
                    continue;
                }
                ZipArchive? inner = null;
                string? error = null;
                try
                {
                    inner = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
                }
                catch (InvalidDataException ex)
                {
                    error = $"not a readable zip archive: {ex.Message}";
                }
                if (inner is null)
                {
                    yield return new SourceFile(path, null, error, time);
                    continue;
                }
                foreach (var f in Entries(inner, path, depth + 1, taken, ct)) yield return f;
            }
        }
    }

    /// <summary>Why an entry name would escape the extraction folder, or null when it is safe.</summary>
    internal static string? Unsafe(string name)
    {
        if (name.StartsWith('/')) return $"'{name}' is absolute";
        if (name.Length >= 2 && name[1] == ':') return $"'{name}' names a drive";
        if (name.Split('/').Any(s => s == "..")) return $"'{name}' climbs out with '..'";
        if (name.Contains('\0', StringComparison.Ordinal)) return $"'{name}' contains a NUL";
        return null;
    }

    private (byte[]? Bytes, string? Refusal, TimeSpan Time) ReadEntry(ZipArchiveEntry entry, long[] taken)
    {
        var watch = Stopwatch.StartNew();
        var declared = entry.Length;
        if (declared > limits.MaxFileBytes)
            return (null, $"zip bomb refused: entry inflates to {Mb(declared)} (limit {Mb(limits.MaxFileBytes)})", watch.Elapsed);
        if (declared > 1024 * 1024 && entry.CompressedLength > 0 && (double)declared / entry.CompressedLength > limits.MaxRatio)
            return (null, $"zip bomb refused: compression ratio {declared / entry.CompressedLength}:1 (limit {limits.MaxRatio}:1)", watch.Elapsed);
        if (taken[0] + declared > limits.MaxArchiveBytes)
            return (null, $"zip bomb refused: archive inflates beyond {Mb(limits.MaxArchiveBytes)}", watch.Elapsed);
        try
        {
            using var s = entry.Open();
            // Never trust the declared size: fill exactly that much, then check that nothing follows.
            var buffer = new byte[declared];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = s.Read(buffer, read, buffer.Length - read)) > 0) read += n;
            if (s.Read(new byte[1], 0, 1) > 0) return (null, "zip bomb refused: entry inflates beyond its declared size", watch.Elapsed);
            taken[0] += read;
            return (read == buffer.Length ? buffer : buffer[..read], null, watch.Elapsed);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return (null, $"damaged zip entry: {ex.Message}", watch.Elapsed);
        }
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MB";
}
