using System.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// The <c>PerfLogging</c> ActivitySource: with <c>Tracing:Enabled</c>, each tracked operation is a span carrying the
/// log record's fields as tags, with an error status when it fails. Costs nothing while nobody listens.
/// </summary>
internal static class PerformanceTracing
{
    public const string SourceName = "PerfLogging";

    public static readonly ActivitySource Source = new(SourceName, typeof(PerformanceTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the operation's span, or returns null when tracing is off or nobody samples it.</summary>
    public static Activity? Start(ResolvedOperation operation) =>
        operation.TracingEnabled && Source.HasListeners() ? Source.StartActivity(operation.Name, ActivityKind.Internal) : null;

    /// <summary>Tags the span like the log record, sets its status and ends it.</summary>
    public static void Stop(Activity activity, ResolvedOperation operation, double seconds, PerformanceOutcome outcome, Exception? exception)
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

        activity.Stop();
    }
}
