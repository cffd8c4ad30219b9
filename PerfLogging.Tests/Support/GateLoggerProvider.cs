using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Support;

/// <summary>Holds every record written to it until released: shows what a caller sees while a record is being written.</summary>
internal sealed class GateLoggerProvider : TestLoggerProvider
{
    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Entered.Set();
        Release.Wait(TimeSpan.FromSeconds(30));
    }
}
