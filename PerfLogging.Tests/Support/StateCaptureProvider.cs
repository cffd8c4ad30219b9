using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Support;

/// <summary>Keeps the state objects providers receive, with their typed values (FakeLogger keeps strings).</summary>
internal sealed class StateCaptureProvider : TestLoggerProvider
{
    public List<IReadOnlyList<KeyValuePair<string, object?>>> States { get; } = [];

    public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs && pairs.Any(p => p.Key == "operation_name"))
        {
            lock (States)
            {
                States.Add(pairs);
            }
        }
    }
}
