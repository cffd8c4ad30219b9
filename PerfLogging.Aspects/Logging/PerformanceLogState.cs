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
/// allocates nothing until a provider reads the fields, and each field is computed when it is read. It is passed by
/// value through every layer of the logging pipeline, so it is kept to 32 bytes: what a plain record (no failure,
/// arguments, result, resources or context) does not use lives in <see cref="RecordDetails"/>, allocated only when
/// there is something to put in it.
/// </remarks>
internal readonly struct PerformanceLogState : IReadOnlyList<KeyValuePair<string, object?>>, IMetricValues
{
    // The outcome shares a field with the end time: UTC ticks stay below 2^62 (DateTime.MaxValue is about 2^61.45), so the
    // top two bits hold it, and the state is four words instead of five.
    private const int OutcomeShift = 62;
    private const long TicksMask = (1L << OutcomeShift) - 1;

    private readonly ResolvedOperation _operation;
    private readonly double _seconds;
    private readonly long _endUtcTicksAndOutcome;
    private readonly RecordDetails? _details;

    /// <summary>The end time is fixed here (UTC): a provider that keeps the state and reads it later reads the time of the call.</summary>
    public PerformanceLogState(ResolvedOperation operation, PerformanceOutcome outcome, double seconds, long endUtcTicks, RecordDetails? details)
    {
        _operation = operation;
        _seconds = seconds;
        _endUtcTicksAndOutcome = (endUtcTicks & TicksMask) | ((long)outcome << OutcomeShift);
        _details = details;
    }

    /// <summary>Builds the measurements as a new <see cref="PerformanceMetrics"/>.</summary>
    public PerformanceMetrics ToMetrics() => PerformanceMetrics.From(this);

    public string Template => TemplateOf(Outcome);

    public PerformanceOutcome Outcome => (PerformanceOutcome)((ulong)_endUtcTicksAndOutcome >> OutcomeShift);

    /// <summary>Gets the context fields, built when read.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Context => _details?.Context(_operation) ?? _operation.Descriptor.ContextFields;

    public int Count => PerformanceMetrics.FieldCount + ContextCount + 1;

    private int ContextCount => _details?.ContextCount(_operation) ?? _operation.Descriptor.ContextFields.Length;

    public KeyValuePair<string, object?> this[int index]
    {
        get
        {
            if (index < PerformanceMetrics.FieldCount)
            {
                return PerformanceMetrics.Field(index, this);
            }

            index -= PerformanceMetrics.FieldCount;
            var contextCount = ContextCount;
            if (index >= 0 && index < contextCount)
            {
                return _details is { } details ? details.ContextField(_operation, index) : _operation.Descriptor.ContextFields[index];
            }

            return index == contextCount
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
            _ => $"{name} failed after {seconds} s: {state._details?.Exception?.GetType().Name}: {state._details?.Exception?.Message}",
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

    DateTimeOffset IMetricValues.StartTime => EndTime - TimeSpan.FromSeconds(_seconds);

    DateTimeOffset IMetricValues.EndTime => EndTime;

    private DateTimeOffset EndTime => new(_endUtcTicksAndOutcome & TicksMask, TimeSpan.Zero);

    double IMetricValues.DurationSeconds => _seconds;

    bool IMetricValues.Success => _details?.Exception is null;

    string? IMetricValues.ErrorType => _details?.Exception?.GetType().Name;

    string? IMetricValues.ErrorMessage => _details?.Exception?.Message;

    double? IMetricValues.MemoryStartMb => _details?.Resources?.MemoryStartMb;

    double? IMetricValues.MemoryEndMb => _details?.Resources?.MemoryEndMb;

    double? IMetricValues.MemoryDeltaMb => _details?.Resources?.MemoryDeltaMb;

    double? IMetricValues.MemoryPeakMb => _details?.Resources?.MemoryPeakMb;

    long? IMetricValues.AllocatedBytes => _details?.Resources?.AllocatedBytes;

    double? IMetricValues.CpuPercent => _details?.Resources?.CpuPercent;

    string? IMetricValues.FunctionName => _operation.Descriptor.MethodName;

    string? IMetricValues.ModuleName => _operation.Descriptor.ModuleName;

    string? IMetricValues.ClassName => _operation.Descriptor.ClassName;

    string? IMetricValues.ArgsSummary => _details?.ArgsSummary;

    string? IMetricValues.ResultSummary => _details?.ResultSummary;

    bool IMetricValues.ExceededWarning => _seconds > _operation.WarningSeconds;

    bool IMetricValues.ExceededCritical => _seconds > _operation.CriticalSeconds;

    double IMetricValues.WarningThreshold => _operation.WarningSeconds;

    double IMetricValues.CriticalThreshold => _operation.CriticalSeconds;

    private static string Seconds(double value) => value.ToString("0.000###", CultureInfo.InvariantCulture);
}
