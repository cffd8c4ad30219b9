using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>Builds the <see cref="PerformanceMetrics"/> and the record of one operation, and writes it.</summary>
internal static class OperationLog
{
    public static readonly EventId Completed = new(1, "OperationCompleted");
    public static readonly EventId OverWarning = new(2, "OperationOverWarning");
    public static readonly EventId OverCritical = new(3, "OperationOverCritical");
    public static readonly EventId Failed = new(4, "OperationFailed");

    private static readonly Func<PerformanceLogState, Exception?, string> s_formatter = PerformanceLogState.Format;

    /// <summary>True for the event ids of PerfLogging's own records (an application record may use their field names).</summary>
    public static bool IsRecordEvent(EventId eventId) =>
        eventId.Id is >= 1 and <= 4 && eventId.Name is { } name &&
        (name == Completed.Name || name == OverWarning.Name || name == OverCritical.Name || name == Failed.Name);

    /// <summary>Writes the record. Call it inside a flow section (<see cref="TrackingSuppression.WithFlow()"/>).</summary>
    public static void Write(
        ResolvedOperation operation,
        LogLevel level,
        PerformanceOutcome outcome,
        double seconds,
        long endTimestamp,
        Exception? exception,
        string? argsSummary,
        string? resultSummary,
        ResourceUsage? resources,
        string? parentOperation,
        Activity? span,
        bool ambient)
    {
        var details = RecordDetails.Capture(exception, argsSummary, resultSummary, resources, parentOperation, span, ambient);
        var state = new PerformanceLogState(operation, outcome, seconds, operation.State.WallClockTicksAt(endTimestamp), details);
        var eventId = outcome switch
        {
            PerformanceOutcome.Success => Completed,
            PerformanceOutcome.Warning => OverWarning,
            PerformanceOutcome.Critical => OverCritical,
            _ => Failed,
        };

        // The caller holds a flow section (TrackingSuppression.WithFlow): woven code a provider reaches while writing
        // the record, on this thread or in async work it starts to ship the record, runs untracked; otherwise each
        // record would produce another, forever.
        try
        {
            operation.Log(level, eventId, state, exception, s_formatter);
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerLog, "A logging provider failed in Log; the record was dropped.", ex);
        }
    }
}
