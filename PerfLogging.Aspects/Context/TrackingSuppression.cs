namespace PerfLogging.Runtime;

/// <summary>
/// While PerfLogging itself calls into logging, telemetry or formatting, woven code reached from there is not
/// tracked: it runs normally, writes no record and counts in no metric. Otherwise a provider, listener or
/// <c>ToString()</c> that calls woven code would recurse until the stack overflows, or feed itself records forever.
/// </summary>
/// <remarks>
/// On the calling thread a counter says so (cheap: it guards every <c>IsEnabled</c> call). Around writing a record,
/// where a provider may ship it through woven async code (<c>_ = ShipAsync(line)</c>), a flag also flows into the async
/// work started from there, and afterwards the caller's own execution context is restored exactly (whatever the
/// provider did to it). Execution contexts are immutable, so the context "the caller's plus the flag" is kept for the
/// last caller context on each thread: consecutive records written in one flow state allocate nothing, and a thread
/// holds at most two contexts.
/// </remarks>
internal static class TrackingSuppression
{
    private static readonly object Suppressed = new();
    private static readonly AsyncLocal<object?> s_flow = new();
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static ExecutionContext? t_lastCaller;

    [ThreadStatic]
    private static ExecutionContext? t_lastSuppressed;

    /// <summary>Gets a value indicating whether woven code starting now is reached from PerfLogging's own calls.</summary>
    public static bool IsActive => t_depth != 0 || s_flow.Value is not null;

    /// <summary>Gets a value indicating whether PerfLogging is calling out on this thread right now.</summary>
    public static bool OnThisThread => t_depth != 0;

    /// <summary>Suppresses tracking on this thread until the section is disposed (synchronous calls only).</summary>
    public static ThreadSection OnThread()
    {
        t_depth++;
        return default;
    }

    /// <summary>Suppresses tracking on this thread and in the async work started before the section is disposed.</summary>
    public static FlowSection WithFlow()
    {
        t_depth++;
        if (s_flow.Value is not null)
        {
            return default;
        }

        var previous = ExecutionContext.Capture();
        if (previous is null)
        {
            // The caller suppressed flow: there is no context to restore, only the flag to clear.
            s_flow.Value = Suppressed;
            return new FlowSection(null, clear: true);
        }

        if (ReferenceEquals(previous, t_lastCaller) && t_lastSuppressed is { } suppressed)
        {
            ExecutionContext.Restore(suppressed);
        }
        else
        {
            s_flow.Value = Suppressed;
            t_lastCaller = previous;
            t_lastSuppressed = ExecutionContext.Capture();
        }

        return new FlowSection(previous, clear: false);
    }

    public readonly struct ThreadSection : IDisposable
    {
        public void Dispose() => t_depth--;
    }

    public readonly struct FlowSection(ExecutionContext? previous, bool clear) : IDisposable
    {
        public void Dispose()
        {
            t_depth--;
            if (previous is not null)
            {
                ExecutionContext.Restore(previous);
            }
            else if (clear)
            {
                s_flow.Value = null;
            }
        }
    }
}
