using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PerfLogging.Configuration;

namespace PerfLogging.Runtime;

/// <summary>The process-wide current <see cref="RuntimeState"/>.</summary>
internal static class PerformanceRuntime
{
    private static volatile RuntimeState s_state = new(new PerformanceLoggingOptions(), null, TimeProvider.System);

    public static RuntimeState State => s_state;

    public static void Configure(ILoggerFactory? loggerFactory, PerformanceLoggingOptions options, TimeProvider? timeProvider = null, IRedactorProvider? redactors = null)
    {
        s_state = new RuntimeState(options.Clone(), loggerFactory, timeProvider ?? TimeProvider.System, redactors);
        Diagnostics.SelfDiagnostics.Reset();
    }

    /// <summary>Swaps in new options and keeps the logging stack and clock.</summary>
    public static void UpdateOptions(PerformanceLoggingOptions options)
    {
        var current = s_state;
        s_state = new RuntimeState(
            options.Clone(),
            current.IsLoggingConfigured ? current.LoggerFactory : null,
            current.TimeProvider,
            current.Redactors);
    }
}
