using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Support;

/// <summary>
/// A provider whose single logger is enabled at every level and counts the scopes opened on it; each test provider
/// says only what a record does.
/// </summary>
internal abstract class TestLoggerProvider : ILoggerProvider, ILogger
{
    private int _scopes;

    public int Scopes => Volatile.Read(ref _scopes);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        Interlocked.Increment(ref _scopes);
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public abstract void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter);

    public void Dispose()
    {
    }
}
