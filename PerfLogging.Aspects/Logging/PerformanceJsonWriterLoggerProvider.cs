using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PerfLogging.Runtime;

/// <summary>
/// Writes the JSON lines to <see cref="PerformanceJsonConsoleOptions.Output"/>, synchronously, when one is set;
/// otherwise it logs nothing and the console provider's formatter writes them.
/// </summary>
[ProviderAlias("PerformanceJsonConsole")]
internal sealed class PerformanceJsonWriterLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly PerformanceJsonConsoleOptions _options;
    private readonly Lock _gate = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public PerformanceJsonWriterLoggerProvider(IOptions<PerformanceJsonConsoleOptions> options)
    {
        _options = options.Value;
    }

    public ILogger CreateLogger(string categoryName) => new WriterLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class WriterLogger(PerformanceJsonWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && provider._options.Output is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var options = provider._options;
            var line = PerformanceJsonLine.Format(category, logLevel, eventId, state, exception, formatter, provider._scopes, options);
            lock (provider._gate)
            {
                options.Output!.WriteLine(line);
                options.Output.Flush();
            }
        }
    }
}
