using System.Collections;
using System.Globalization;

namespace PerfLogging.Runtime;

/// <summary>
/// The state of a performance record: every <see cref="PerformanceMetrics"/> field under its snake_case name, then
/// the context (request id, parent operation, trace id, <c>[PerformanceContext]</c> and request fields), then the
/// message template, so every provider sees them as structured properties.
/// </summary>
internal sealed class PerformanceLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly ResolvedOperation _operation;
    private readonly double _seconds;
    private readonly DateTimeOffset _end;
    private readonly Exception? _exception;
    private readonly string? _argsSummary;
    private readonly string? _resultSummary;
    private readonly ResourceUsage? _resources;
    private readonly KeyValuePair<string, object?>[] _context;
    private PerformanceMetrics? _metrics;

    public PerformanceLogState(
        ResolvedOperation operation,
        PerformanceOutcome outcome,
        double seconds,
        DateTimeOffset end,
        Exception? exception,
        string? argsSummary,
        string? resultSummary,
        ResourceUsage? resources,
        KeyValuePair<string, object?>[] context)
    {
        _operation = operation;
        Outcome = outcome;
        _seconds = seconds;
        _end = end;
        _exception = exception;
        _argsSummary = argsSummary;
        _resultSummary = resultSummary;
        _resources = resources;
        _context = context;
    }

    /// <summary>The measurements as a <see cref="PerformanceMetrics"/>, built on first use (most providers never ask).</summary>
    public PerformanceMetrics Metrics => _metrics ??= BuildMetrics();

    public string Template => TemplateOf(Outcome);

    public PerformanceOutcome Outcome { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Context => _context;

    public int Count => PerformanceMetrics.FieldCount + _context.Length + 1;

    public KeyValuePair<string, object?> this[int index]
    {
        get
        {
            if (index < PerformanceMetrics.FieldCount)
            {
                return Metrics.GetField(index);
            }

            index -= PerformanceMetrics.FieldCount;
            if (index < _context.Length)
            {
                return _context[index];
            }

            return index == _context.Length
                ? new(MetricNames.OriginalFormat, Template)
                : throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Format(this, null);

    /// <summary>Renders the template with the state's values: seconds with up to six decimals, invariant culture.</summary>
    public static string Format(PerformanceLogState state, Exception? exception)
    {
        // From the raw values: a provider that only renders the message never pays for a PerformanceMetrics.
        var operation = state._operation;
        var name = operation.Name;
        var seconds = Seconds(state._seconds);
        return state.Outcome switch
        {
            PerformanceOutcome.Success => $"{name} completed in {seconds} s",
            PerformanceOutcome.Warning => $"{name} took {seconds} s, over its warning threshold of {Seconds(operation.WarningSeconds)} s",
            PerformanceOutcome.Critical => $"{name} took {seconds} s, over its critical threshold of {Seconds(operation.CriticalSeconds)} s",
            _ => $"{name} failed after {seconds} s: {state._exception?.GetType().Name}: {state._exception?.Message}",
        };
    }

    public static string TemplateOf(PerformanceOutcome outcome) => outcome switch
    {
        PerformanceOutcome.Success => "{operation_name} completed in {duration_seconds} s",
        PerformanceOutcome.Warning => "{operation_name} took {duration_seconds} s, over its warning threshold of {warning_threshold} s",
        PerformanceOutcome.Critical => "{operation_name} took {duration_seconds} s, over its critical threshold of {critical_threshold} s",
        _ => "{operation_name} failed after {duration_seconds} s: {error_type}: {error_message}",
    };

    private PerformanceMetrics BuildMetrics()
    {
        var descriptor = _operation.Descriptor;
        return new PerformanceMetrics
        {
            OperationName = _operation.Name,
            StartTime = _end - TimeSpan.FromSeconds(_seconds),
            EndTime = _end,
            DurationSeconds = _seconds,
            Success = _exception is null,
            ErrorType = _exception?.GetType().Name,
            ErrorMessage = _exception?.Message,
            MemoryStartMb = _resources?.MemoryStartMb,
            MemoryEndMb = _resources?.MemoryEndMb,
            MemoryDeltaMb = _resources?.MemoryDeltaMb,
            MemoryPeakMb = _resources?.MemoryPeakMb,
            AllocatedBytes = _resources?.AllocatedBytes,
            CpuPercent = _resources?.CpuPercent,
            FunctionName = descriptor.MethodName,
            ModuleName = descriptor.ModuleName,
            ClassName = descriptor.ClassName,
            ArgsSummary = _argsSummary,
            ResultSummary = _resultSummary,
            ExceededWarning = _seconds > _operation.WarningSeconds,
            ExceededCritical = _seconds > _operation.CriticalSeconds,
            WarningThreshold = _operation.WarningSeconds,
            CriticalThreshold = _operation.CriticalSeconds,
        };
    }

    private static string Seconds(double value) => value.ToString("0.000###", CultureInfo.InvariantCulture);
}
