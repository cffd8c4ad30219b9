namespace PerfLogging.Runtime;

/// <summary>
/// What PerfLogging keeps per thread for the calls it tracks, in one object reached through one thread-static read: the
/// stack of synchronous operations (<see cref="AmbientOperation"/>), the cached execution contexts of flow sections
/// (<see cref="TrackingSuppression"/>), and the thread itself. A tracked synchronous call whose record may be written
/// reads it once when it starts and keeps it in its scope for the rest of the call. (The count of call-outs, read by
/// every call, is a thread-static of its own: an integer one is read inline, faster than an object.)
/// </summary>
internal sealed class TrackedThread
{
    [ThreadStatic]
    private static TrackedThread? t_current;

    private TrackedThread()
    {
        Thread = Thread.CurrentThread;
    }

    /// <summary>Gets this thread's state, created at its first use.</summary>
    public static TrackedThread Current => t_current ?? Create();

    /// <summary>Gets this thread's state if it has any.</summary>
    public static TrackedThread? Existing => t_current;

    /// <summary>Gets the thread.</summary>
    public Thread Thread { get; }

    /// <summary>Gets the thread's stack of synchronous operations.</summary>
    public AmbientOperation.ThreadStack Stack { get; } = new();

    /// <summary>Gets the thread's cached execution contexts of flow sections.</summary>
    public TrackingSuppression.ContextCache Contexts { get; } = new();

    private static TrackedThread Create() => t_current = new TrackedThread();
}
