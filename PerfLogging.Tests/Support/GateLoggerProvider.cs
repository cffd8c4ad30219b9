using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Support;

/// <summary>Holds every record written to it until released: shows what a caller sees while a record is being written.</summary>
internal sealed class GateLoggerProvider : TestLoggerProvider
{
    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    /// <summary>Waits until a record is being written, runs <paramref name="look"/> while it is held, then lets it go.</summary>
    public void WhileHeld(Action look)
    {
        try
        {
            Entered.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("no record was written");
            look();
        }
        finally
        {
            Release.Set();
        }
    }

    public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Entered.Set();
        Release.Wait(TimeSpan.FromSeconds(30));
    }
}
