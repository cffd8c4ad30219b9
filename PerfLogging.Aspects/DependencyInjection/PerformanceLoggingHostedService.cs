using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;

namespace PerfLogging.Runtime;

/// <summary>
/// Connects woven code to the host's logger factory and options when the host starts, follows option reloads,
/// and disconnects when the host stops.
/// </summary>
internal sealed class PerformanceLoggingHostedService(
    ILoggerFactory loggerFactory,
    IOptionsMonitor<PerformanceLoggingOptions> options,
    TimeProvider? timeProvider = null,
    Microsoft.Extensions.Compliance.Redaction.IRedactorProvider? redactors = null) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        PerformanceRuntime.Configure(loggerFactory, options.CurrentValue, timeProvider ?? TimeProvider.System, redactors);
        _subscription = options.OnChange((updated, _) => PerformanceRuntime.UpdateOptions(updated));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();

        // The logger factory is disposed with the host; keep measuring, stop writing to it.
        PerformanceRuntime.Configure(null, options.CurrentValue);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }
}
