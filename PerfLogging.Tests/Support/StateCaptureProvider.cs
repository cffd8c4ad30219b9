using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Support;

/// <summary>Keeps the state objects providers receive, with their typed values (FakeLogger keeps strings).</summary>
internal sealed class StateCaptureProvider : ILoggerProvider
{
    public List<IReadOnlyList<KeyValuePair<string, object?>>> States { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(StateCaptureProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs && pairs.Any(p => p.Key == "operation_name"))
            {
                lock (provider.States)
                {
                    provider.States.Add(pairs);
                }
            }
        }
    }
}
