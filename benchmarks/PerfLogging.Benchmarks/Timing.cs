using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PerfLogging.Benchmarks;

/// <summary>
/// The observable work every technique does around the call: start timestamp, elapsed, compare with the warning
/// (1 s) and critical (5 s) thresholds, and ask the logger whether that level is enabled; log if it is.
/// </summary>
public static class Timing
{
    private const double WarningSeconds = 1.0;
    private const double CriticalSeconds = 5.0;

    private static readonly Action<ILogger, string, double, Exception?> s_completed =
        LoggerMessage.Define<string, double>(LogLevel.Information, new EventId(1, "Completed"), "{Operation} completed in {Seconds} s");

    public static ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public static long Start() => Stopwatch.GetTimestamp();

    public static void Stop(long start, string operation)
    {
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var level = seconds > CriticalSeconds ? LogLevel.Critical : seconds > WarningSeconds ? LogLevel.Warning : LogLevel.Information;
        if (Logger.IsEnabled(level))
        {
            s_completed(Logger, operation, seconds, null);
        }
    }
}

/// <summary>A provider that accepts every record and does nothing with it: the cost measured is the pipeline's.</summary>
public sealed class DiscardingLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => DiscardingLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class DiscardingLogger : ILogger
    {
        public static readonly DiscardingLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
