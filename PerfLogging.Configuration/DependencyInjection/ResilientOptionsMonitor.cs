using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace PerfLogging.Configuration;

/// <summary>
/// The options monitor of <see cref="PerformanceLoggingOptions"/>. Unlike the default monitor, a reload that
/// produces invalid options does not throw on the file-watcher thread and does not lose the options: the last
/// valid ones stay in effect, one error is logged, and the next valid change is picked up.
/// </summary>
internal sealed class ResilientOptionsMonitor : IOptionsMonitor<PerformanceLoggingOptions>, IDisposable
{
    private const string Category = "PerfLogging.Configuration";

    private readonly IOptionsFactory<PerformanceLoggingOptions> _factory;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _registrations = [];
    private readonly Lock _gate = new();
    private PerformanceLoggingOptions? _current;
    private string? _lastProblem;
    private event Action<PerformanceLoggingOptions, string?>? Changed;

    public ResilientOptionsMonitor(
        IOptionsFactory<PerformanceLoggingOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<PerformanceLoggingOptions>> sources,
        ILoggerFactory? loggerFactory = null)
    {
        _factory = factory;
        _logger = loggerFactory?.CreateLogger(Category) ?? NullLogger.Instance;
        foreach (var source in sources)
        {
            _registrations.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
        }

        ConfigurationProblems.Reported += OnProblem;
    }

    /// <summary>Gets the current options; the first read validates them and throws if they are invalid.</summary>
    public PerformanceLoggingOptions CurrentValue
    {
        get
        {
            lock (_gate)
            {
                return _current ??= _factory.Create(Options.DefaultName);
            }
        }
    }

    public PerformanceLoggingOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<PerformanceLoggingOptions, string?> listener)
    {
        Changed += listener;
        return new Subscription(() => Changed -= listener);
    }

    public void Dispose()
    {
        ConfigurationProblems.Reported -= OnProblem;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Reload()
    {
        PerformanceLoggingOptions options;
        try
        {
            options = _factory.Create(Options.DefaultName);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // One change can raise several notifications (the provider's and the root's); say it once.
            if (Interlocked.Exchange(ref _lastProblem, ex.Message) == ex.Message)
            {
                return;
            }

            _logger.LogError(
                new EventId(9100, "InvalidReload"),
                "PerfLogging configuration reload rejected; the last valid options stay in effect. {Problems}",
                ex.Message);
            return;
        }

        lock (_gate)
        {
            _current = options;
        }

        _lastProblem = null;

        Changed?.Invoke(options, Options.DefaultName);
    }

    private void OnProblem(string message) =>
        _logger.LogError(new EventId(9101, "InvalidConfigurationFile"), "{Problem}", message);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
