using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;

namespace PerfLogging.Runtime;

/// <summary>
/// Connects woven code to the host's logger factory and options when the host starts, follows option reloads,
/// and disconnects when the host stops. It subscribes to reloads before it reads the options (a reload in between is
/// not lost), and a reload that arrives while or after it stops cannot put the disposed logger factory back.
/// </summary>
internal sealed class PerformanceLoggingHostedService(
    ILoggerFactory loggerFactory,
    IOptionsMonitor<PerformanceLoggingOptions> options,
    TimeProvider? timeProvider = null,
    Microsoft.Extensions.Compliance.Redaction.IRedactorProvider? redactors = null) : IHostedService, IDisposable
{
    private readonly object _gate = new();
    private IDisposable? _subscription;
    private bool _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = options.OnChange((updated, _) => Update(updated));
        lock (_gate)
        {
            PerformanceRuntime.Configure(loggerFactory, options.CurrentValue, timeProvider ?? TimeProvider.System, redactors);
            _running = true;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _running = false;

            // The logger factory is disposed with the host; keep measuring, stop writing to it.
            PerformanceRuntime.Configure(null, options.CurrentValue);
        }

        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    private void Update(PerformanceLoggingOptions updated)
    {
        lock (_gate)
        {
            if (_running)
            {
                PerformanceRuntime.UpdateOptions(updated);
            }
        }
    }
}
