using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// The <c>PerfLogging</c> meter: a duration histogram in seconds tagged by operation and outcome, and counters of
/// threshold crossings and failures. Recording costs a flag check while nobody listens.
/// </summary>
internal static class PerformanceMeter
{
    public const string MeterName = "PerfLogging";
    public const string DurationInstrument = "perflogging.operation.duration";
    public const string ThresholdInstrument = "perflogging.operation.threshold_exceeded";
    public const string FailureInstrument = "perflogging.operation.failures";
    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";
    public const string ThresholdTag = "threshold";
    public const string ErrorTypeTag = "error.type";

    /// <summary>Bucket bounds from 0.1 ms to 60 s, roughly three per decade, suited to method timings.</summary>
    public static readonly double[] DurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    public static readonly Meter Meter = new(MeterName, typeof(PerformanceMeter).Assembly.GetName().Version?.ToString());

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        DurationInstrument,
        unit: "s",
        description: "Duration of operations tracked by PerfLogging.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> ThresholdExceeded = Meter.CreateCounter<long>(
        ThresholdInstrument,
        unit: "{operation}",
        description: "Operations that took longer than their warning or critical threshold.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        FailureInstrument,
        unit: "{operation}",
        description: "Operations that ended with an exception.");

    /// <summary>Gets a value indicating whether any instrument has a listener (a record of it calls out).</summary>
    public static bool IsListened
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Duration.Enabled || ThresholdExceeded.Enabled || Failures.Enabled;
    }

    /// <summary>Records one call's measurements. A listener that throws is reported once; the call's record is still written.</summary>
    public static void Record(ResolvedOperation operation, double seconds, PerformanceOutcome outcome, Exception? exception)
    {
        try
        {
            if (Duration.Enabled)
            {
                Duration.Record(seconds, operation.NameTag, new KeyValuePair<string, object?>(OutcomeTag, outcome.Tag()));
            }

            if (outcome is PerformanceOutcome.Warning or PerformanceOutcome.Critical && ThresholdExceeded.Enabled)
            {
                ThresholdExceeded.Add(1, operation.NameTag, new KeyValuePair<string, object?>(ThresholdTag, outcome.Tag()));
            }

            if (exception is not null && Failures.Enabled)
            {
                Failures.Add(1, operation.NameTag, new KeyValuePair<string, object?>(ErrorTypeTag, exception.GetType().FullName));
            }
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(
                SelfDiagnosticKind.Metrics, "A MeterListener failed while PerfLogging recorded a measurement; the record is still written.", ex);
        }
    }
}
