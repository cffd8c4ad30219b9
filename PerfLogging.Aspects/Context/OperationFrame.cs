using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// An operation in progress with logging on: it makes the operation the ambient parent of nested operations and
/// opens an <see cref="ILogger"/> scope that carries the operation field, for records written inside it.
/// </summary>
internal sealed class OperationFrame
{
    private static readonly AsyncLocal<OperationFrame?> s_current = new();

    private readonly OperationFrame? _previous;
    private IDisposable? _loggerScope;

    private OperationFrame(string name, OperationFrame? previous)
    {
        Name = name;
        _previous = previous;
        Depth = previous is null ? 0 : previous.Depth + 1;
    }

    public static OperationFrame? Current => s_current.Value;

    public string Name { get; }

    public string? ParentName => _previous?.Name;

    public int Depth { get; }

    public static OperationFrame Enter(ResolvedOperation operation)
    {
        var frame = new OperationFrame(operation.Name, s_current.Value);
        s_current.Value = frame;
        try
        {
            var field = operation.State.Options.OperationField;
            frame._loggerScope = operation.Logger.BeginScope(new OperationScopeState(field, operation.Name));
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerBeginScope, "A logging provider failed in BeginScope; records inside the operation lack its scope.", ex);
        }

        return frame;
    }

    /// <summary>Closes the logger scope and restores the parent as the current operation.</summary>
    public void Exit()
    {
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
