namespace PerfLogging.Fody.Model;

/// <summary>How the wrapper hands the original's outcome to the runtime.</summary>
internal enum MethodShape
{
    /// <summary>Returns nothing: <c>Complete()</c>.</summary>
    Void,

    /// <summary>Returns a value: <c>Complete&lt;T&gt;(result)</c>.</summary>
    Value,

    /// <summary>Returns by reference or a ref struct: recorded with <c>Complete()</c>, the result passed through untouched.</summary>
    Opaque,

    /// <summary>Returns <c>Task</c>: <c>CompleteTask(task)</c>.</summary>
    Task,

    /// <summary>Returns <c>Task&lt;T&gt;</c>: <c>CompleteTask&lt;T&gt;(task)</c>.</summary>
    TaskOfT,

    /// <summary>Returns <c>ValueTask</c>: <c>CompleteValueTask(task)</c>.</summary>
    ValueTask,

    /// <summary>Returns <c>ValueTask&lt;T&gt;</c>: <c>CompleteValueTask&lt;T&gt;(task)</c>.</summary>
    ValueTaskOfT,

    /// <summary>An iterator returning <c>IEnumerable&lt;T&gt;</c>: <c>TrackEnumerable</c>.</summary>
    Enumerable,

    /// <summary>An async iterator returning <c>IAsyncEnumerable&lt;T&gt;</c>: <c>TrackAsyncEnumerable</c>.</summary>
    AsyncEnumerable,

    /// <summary>A constructor: its body after the base or this call is tracked in place.</summary>
    Constructor,
}
