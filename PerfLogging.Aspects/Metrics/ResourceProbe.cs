using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// Memory and CPU readings at the start of an operation. Memory is the managed heap (GC.GetTotalMemory without a
/// collection) and the bytes allocated: by the current thread when the operation ends on the thread it started
/// on, otherwise by the whole process. CPU is process CPU time over wall time.
/// </summary>
internal sealed class ResourceProbe
{
    private const double BytesPerMb = 1024 * 1024;

    private readonly long _heapBytes;
    private readonly long _threadAllocated;
    private readonly long _processAllocated;
    private readonly int _threadId;
    private readonly TimeSpan _cpu;
    private readonly bool _memory;
    private readonly bool _cpuTaken;

    private ResourceProbe(long heapBytes, long threadAllocated, long processAllocated, int threadId, TimeSpan cpu, bool memory, bool cpuTaken)
    {
        _heapBytes = heapBytes;
        _threadAllocated = threadAllocated;
        _processAllocated = processAllocated;
        _threadId = threadId;
        _cpu = cpu;
        _memory = memory;
        _cpuTaken = cpuTaken;
    }

    public static ResourceProbe Start(bool memory, bool cpu)
    {
        long heap = 0, thread = 0, process = 0;
        var cpuTime = TimeSpan.Zero;
        var memoryTaken = false;
        var cpuTaken = false;
        if (memory)
        {
            try
            {
                heap = ResourceReadings.HeapBytes();
                thread = GC.GetAllocatedBytesForCurrentThread();
                process = GC.GetTotalAllocatedBytes(precise: false);
                memoryTaken = true;
            }
            catch (Exception ex)
            {
                SelfDiagnostics.Report(SelfDiagnosticKind.MemoryProbe, "Reading memory failed; memory fields are left empty.", ex);
            }
        }

        if (cpu)
        {
            try
            {
                cpuTime = ResourceReadings.ProcessorTime();
                cpuTaken = true;
            }
            catch (Exception ex)
            {
                SelfDiagnostics.Report(SelfDiagnosticKind.CpuProbe, "Reading CPU time failed; cpu_percent is left empty.", ex);
            }
        }

        return new ResourceProbe(heap, thread, process, Environment.CurrentManagedThreadId, cpuTime, memoryTaken, cpuTaken);
    }

    public ResourceUsage Stop(bool memory, bool cpu, double elapsedSeconds)
    {
        var usage = new ResourceUsage();
        if (memory && _memory)
        {
            try
            {
                var heap = ResourceReadings.HeapBytes();
                usage.MemoryStartMb = _heapBytes / BytesPerMb;
                usage.MemoryEndMb = heap / BytesPerMb;
                usage.MemoryDeltaMb = (heap - _heapBytes) / BytesPerMb;
                usage.MemoryPeakMb = Math.Max(heap, _heapBytes) / BytesPerMb;
                usage.AllocatedBytes = Environment.CurrentManagedThreadId == _threadId
                    ? GC.GetAllocatedBytesForCurrentThread() - _threadAllocated
                    : GC.GetTotalAllocatedBytes(precise: false) - _processAllocated;
            }
            catch (Exception ex)
            {
                SelfDiagnostics.Report(SelfDiagnosticKind.MemoryProbe, "Reading memory failed; memory fields are left empty.", ex);
                usage = new ResourceUsage();
            }
        }

        if (cpu && _cpuTaken)
        {
            try
            {
                var cpuSeconds = (ResourceReadings.ProcessorTime() - _cpu).TotalSeconds;
                usage.CpuPercent = elapsedSeconds > 0 ? Math.Round(cpuSeconds / elapsedSeconds * 100, 2) : 0;
            }
            catch (Exception ex)
            {
                SelfDiagnostics.Report(SelfDiagnosticKind.CpuProbe, "Reading CPU time failed; cpu_percent is left empty.", ex);
            }
        }

        return usage;
    }
}

/// <summary>What <see cref="ResourceProbe.Stop"/> measured; null where nothing was measured.</summary>
internal sealed class ResourceUsage
{
    public double? MemoryStartMb;
    public double? MemoryEndMb;
    public double? MemoryDeltaMb;
    public double? MemoryPeakMb;
    public long? AllocatedBytes;
    public double? CpuPercent;
}

/// <summary>The probes, replaceable so tests can make them fail.</summary>
internal static class ResourceReadings
{
    public static Func<long> HeapBytes { get; set; } = static () => GC.GetTotalMemory(forceFullCollection: false);

    public static Func<TimeSpan> ProcessorTime { get; set; } = static () => Environment.CpuUsage.TotalTime;
}
