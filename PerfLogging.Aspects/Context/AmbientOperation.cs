using PerfLogging.Diagnostics;

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
    public static string? CurrentName => Innermost(t_stack, s_flow.Value);

    /// <summary>Makes an async or manual operation the innermost one of its flow, across awaits.</summary>
    /// <param name="frame">The operation's frame.</param>
    /// <param name="previous">The flow frame to restore when it leaves.</param>
    /// <returns>The operation that was innermost: its parent.</returns>
    public static string? EnterFlow(OperationFrame frame, out OperationFrame? previous)
    {
        previous = s_flow.Value;
        var parent = Innermost(t_stack, previous);
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

    /// <summary>The top of the thread's stack while <paramref name="flow"/> is the frame it was pushed under, else the flow frame.</summary>
    private static string? Innermost(ThreadStack? stack, OperationFrame? flow) => stack?.Top(flow) ?? flow?.Name;

    /// <summary>Makes a synchronous operation the innermost one on this thread, with its logger scope open.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The token to hand back to <see cref="LeaveThread"/> on the same thread.</returns>
    public static int EnterThread(ResolvedOperation operation)
    {
        var scope = BeginScope(operation);
        var flow = s_flow.Value;
        var stack = t_stack ??= new ThreadStack();
        return stack.Push(operation.Name, Innermost(stack, flow), flow, scope);
    }

    /// <summary>Removes the operation entered with <paramref name="token"/>, and any left above it, closing their scopes.</summary>
    /// <param name="token">What <see cref="EnterThread"/> returned.</param>
    /// <returns>The operation that was innermost when it entered: its parent.</returns>
    public static string? LeaveThread(int token) => t_stack?.PopTo(token - 1);

    /// <summary>The parent of the operation entered with <paramref name="token"/>, which stays entered.</summary>
    public static string? ParentAt(int token) => t_stack?.ParentAt(token - 1);

    /// <summary>Opens the operation's logger scope (its name under <c>OperationField</c>); a failing provider is contained.</summary>
    public static IDisposable? BeginScope(ResolvedOperation operation)
    {
        try
        {
            return operation.BeginScope(operation.ScopeState);
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerBeginScope, "A logging provider failed in BeginScope; records inside the operation lack its scope.", ex);
            return null;
        }
    }

    /// <summary>Closes a logger scope; a failing provider is contained.</summary>
    public static void EndScope(IDisposable? scope)
    {
        try
        {
            scope?.Dispose();
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerBeginScope, "A logging provider failed disposing its scope.", ex);
        }
    }

    private sealed class ThreadStack
    {
        private Entry[] _entries = new Entry[8];
        private int _depth;

        public string? Top(OperationFrame? flow)
        {
            if (_depth == 0)
            {
                return null;
            }

            ref var top = ref _entries[_depth - 1];
            return ReferenceEquals(top.Flow, flow) ? top.Name : null;
        }

        public int Push(string name, string? parent, OperationFrame? flow, IDisposable? scope)
        {
            if (_depth == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            // A free slot's flow and scope are already null (PopTo clears them): only references are written.
            ref var entry = ref _entries[_depth];
            entry.Name = name;
            entry.Parent = parent;
            if (flow is not null)
            {
                entry.Flow = flow;
            }

            if (scope is not null)
            {
                entry.Scope = scope;
            }

            return ++_depth;
        }

        public string? ParentAt(int depth) => depth < _depth ? _entries[depth].Parent : null;

        public string? PopTo(int depth)
        {
            // Clears the references it removes other than the names (the operations' own strings), so a thread does
            // not keep finished flow frames or scopes alive.
            var parent = ParentAt(depth);
            while (_depth > depth)
            {
                ref var entry = ref _entries[--_depth];
                if (entry.Scope is { } scope)
                {
                    entry.Scope = null;
                    EndScope(scope);
                }

                if (entry.Flow is not null)
                {
                    entry.Flow = null;
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
        public IDisposable? Scope;
    }
}
