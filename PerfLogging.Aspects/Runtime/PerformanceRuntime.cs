using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PerfLogging.Configuration;

namespace PerfLogging.Runtime;

/// <summary>
/// The process-wide current <see cref="RuntimeState"/>: one immutable snapshot, swapped whole. Every call reads it
/// once, so it never mixes old and new settings; swaps are serialised, so an options update cannot overwrite a
/// concurrent <c>Configure</c> with the logging stack it read before.
/// </summary>
internal static class PerformanceRuntime
{
    private static readonly object s_gate = new();
    private static volatile RuntimeState s_state = new(new PerformanceLoggingOptions(), null, TimeProvider.System);

    /// <summary>
    /// <see cref="RuntimeState.Enabled"/> of the current state, written after it: with <c>Enabled = false</c> a woven call
    /// costs one flag check, without reading its operation.
    /// </summary>
    private static volatile bool s_enabled = s_state.Enabled;

    public static RuntimeState State => s_state;

    /// <summary>Gets a value indicating whether tracking is on in the current state (false: no call is tracked).</summary>
    public static bool Enabled => s_enabled;

    public static void Configure(ILoggerFactory? loggerFactory, PerformanceLoggingOptions options, TimeProvider? timeProvider = null, IRedactorProvider? redactors = null)
    {
        var copy = options.Clone();
        lock (s_gate)
        {
            Publish(new RuntimeState(copy, loggerFactory, timeProvider ?? TimeProvider.System, redactors));
            Diagnostics.SelfDiagnostics.Reset();
        }
    }

    /// <summary>Swaps in new options and keeps the logging stack and clock.</summary>
    public static void UpdateOptions(PerformanceLoggingOptions options)
    {
        var copy = options.Clone();
        lock (s_gate)
        {
            var current = s_state;
            Publish(new RuntimeState(
                copy,
                current.IsLoggingConfigured ? current.LoggerFactory : null,
                current.TimeProvider,
                current.Redactors));
        }
    }

    private static void Publish(RuntimeState state)
    {
        s_state = state;
        s_enabled = state.Enabled;
    }
}
