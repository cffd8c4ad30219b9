using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// What one call needs beyond a timestamp, allocated only when it needs any of it: the ambient frame that makes the
/// operation the parent of nested ones and opens an <see cref="ILogger"/> scope with the operation field (when its
/// records may be written), the argument summary, and the memory and CPU readings taken at the start.
/// </summary>
internal sealed class OperationFrame
{
    private static readonly AsyncLocal<OperationFrame?> s_current = new();

    private OperationFrame? _previous;
    private IDisposable? _loggerScope;
    private bool _ambient;

    private OperationFrame(string name)
    {
        Name = name;
    }

    public static OperationFrame? Current => s_current.Value;

    public string Name { get; }

    public string? ParentName => _previous?.Name;

    public ArgumentSummary? Arguments { get; set; }

    public ResourceProbe? Probe { get; set; }

    /// <summary>The operation's span, when tracing is on and listened to.</summary>
    public System.Diagnostics.Activity? Activity { get; private set; }

    private System.Diagnostics.Activity? _previousActivity;

    /// <summary>Starts the span; a detached operation (an enumeration) does not stay the current activity.</summary>
    public void StartActivity(System.Diagnostics.Activity activity, System.Diagnostics.Activity? previous, bool ambient)
    {
        Activity = activity;
        _previousActivity = previous;
        if (!ambient)
        {
            System.Diagnostics.Activity.Current = previous;
        }
    }

    public static OperationFrame Create(ResolvedOperation operation) => new(operation.Name);

    /// <summary>Makes the operation ambient: the parent of nested operations, with its logger scope open.</summary>
    public void Enter(ResolvedOperation operation)
    {
        _ambient = true;
        _previous = s_current.Value;
        s_current.Value = this;
        try
        {
            _loggerScope = operation.Logger.BeginScope(operation.ScopeState);
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerBeginScope, "A logging provider failed in BeginScope; records inside the operation lack its scope.", ex);
        }
    }

    /// <summary>Closes the logger scope and restores the parent as the current operation.</summary>
    public void Exit()
    {
        // The span runs to the operation's completion, but stops being current when the call returns to its caller.
        if (Activity is not null && System.Diagnostics.Activity.Current == Activity)
        {
            System.Diagnostics.Activity.Current = _previousActivity;
        }

        if (!_ambient)
        {
            return;
        }

        try
        {
            _loggerScope?.Dispose();
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerBeginScope, "A logging provider failed disposing its scope.", ex);
        }

        _loggerScope = null;
        if (ReferenceEquals(s_current.Value, this))
        {
            s_current.Value = _previous;
        }
    }
}

/// <summary>The logger scope of an operation: one field, <c>operation</c> by default (<c>OperationField</c>).</summary>
internal sealed class OperationScopeState(string field, string operation) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(field, operation) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{field}={operation}";
}
