using System.Runtime.InteropServices;

namespace DocIntel.Cli.Commands;

/// <summary>
/// CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID): on a shared machine, wall time measures the
/// queue for a core as much as the query. The store's calls complete synchronously, so a query stays on its thread;
/// where it does not, the figure undercounts (it is a lower bound).
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in this project; the signature is blittable
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    // Elsewhere the wall clock stands in, so differences stay meaningful.
    private static readonly System.Diagnostics.Stopwatch Fallback = System.Diagnostics.Stopwatch.StartNew();

    public static TimeSpan Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0
            ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100)
            : Fallback.Elapsed;
}
