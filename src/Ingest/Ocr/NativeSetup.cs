using System.Runtime.InteropServices;

namespace DocIntel.Ingest.Ocr;

/// <summary>
/// Process set-up that must happen before libtesseract (built with OpenMP) is loaded: OMP_THREAD_LIMIT=1, or every
/// page spawns a thread team that fights the other workers (measured 15–18 s instead of 5 s a page).
/// Environment.SetEnvironmentVariable does not reach the C environment on Unix, so setenv is called directly.
/// </summary>
internal static partial class NativeSetup
{
    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureLoaded() => _ = Loaded.Value;

    private static bool Load()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // overwrite = 0: a value the user set on purpose wins.
            _ = setenv("OMP_THREAD_LIMIT", "1", 0);
        }
        Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") ?? "1");
        try
        {
            _ = TesseractNative.TessVersion();
            _ = TesseractNative.setMsgSeverity(6); // L_SEVERITY_NONE: Leptonica warnings are not ours to print
        }
        catch (DllNotFoundException ex)
        {
            throw new OcrUnavailableException($"Tesseract is not installed (libtesseract.so.5 / liblept.so.5: {ex.Message}); run scripts/setup.sh");
        }
        return true;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
