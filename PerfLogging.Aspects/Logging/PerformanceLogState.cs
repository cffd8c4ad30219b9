using System.Collections;
using System.Globalization;

namespace PerfLogging.Runtime;

/// <summary>
/// The state of a performance record: every <see cref="PerformanceMetrics"/> field under its snake_case name, then
/// the context (request id, parent operation, trace id, <c>[PerformanceContext]</c> and request fields), then the
/// message template, so every provider sees them as structured properties.
/// </summary>
/// <remarks>
/// A struct holding the raw measurements, like the state <c>LoggerMessage.Define</c> passes: writing a record
/// allocates nothing until a provider reads the fields, and each field is computed when it is read.
/// </remarks>
internal readonly struct PerformanceLogState : IReadOnlyList<KeyValuePair<string, object?>>, IMetricValues
{
    private readonly ResolvedOperation _operation;
    private readonly double _seconds;
    private readonly DateTimeOffset _endTime;
    private readonly Exception? _exception;
    private readonly string? _argsSummary;
    private readonly string? _resultSummary;
    private readonly ResourceUsage? _resources;
    private readonly KeyValuePair<string, object?>[] _context;

    public PerformanceLogState(
        ResolvedOperation operation,
        PerformanceOutcome outcome,
        double seconds,
        DateTimeOffset endTime,
        Exception? exception,
        string? argsSummary,
        string? resultSummary,
        ResourceUsage? resources,
        KeyValuePair<string, object?>[] context)
    {
        _operation = operation;
        Outcome = outcome;
        _seconds = seconds;
        _endTime = endTime;
        _exception = exception;
        _argsSummary = argsSummary;
        _resultSummary = resultSummary;
        _resources = resources;
        _context = context;
    }

    /// <summary>Builds the measurements as a new <see cref="PerformanceMetrics"/>.</summary>
    public PerformanceMetrics ToMetrics() => PerformanceMetrics.From(this);

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
                return PerformanceMetrics.Field(index, this);
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

    public string OperationName => _operation.Name;

    DateTimeOffset IMetricValues.StartTime => _endTime - TimeSpan.FromSeconds(_seconds);

    DateTimeOffset IMetricValues.EndTime => _endTime;

    double IMetricValues.DurationSeconds => _seconds;

    bool IMetricValues.Success => _exception is null;

    string? IMetricValues.ErrorType => _exception?.GetType().Name;

    string? IMetricValues.ErrorMessage => _exception?.Message;

    double? IMetricValues.MemoryStartMb => _resources?.MemoryStartMb;

    double? IMetricValues.MemoryEndMb => _resources?.MemoryEndMb;

    double? IMetricValues.MemoryDeltaMb => _resources?.MemoryDeltaMb;

    double? IMetricValues.MemoryPeakMb => _resources?.MemoryPeakMb;

    long? IMetricValues.AllocatedBytes => _resources?.AllocatedBytes;

    double? IMetricValues.CpuPercent => _resources?.CpuPercent;

    string? IMetricValues.FunctionName => _operation.Descriptor.MethodName;

    string? IMetricValues.ModuleName => _operation.Descriptor.ModuleName;

    string? IMetricValues.ClassName => _operation.Descriptor.ClassName;

    string? IMetricValues.ArgsSummary => _argsSummary;

    string? IMetricValues.ResultSummary => _resultSummary;

    bool IMetricValues.ExceededWarning => _seconds > _operation.WarningSeconds;

    bool IMetricValues.ExceededCritical => _seconds > _operation.CriticalSeconds;

    double IMetricValues.WarningThreshold => _operation.WarningSeconds;

    double IMetricValues.CriticalThreshold => _operation.CriticalSeconds;

    private static string Seconds(double value) => value.ToString("0.000###", CultureInfo.InvariantCulture);
}
