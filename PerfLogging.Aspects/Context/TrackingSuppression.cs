namespace PerfLogging.Runtime;

/// <summary>
/// While PerfLogging itself calls into logging, telemetry or formatting, woven code reached from there is not
/// tracked: it runs normally, writes no record and counts in no metric. Otherwise a provider, listener or
/// <c>ToString()</c> that calls woven code would recurse until the stack overflows, or feed itself records forever.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of section. <see cref="WithFlow"/> (writing a record, formatting values, starting and stopping spans,
/// recording metrics) puts a flag into the execution context, so async work started from there is untracked too
/// (<c>_ = ShipAsync(line)</c>), and afterwards restores the caller's execution context exactly, whatever the callee
/// did to it. Code that is not PerfLogging's callee but runs inline inside such a section (a continuation of the
/// caller's own flow, resumed by a provider that completes a task) runs under its own execution context, without the
/// flag, so it is tracked. <see cref="OnThread"/> (<c>IsEnabled</c> on every call, <c>CreateLogger</c>) is the cheap
/// one, a counter on the thread (one thread-static read): it covers what the callee does synchronously.
/// </para>
/// <para>
/// The context "caller's plus the flag" is built once per caller context and reused while both live, through weak
/// references on the thread: consecutive records in one flow state allocate nothing, and nothing is kept alive.
/// </para>
/// </remarks>
internal static class TrackingSuppression
{
    private static readonly object Suppressed = new();
    private static readonly AsyncLocal<object?> s_flow = new();

    /// <summary>
    /// Set by the first flow section ever: until then no execution context can carry the flag, and the check on every
    /// call skips the async-local read (a process whose calls never write a record, span or metric never pays it).
    /// </summary>
    private static volatile bool s_flowUsed;

    /// <summary>How many synchronous call-outs are running on this thread: read and counted on every tracked call.</summary>
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static ThreadState? t_state;

    /// <summary>Gets a value indicating whether woven code starting now is reached from PerfLogging's own calls.</summary>
    public static bool IsActive => InSuppressedFlow || OnThisThread;

    /// <summary>Gets a value indicating whether the flag of a flow section is in the current execution context.</summary>
    public static bool InSuppressedFlow => s_flowUsed && s_flow.Value is not null;

    /// <summary>Gets a value indicating whether PerfLogging is calling out synchronously on this thread.</summary>
    public static bool OnThisThread => t_depth != 0;

    /// <summary>Suppresses tracking on this thread until the section is disposed (synchronous calls).</summary>
    public static ThreadSection OnThread()
    {
        t_depth++;
        return default;
    }

    /// <summary>
    /// The counter itself, for the per-call <c>IsEnabled</c> path: read once by reference, then checked, counted up and
    /// down through it (one thread-static address computation instead of three).
    /// </summary>
    public static ref int Depth => ref t_depth;

    /// <summary>Suppresses tracking here and in the async work started before the section is disposed.</summary>
    public static FlowSection WithFlow()
    {
        if (s_flow.Value is not null)
        {
            return default;
        }

        if (!s_flowUsed)
        {
            s_flowUsed = true;
        }

        var previous = ExecutionContext.Capture();
        var restoreSuppression = false;
        if (previous is null)
        {
            // The caller suppressed flow: let it flow for the section (the flag must reach the callee's async work),
            // and suppress it again afterwards.
            ExecutionContext.RestoreFlow();
            previous = ExecutionContext.Capture()!;
            restoreSuppression = true;
        }

        var cache = (t_state ??= new ThreadState()).Cache;
        if (cache.Lookup(previous) is { } suppressed)
        {
            ExecutionContext.Restore(suppressed);
        }
        else
        {
            s_flow.Value = Suppressed;
            cache.Store(previous, ExecutionContext.Capture()!);
        }

        return new FlowSection(previous, restoreSuppression);
    }

    public readonly struct ThreadSection : IDisposable
    {
        public void Dispose() => t_depth--;
    }

    public sealed class ThreadState
    {
        public ContextCache Cache { get; } = new();
    }

    public readonly struct FlowSection(ExecutionContext? previous, bool suppressFlow) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                return;
            }

            ExecutionContext.Restore(previous);
            if (suppressFlow)
            {
                ExecutionContext.SuppressFlow();
            }
        }
    }

    /// <summary>The last (caller context, caller context plus flag) pair of a thread, held weakly.</summary>
    public sealed class ContextCache
    {
        private readonly WeakReference<ExecutionContext?> _caller = new(null);
        private readonly WeakReference<ExecutionContext?> _suppressed = new(null);

        public ExecutionContext? Lookup(ExecutionContext caller) =>
            _caller.TryGetTarget(out var known) && ReferenceEquals(known, caller) && _suppressed.TryGetTarget(out var suppressed)
                ? suppressed
                : null;

        public void Store(ExecutionContext caller, ExecutionContext suppressed)
        {
            _caller.SetTarget(caller);
            _suppressed.SetTarget(suppressed);
        }
    }
}
