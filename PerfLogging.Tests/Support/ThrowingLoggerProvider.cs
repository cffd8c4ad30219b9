using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;

namespace PerfLogging.Tests.Support;

/// <summary>A logging provider that throws in IsEnabled, Log or BeginScope (and stays quiet for self-diagnostics).</summary>
public sealed class ThrowingLoggerProvider(ThrowingLoggerProvider.Fault fault) : ILoggerProvider
{
    public enum Fault
    {
        IsEnabled,
        Log,
        BeginScope,
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == SelfDiagnostics.Category ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : new Logger(fault);

    public void Dispose()
    {
    }

    private sealed class Logger(Fault fault) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => fault == Fault.BeginScope ? throw new InvalidOperationException("scope") : null;

        public bool IsEnabled(LogLevel logLevel) => fault == Fault.IsEnabled ? throw new InvalidOperationException("enabled") : true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (fault == Fault.Log)
            {
                throw new InvalidOperationException("log");
            }
        }
    }
}
