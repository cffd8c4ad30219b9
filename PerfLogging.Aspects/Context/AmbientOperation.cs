namespace PerfLogging.Runtime;

/// <summary>
/// The innermost operation being tracked with logging on: the parent of the operations that start inside it.
/// </summary>
/// <remarks>
/// Two sources, so the common case allocates nothing. A synchronous method starts and ends on one thread, so it
/// is pushed on a per-thread stack (no allocation). Task-returning methods and manual operations continue on other
/// threads after an await, so they flow through an <see cref="AsyncLocal{T}"/> frame (which allocates, as every
/// <see cref="AsyncLocal{T}"/> write does). Each stack entry remembers the flow frame it was pushed under: while
/// that frame is still the current one, the entry is the innermost operation; once a newer flow frame is current
/// (an async or manual operation started inside it, or a continuation of another flow runs inline on this thread)
/// the flow frame is. Work a synchronous operation hands to another thread (<c>Task.Run</c>,
/// <c>Parallel.For</c>) does not see it as its parent.
/// </remarks>
internal static class AmbientOperation
{
    private static readonly AsyncLocal<OperationFrame?> s_flow = new();

    [ThreadStatic]
    private static ThreadStack? t_stack;

    /// <summary>Gets the name of the innermost operation, or null outside any.</summary>
    public static string? CurrentName
    {
        get
        {
            var flow = s_flow.Value;
            return t_stack?.Top(flow) ?? flow?.Name;
        }
    }

    /// <summary>Gets or sets the innermost flowing (async or manual) operation.</summary>
    public static OperationFrame? Flow
    {
        get => s_flow.Value;
        set => s_flow.Value = value;
    }

    /// <summary>Makes a synchronous operation the innermost one on this thread.</summary>
    /// <param name="name">The operation name.</param>
    /// <returns>The token to hand back to <see cref="LeaveThread"/> on the same thread.</returns>
    public static int EnterThread(string name) => (t_stack ??= new ThreadStack()).Push(name, s_flow.Value);

    /// <summary>Removes the operation entered with <paramref name="token"/>, and any left above it.</summary>
    /// <param name="token">What <see cref="EnterThread"/> returned.</param>
    public static void LeaveThread(int token) => t_stack?.PopTo(token - 1);

    private sealed class ThreadStack
    {
        private (string Name, OperationFrame? Flow)[] _entries = new (string, OperationFrame?)[8];
        private int _depth;

        public string? Top(OperationFrame? flow)
        {
            if (_depth == 0)
            {
                return null;
            }

            var top = _entries[_depth - 1];
            return ReferenceEquals(top.Flow, flow) ? top.Name : null;
        }

        public int Push(string name, OperationFrame? flow)
        {
            if (_depth == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _entries[_depth] = (name, flow);
            return ++_depth;
        }

        public void PopTo(int depth)
        {
            // Clears the flow frames it removes, so a thread that once ran them does not keep them alive; the names
            // are the operations' own strings and are simply overwritten.
            while (_depth > depth)
            {
                ref var entry = ref _entries[--_depth];
                if (entry.Flow is not null)
                {
                    entry.Flow = null;
                }
            }
        }
    }
}
