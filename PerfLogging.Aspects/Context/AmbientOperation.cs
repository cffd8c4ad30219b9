using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// The innermost operation being tracked with logging on: the parent of the operations that start inside it, and the
/// <c>operation</c> field that log enrichment puts on records written inside it.
/// </summary>
/// <remarks>
/// Two sources, so the common case allocates nothing. A synchronous method starts and ends on one thread, so it
/// is pushed on a per-thread stack (no allocation). Task-returning methods and manual operations continue on other
/// threads after an await, so they flow through an <see cref="AsyncLocal{T}"/> frame (which allocates, as every
/// <see cref="AsyncLocal{T}"/> write does). Each stack entry remembers the flow it was pushed in: the flow frame and
/// the request (<see cref="PerformanceContext.BeginRequest"/>) current then. While both are still current, the entry is
/// the innermost operation; otherwise the flow frame is: an async or manual operation started inside it, or a
/// continuation of another flow (another request) runs inline on this thread, and must not see this operation as its
/// parent. Work a synchronous operation hands to another thread (<c>Task.Run</c>, <c>Parallel.For</c>) does not see it
/// as its parent.
/// </remarks>
internal static class AmbientOperation
{
    private static readonly AsyncLocal<OperationFrame?> s_flow = new();

    /// <summary>
    /// Set before the first flow frame is entered: until then no execution context holds one, and synchronous
    /// operations skip the async-local lookup (a process that tracks no async or manual operation never pays it).
    /// </summary>
    private static volatile bool s_flowsUsed;

    /// <summary>The innermost flow frame of the current execution context.</summary>
    private static OperationFrame? CurrentFlow => s_flowsUsed ? s_flow.Value : null;

    /// <summary>Gets the name of the innermost operation, or null outside any.</summary>
    public static string? CurrentName => Innermost(TrackedThread.Existing?.Stack, CurrentFlow, PerformanceContext.CurrentRequest);

    /// <summary>Makes an async or manual operation the innermost one of its flow, across awaits.</summary>
    /// <param name="frame">The operation's frame.</param>
    /// <param name="previous">The flow frame to restore when it leaves.</param>
    /// <returns>The operation that was innermost: its parent.</returns>
    public static string? EnterFlow(OperationFrame frame, out OperationFrame? previous)
    {
        if (!s_flowsUsed)
        {
            // Written once: every tracked call reads the flag, so it must not be a cache line each operation dirties.
            s_flowsUsed = true;
        }

        previous = s_flow.Value;
        var parent = Innermost(TrackedThread.Existing?.Stack, previous, PerformanceContext.CurrentRequest);
        s_flow.Value = frame;
        return parent;
    }

    /// <summary>Restores <paramref name="previous"/> as the innermost flow frame, if <paramref name="frame"/> still is.</summary>
    public static void LeaveFlow(OperationFrame frame, OperationFrame? previous)
    {
        if (ReferenceEquals(s_flow.Value, frame))
        {
            s_flow.Value = previous;
        }
    }

    /// <summary>The top of the thread's stack while the flow it was pushed in is current, else the flow frame.</summary>
    private static string? Innermost(ThreadStack? stack, OperationFrame? flow, RequestContext? request) =>
        stack?.Top(flow, request) ?? flow?.Name;

    /// <summary>Makes a synchronous operation the innermost one on this thread.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="thread">The current thread's state.</param>
    /// <returns>The token to hand back to <see cref="LeaveThread"/> on the same thread.</returns>
    public static int EnterThread(ResolvedOperation operation, TrackedThread thread)
    {
        var flow = CurrentFlow;
        var request = PerformanceContext.CurrentRequest;
        var stack = thread.Stack;
        return stack.Push(operation.Name, Innermost(stack, flow, request), flow, request);
    }

    /// <summary>Removes the operation entered with <paramref name="token"/>, and any left above it.</summary>
    /// <param name="thread">The state of the thread it entered on.</param>
    /// <param name="token">What <see cref="EnterThread"/> returned.</param>
    /// <returns>The operation that was innermost when it entered: its parent.</returns>
    public static string? LeaveThread(TrackedThread thread, int token) => thread.Stack.PopTo(token - 1);

    /// <summary>
    /// A request begun inside a synchronous operation (a queue consumer's <c>Handle</c> that begins one per message)
    /// belongs to that operation's flow: the innermost entry is re-tagged with it, so it stays the parent of what runs
    /// in the request. Returns what <see cref="ReleaseRequest"/> needs to tag it back.
    /// </summary>
    public static (object? Stack, int Depth) AdoptRequest(RequestContext? from, RequestContext to) =>
        TrackedThread.Existing?.Stack is { } stack ? (stack, stack.Adopt(CurrentFlow, from, to)) : (null, 0);

    /// <summary>The request begun with <see cref="AdoptRequest"/> ends: its entry, if still there, belongs to <paramref name="from"/> again.</summary>
    public static void ReleaseRequest((object? Stack, int Depth) adopted, RequestContext to, RequestContext? from)
    {
        if (adopted.Depth > 0 && adopted.Stack is ThreadStack stack && ReferenceEquals(stack, TrackedThread.Existing?.Stack))
        {
            stack.Release(adopted.Depth, to, from);
        }
    }

    /// <summary>The parent of the operation entered with <paramref name="token"/>, which stays entered.</summary>
    public static string? ParentAt(TrackedThread thread, int token) => thread.Stack.ParentAt(token - 1);

    /// <summary>A thread's synchronous operations, innermost last; each entry tagged with the flow it was pushed in.</summary>
    internal sealed class ThreadStack
    {
        private Entry[] _entries = new Entry[8];
        private int _depth;

        public string? Top(OperationFrame? flow, RequestContext? request)
        {
            if (_depth == 0)
            {
                return null;
            }

            ref var top = ref _entries[_depth - 1];
            return ReferenceEquals(top.Flow, flow) && ReferenceEquals(top.Request, request) ? top.Name : null;
        }

        public int Push(string name, string? parent, OperationFrame? flow, RequestContext? request)
        {
            if (_depth == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            // A free slot's flow and request are already null (PopTo clears them), and its name and parent are those of
            // the last operation at this depth (PopTo leaves them): a reference is written only when it differs, so a
            // loop calling the same operation writes none (each reference store into the heap costs a GC write barrier).
            ref var entry = ref _entries[_depth];
            if (!ReferenceEquals(entry.Name, name))
            {
                entry.Name = name;
            }

            if (!ReferenceEquals(entry.Parent, parent))
            {
                entry.Parent = parent;
            }
            if (flow is not null)
            {
                entry.Flow = flow;
            }

            if (request is not null)
            {
                entry.Request = request;
            }

            return ++_depth;
        }

        public string? ParentAt(int depth) => depth < _depth ? _entries[depth].Parent : null;

        public int Adopt(OperationFrame? flow, RequestContext? from, RequestContext to)
        {
            if (_depth == 0)
            {
                return 0;
            }

            ref var top = ref _entries[_depth - 1];
            if (!ReferenceEquals(top.Flow, flow) || !ReferenceEquals(top.Request, from))
            {
                return 0;
            }

            top.Request = to;
            return _depth;
        }

        public void Release(int depth, RequestContext to, RequestContext? from)
        {
            if (depth <= _depth && ReferenceEquals(_entries[depth - 1].Request, to))
            {
                _entries[depth - 1].Request = from;
            }
        }

        public string? PopTo(int depth)
        {
            // Clears the references it removes other than the names (the operations' own strings), so a thread does
            // not keep finished flow frames or requests alive.
            var parent = ParentAt(depth);
            while (_depth > depth)
            {
                ref var entry = ref _entries[--_depth];
                if (entry.Flow is not null)
                {
                    entry.Flow = null;
                }

                if (entry.Request is not null)
                {
                    entry.Request = null;
                }
            }

            return parent;
        }
    }

    private struct Entry
    {
        public string Name;
        public string? Parent;
        public OperationFrame? Flow;
        public RequestContext? Request;
    }
}
