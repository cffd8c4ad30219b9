using System.Diagnostics;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// The <c>PerfLogging</c> ActivitySource: with <c>Tracing:Enabled</c>, each tracked operation is a span carrying the
/// log record's fields as tags, with an error status when it fails. Costs nothing while nobody listens.
/// </summary>
internal static class PerformanceTracing
{
    public const string SourceName = "PerfLogging";

    public static readonly ActivitySource Source = new(SourceName, typeof(PerformanceTracing).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Starts the operation's span, or returns null when nobody samples it. A listener that throws (or calls woven
    /// code) cannot break the call: the failure is reported once, and <see cref="Activity.Current"/> is what it was.
    /// </summary>
    public static Activity? Start(ResolvedOperation operation, Activity? previous)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = null;
        try
        {
            using (TrackingSuppression.WithFlow())
            {
                activity = Source.StartActivity(operation.Name, ActivityKind.Internal);
            }

            // The section restored the caller's execution context: the new span becomes current in it here.
            if (activity is not null)
            {
                Activity.Current = activity;
            }

            return activity;
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.Tracing, "An ActivityListener failed while a PerfLogging span started; the call runs without a span.", ex);
            Abandon(activity, previous);
            return null;
        }
    }

    /// <summary>
    /// Tags the span like the log record, sets its status and ends it where the operation ended (not after the time it
    /// took to classify and record it); a throwing listener is contained.
    /// </summary>
    public static void Stop(Activity activity, ResolvedOperation operation, double seconds, long endTimestamp, PerformanceOutcome outcome, Exception? exception)
    {
        try
        {
            // Inside the section, Stop's change of Activity.Current is undone with the caller's context: the operation
            // leaving its ambient state is what restores the parent span.
            using var suppressed = TrackingSuppression.WithFlow();
            Tag(activity, operation, seconds, outcome, exception);

            // Now, less the time since the operation's end timestamp: both read "now" from their clocks, so the span
            // cannot end before a child that ended inside the operation. (A test clock leaves the end at now.)
            var sinceEnd = operation.State.UsesSystemClock ? Stopwatch.GetElapsedTime(endTimestamp) : TimeSpan.Zero;
            var end = DateTime.UtcNow - sinceEnd;
            if (end > activity.StartTimeUtc)
            {
                activity.SetEndTime(end);
            }

            activity.Stop();
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.Tracing, "An ActivityListener failed while a PerfLogging span stopped; the span may be incomplete.", ex);
        }
    }

    private static void Abandon(Activity? activity, Activity? previous)
    {
        try
        {
            activity?.Dispose();
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.Tracing, "An ActivityListener failed while a PerfLogging span was abandoned.", ex);
        }

        Activity.Current = previous;
    }

    private static void Tag(Activity activity, ResolvedOperation operation, double seconds, PerformanceOutcome outcome, Exception? exception)
    {
        var descriptor = operation.Descriptor;
        activity.SetTag(MetricNames.OperationName, operation.Name);
        activity.SetTag(MetricNames.ClassName, descriptor.ClassName);
        activity.SetTag(MetricNames.FunctionName, descriptor.MethodName);
        activity.SetTag(MetricNames.ModuleName, descriptor.ModuleName);
        activity.SetTag(MetricNames.DurationSeconds, seconds);
        activity.SetTag(MetricNames.Success, exception is null);
        activity.SetTag(MetricNames.ExceededWarning, seconds > operation.WarningSeconds);
        activity.SetTag(MetricNames.ExceededCritical, seconds > operation.CriticalSeconds);
        activity.SetTag(MetricNames.WarningThreshold, operation.WarningSeconds);
        activity.SetTag(MetricNames.CriticalThreshold, operation.CriticalSeconds);
        activity.SetTag(PerformanceMeter.OutcomeTag, outcome.Tag());
        if (PerformanceContext.CurrentRequest is { } request)
        {
            activity.SetTag(MetricNames.RequestId, request.RequestId);
        }

        foreach (var (key, value) in descriptor.ContextFields)
        {
            activity.SetTag(key, value);
        }

        if (exception is not null)
        {
            activity.SetTag(MetricNames.ErrorType, exception.GetType().Name);
            activity.SetTag(MetricNames.ErrorMessage, exception.Message);
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        }
    }
}
