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
    private readonly KeyValuePair<string, object?>[] _context;

    public PerformanceLogState(PerformanceMetrics metrics, KeyValuePair<string, object?>[] context, string template, PerformanceOutcome outcome)
    {
        Metrics = metrics;
        _context = context;
        Template = template;
        Outcome = outcome;
    }

    public PerformanceMetrics Metrics { get; }

    public string Template { get; }

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
        var m = state.Metrics;
        return state.Outcome switch
        {
            PerformanceOutcome.Success => $"{m.OperationName} completed in {Seconds(m.DurationSeconds)} s",
            PerformanceOutcome.Warning => $"{m.OperationName} took {Seconds(m.DurationSeconds)} s, over its warning threshold of {Seconds(m.WarningThreshold)} s",
            PerformanceOutcome.Critical => $"{m.OperationName} took {Seconds(m.DurationSeconds)} s, over its critical threshold of {Seconds(m.CriticalThreshold)} s",
            _ => $"{m.OperationName} failed after {Seconds(m.DurationSeconds)} s: {m.ErrorType}: {m.ErrorMessage}",
        };
    }

    public static string TemplateOf(PerformanceOutcome outcome) => outcome switch
    {
        PerformanceOutcome.Success => "{operation_name} completed in {duration_seconds} s",
        PerformanceOutcome.Warning => "{operation_name} took {duration_seconds} s, over its warning threshold of {warning_threshold} s",
        PerformanceOutcome.Critical => "{operation_name} took {duration_seconds} s, over its critical threshold of {critical_threshold} s",
        _ => "{operation_name} failed after {duration_seconds} s: {error_type}: {error_message}",
    };

    private static string Seconds(double value) => value.ToString("0.000###", CultureInfo.InvariantCulture);
}
