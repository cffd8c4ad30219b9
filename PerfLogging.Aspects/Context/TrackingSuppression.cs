using System.Runtime.CompilerServices;

namespace PerfLogging.Runtime;

/// <summary>
/// While PerfLogging itself calls into logging, telemetry or formatting, woven code reached from there is not
/// tracked: it runs normally, writes no record and counts in no metric. Otherwise a provider, listener or
/// <c>ToString()</c> that calls woven code would recurse until the stack overflows, or feed itself records forever.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of section. <see cref="WithFlow()"/> (writing a record, formatting values, starting and stopping spans,
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

    /// <summary>Gets a value indicating whether woven code starting now is reached from PerfLogging's own calls.</summary>
    public static bool IsActive => InSuppressedFlow || OnThisThread;

    /// <summary>Gets a value indicating whether the flag of a flow section is in the current execution context.</summary>
    public static bool InSuppressedFlow => s_flowUsed && s_flow.Value is not null;

    /// <summary>Gets a value indicating whether any flow section has been entered yet (before that no context has the flag).</summary>
    public static bool FlowUsed => s_flowUsed;

    /// <summary>
    /// As <see cref="InSuppressedFlow"/>, on the current thread's state, already at hand. A context found without the
    /// flag is remembered (weakly): the next calls in the same context compare one reference instead of looking the
    /// flag up. A thread without any execution context (the default one) has no flag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InSuppressedFlowOn(TrackedThread current) =>
        ContextSlot.Available ? ContextSlot.Of(current.Thread) is { } context && InSuppressedContext(current, context) : s_flow.Value is not null;

    private static bool InSuppressedContext(TrackedThread current, ExecutionContext context)
    {
        var cache = current.Contexts;
        if (cache.IsUnflagged(context))
        {
            return false;
        }

        if (s_flow.Value is not null)
        {
            return true;
        }

        cache.RememberUnflagged(context);
        return false;
    }

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
    public static FlowSection WithFlow() => WithFlow(TrackedThread.Current);

    /// <summary>As <see cref="WithFlow()"/>, on the current thread's state, already at hand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlowSection WithFlow(TrackedThread current)
    {
        var cache = current.Contexts;
        if (ContextSlot.Available)
        {
            // The fast switch: the thread's context is swapped in place for the cached "caller's plus the flag". A
            // cached pair exists only for a caller without the flag whose flow is not suppressed.
            var thread = current.Thread;
            ref var slot = ref ContextSlot.Of(thread);
            var caller = slot;
            if (cache.Lookup(caller) is { } cached)
            {
                slot = cached;
                return new FlowSection(thread, caller, cached, ContextSlot.SynchronizationOf(thread));
            }
        }

        return Enter(cache);
    }

    /// <summary>The section through the public API: first use in a context, a suppressed flow, or no fast switch.</summary>
    private static FlowSection Enter(ContextCache cache)
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

        // With the fast switch the cache was asked already (and had no pair), under the key the fast switch reads:
        // the thread's field, null for the default context. A flow the caller suppressed is never cached.
        if (!ContextSlot.Available && cache.Lookup(previous) is { } suppressed)
        {
            ExecutionContext.Restore(suppressed);
        }
        else
        {
            var caller = ContextSlot.Available ? ContextSlot.Of(Thread.CurrentThread) : previous;
            s_flow.Value = Suppressed;
            if (!restoreSuppression)
            {
                cache.Store(caller, ExecutionContext.Capture()!);
            }
        }

        return new FlowSection(null, previous, null, SynchronizationContext.Current, restoreSuppression);
    }

    public readonly struct ThreadSection : IDisposable
    {
        public void Dispose() => t_depth--;
    }

    /// <summary>
    /// Ends a flow section: the caller's execution and synchronization contexts are current again. After a fast switch,
    /// the execution context is put back in place when the thread still holds the one the section installed (the two
    /// differ only by the flag, which has no change handler, so there is nothing to notify); if the callee left another
    /// one current, the public <see cref="ExecutionContext.Restore"/> replaces it, raising the change notifications it
    /// owes. A synchronization context the callee left behind is replaced by the caller's.
    /// </summary>
    public readonly struct FlowSection : IDisposable
    {
        private readonly Thread? _thread;
        private readonly ExecutionContext? _previous;
        private readonly ExecutionContext? _installed;
        private readonly SynchronizationContext? _synchronization;
        private readonly bool _suppressFlow;

        public FlowSection(Thread? thread, ExecutionContext? previous, ExecutionContext? installed, SynchronizationContext? synchronization, bool suppressFlow = false)
        {
            _thread = thread;
            _previous = previous;
            _installed = installed;
            _synchronization = synchronization;
            _suppressFlow = suppressFlow;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose()
        {
            if (_thread is not null)
            {
                ref var slot = ref ContextSlot.Of(_thread);
                if (ReferenceEquals(slot, _installed))
                {
                    slot = _previous;
                }
                else
                {
                    ExecutionContext.Restore(_previous ?? ContextSlot.DefaultContext!);
                }

                RestoreSynchronization(ContextSlot.SynchronizationOf(_thread));
                return;
            }

            if (_previous is null)
            {
                return;
            }

            ExecutionContext.Restore(_previous);
            if (_suppressFlow)
            {
                ExecutionContext.SuppressFlow();
            }

            RestoreSynchronization(SynchronizationContext.Current);
        }

        private void RestoreSynchronization(SynchronizationContext? current)
        {
            if (!ReferenceEquals(current, _synchronization))
            {
                SynchronizationContext.SetSynchronizationContext(_synchronization);
            }
        }
    }

    /// <summary>
    /// The last (caller context, caller context plus flag) pair of a thread, held weakly; the default context's pair
    /// is one for the process (the default context holds no values, so it keeps nothing alive).
    /// </summary>
    public sealed class ContextCache
    {
        private static ExecutionContext? s_defaultSuppressed;

        private readonly WeakReference<ExecutionContext?> _caller = new(null);
        private readonly WeakReference<ExecutionContext?> _suppressed = new(null);
        private readonly WeakReference<ExecutionContext?> _unflagged = new(null);

        /// <summary>True when <paramref name="context"/> is the last context found without the flag on this thread.</summary>
        public bool IsUnflagged(ExecutionContext context) => _unflagged.TryGetTarget(out var known) && ReferenceEquals(known, context);

        public void RememberUnflagged(ExecutionContext context) => _unflagged.SetTarget(context);

        /// <param name="caller">The caller's context; null is the default context (as a thread holds it).</param>
        public ExecutionContext? Lookup(ExecutionContext? caller) =>
            caller is null ? s_defaultSuppressed
            : _caller.TryGetTarget(out var known) && ReferenceEquals(known, caller) && _suppressed.TryGetTarget(out var suppressed) ? suppressed
            : null;

        public void Store(ExecutionContext? caller, ExecutionContext suppressed)
        {
            if (caller is null)
            {
                s_defaultSuppressed = suppressed;
                return;
            }

            _caller.SetTarget(caller);
            _suppressed.SetTarget(suppressed);
        }
    }
}
