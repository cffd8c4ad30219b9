namespace PerfLogging.Runtime;

/// <summary>
/// While PerfLogging itself calls into logging, telemetry or formatting, woven code reached from there is not
/// tracked: it runs normally, writes no record and counts in no metric. Otherwise a provider, listener or
/// <c>ToString()</c> that calls woven code would recurse until the stack overflows, or feed itself records forever.
/// </summary>
/// <remarks>
/// On the calling thread a counter says so (cheap: it guards every <c>IsEnabled</c> call). Around writing a record,
/// where a provider may ship it through woven async code (<c>_ = ShipAsync(line)</c>), a flag also flows into the async
/// work started from there; an <see cref="AsyncLocal{T}"/> write allocates, so only that section pays for it.
/// </remarks>
internal static class TrackingSuppression
{
    private static readonly AsyncLocal<bool> s_flow = new();

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Gets a value indicating whether woven code starting now is reached from PerfLogging's own calls.</summary>
    public static bool IsActive => t_depth != 0 || s_flow.Value;

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
        var set = !s_flow.Value;
        if (set)
        {
            s_flow.Value = true;
        }

        return new FlowSection(set);
    }

    public readonly struct ThreadSection : IDisposable
    {
        public void Dispose() => t_depth--;
    }

    public readonly struct FlowSection(bool restore) : IDisposable
    {
        public void Dispose()
        {
            t_depth--;
            if (restore)
            {
                s_flow.Value = false;
            }
        }
    }
}
