using System.Runtime.CompilerServices;

namespace PerfLogging.Runtime;

/// <summary>
/// The field in which a thread holds its execution context, read and written in place: what
/// <see cref="ExecutionContext.Capture"/> reads and <see cref="ExecutionContext.Restore"/> writes, without the checks
/// and calls around them (a switch and back in about 2 ns instead of about 11); and the one holding its
/// synchronization context, read to notice one a callee left behind. Used only for the flow sections of
/// <see cref="TrackingSuppression"/>, and only once a probe has shown that the field behaves as the public API does;
/// otherwise, or with the <c>PerfLogging.DirectContextSwitch</c> switch set to false, the public API is used.
/// </summary>
internal static class ContextSlot
{
    /// <summary>
    /// The default execution context, as <see cref="ExecutionContext.Capture"/> returns it for a thread holding none;
    /// null when the field is not used.
    /// </summary>
    public static readonly ExecutionContext? DefaultContext = Probe();

    /// <summary>Whether the field exists and behaves as the public API does.</summary>
    public static readonly bool Available = DefaultContext is not null;

    /// <summary>The thread's execution context field: null for the default context.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_executionContext")]
    public static extern ref ExecutionContext? Of(Thread thread);

    /// <summary>The thread's synchronization context field, as <see cref="SynchronizationContext.Current"/> reads it.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_synchronizationContext")]
    public static extern ref SynchronizationContext? SynchronizationOf(Thread thread);

    private static ExecutionContext? Probe()
    {
        if (AppContext.TryGetSwitch("PerfLogging.DirectContextSwitch", out var enabled) && !enabled)
        {
            return null;
        }

        // On a thread of its own, so no caller's context is touched; it uses no static of this class, whose
        // initializer waits for it. Where no thread can be started, the public API is used.
        ExecutionContext? defaultContext = null;
        try
        {
            var thread = new Thread(() => defaultContext = ProbeOnThisThread()) { IsBackground = true, Name = "PerfLogging context probe" };
            thread.UnsafeStart();
            thread.Join();
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or ThreadStartException or OutOfMemoryException or InvalidOperationException)
        {
            return null;
        }

        return defaultContext;
    }

    /// <returns>The default context when the field behaves as the public API does, else null.</returns>
    private static ExecutionContext? ProbeOnThisThread()
    {
        try
        {
            var thread = Thread.CurrentThread;
            ref var slot = ref Of(thread);
            if (slot is not null || ExecutionContext.Capture() is not { } defaultContext)
            {
                return null;
            }

            var probe = new AsyncLocal<object?>();
            var marker = new object();
            probe.Value = marker;
            var withMarker = slot;
            if (withMarker is null || !ReferenceEquals(ExecutionContext.Capture(), withMarker))
            {
                return null;
            }

            slot = null;
            var cleared = probe.Value is null && ReferenceEquals(ExecutionContext.Capture(), defaultContext);
            slot = withMarker;
            var restored = ReferenceEquals(probe.Value, marker);
            ExecutionContext.Restore(defaultContext);

            var synchronization = new SynchronizationContext();
            SynchronizationContext.SetSynchronizationContext(synchronization);
            var synchronizationRead = ReferenceEquals(SynchronizationOf(thread), synchronization);
            SynchronizationContext.SetSynchronizationContext(null);
            synchronizationRead &= SynchronizationOf(thread) is null;
            return cleared && restored && slot is null && synchronizationRead ? defaultContext : null;
        }
        catch (Exception ex) when (ex is MissingMemberException or InvalidProgramException or TypeLoadException)
        {
            return null;
        }
    }
}
