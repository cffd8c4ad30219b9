
namespace PerfLogging.Runtime;

/// <summary>
/// What one call needs beyond its scope, allocated only when it needs any of it: the flow frame that makes an async
/// or manual operation the parent of the operations inside it (see <see cref="AmbientOperation"/>), the argument
/// summary, the memory and CPU readings taken at the start, and the operation's span.
/// </summary>
internal sealed class OperationFrame
{
    private OperationFrame? _previous;
    private System.Diagnostics.Activity? _previousActivity;
    private bool _flowing;

    private OperationFrame(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public ArgumentSummary? Arguments { get; set; }

    public ResourceProbe? Probe { get; set; }

    /// <summary>The operation's span, when tracing is on and listened to.</summary>
    public System.Diagnostics.Activity? Activity { get; private set; }

    public static OperationFrame Create(ResolvedOperation operation) => new(operation.Name);

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

    /// <summary>Gets the operation that was ambient when this one became ambient through its flow.</summary>
    public string? ParentName { get; private set; }

    /// <summary>Makes the operation the innermost one of its flow, across awaits.</summary>
    public void EnterFlow()
    {
        ParentName = AmbientOperation.EnterFlow(this, out _previous);
        _flowing = true;
    }

    /// <summary>Restores the parent as the innermost operation and the previous activity as the current one.</summary>
    public void Exit()
    {
        // The span runs to the operation's completion, but stops being current when the call returns to its caller.
        if (Activity is not null && System.Diagnostics.Activity.Current == Activity)
        {
            System.Diagnostics.Activity.Current = _previousActivity;
        }

        if (_flowing)
        {
            _flowing = false;
            AmbientOperation.LeaveFlow(this, _previous);
        }
    }
}
