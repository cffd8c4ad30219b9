using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.Extensions.Logging;
using PerfLogging.Runtime;

namespace PerfLogging.Diagnostics;

/// <summary>The kinds of failure inside PerfLogging itself; each is reported once per configuration.</summary>
internal enum SelfDiagnosticKind
{
    LoggerIsEnabled,
    LoggerLog,
    LoggerFactory,
    MemoryProbe,
    CpuProbe,
    Formatting,
    Tracking,
    UnknownProfile,
    Reentrancy,
    Tracing,
    Metrics,
}

/// <summary>
/// Reports failures of the tracking pipeline without letting them reach the observed code: each kind once, to
/// the <c>PerfLogging</c> EventSource and to the <c>PerfLogging.SelfDiagnostics</c> logger.
/// </summary>
internal static class SelfDiagnostics
{
    public const string Category = "PerfLogging.SelfDiagnostics";

    private static readonly ConcurrentDictionary<SelfDiagnosticKind, string> s_reported = new();

    [ThreadStatic]
    private static bool t_reporting;

    /// <summary>The kinds reported since the last configuration, with their messages.</summary>
    public static IReadOnlyDictionary<SelfDiagnosticKind, string> Reported => s_reported;

    public static void Report(SelfDiagnosticKind kind, string message, Exception? exception = null)
    {
        var text = exception is null ? message : $"{message} {exception.GetType().Name}: {MessageOf(exception)}";
        if (t_reporting || !s_reported.TryAdd(kind, text))
        {
            return;
        }

        // A provider that throws while we report its failure must not recurse into another report.
        t_reporting = true;
        try
        {
            // Woven code the provider reaches from here (or from async work it starts) runs untracked, like for records.
            using var suppressed = TrackingSuppression.WithFlow();
            PerfLoggingEventSource.Log.SelfDiagnostic(kind.ToString(), text);
            var logger = PerformanceRuntime.State.LoggerFactory.CreateLogger(Category);
            logger.Log(LogLevel.Error, new EventId(9000 + (int)kind, kind.ToString()), exception, "PerfLogging: {Problem}", text);
        }
        catch (Exception)
        {
            // The report itself failed (the provider is the broken part); the EventSource already has it.
        }
        finally
        {
            t_reporting = false;
        }
    }

    public static void Reset() => s_reported.Clear();

    /// <summary>The exception's message; its <c>Message</c> is user code and may throw, which must not reach the caller.</summary>
    private static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message;
        }
        catch (Exception ex)
        {
            return $"(its message could not be read: {ex.GetType().Name})";
        }
    }
}

[EventSource(Name = "PerfLogging")]
internal sealed class PerfLoggingEventSource : EventSource
{
    public static readonly PerfLoggingEventSource Log = new();

    [Event(1, Level = EventLevel.Error, Message = "{0}: {1}")]
    public void SelfDiagnostic(string kind, string message)
    {
        if (IsEnabled())
        {
            WriteEvent(1, kind, message);
        }
    }
}
