using Microsoft.Extensions.Logging;
using PerfLogging;
using PerfLogging.Configuration;

// Usage: PerfLogging.Tests.Recursion IsEnabled|BeginScope|CreateLogger
// Prints "calls=N records=M" and exits 0; a provider that recursed through woven code would overflow the stack instead.
var fault = args.Length == 1 ? args[0] : "IsEnabled";
var provider = new CallingProvider(fault);
using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider));
PerformanceLogging.Configure(factory, new PerformanceLoggingOptions());

var total = 0;
for (var i = 0; i < 3; i++)
{
    total += Work.Add(i, 1);
}

Console.WriteLine($"calls={total} records={provider.Records}");
return 0;

internal static class Work
{
    [PerformanceLogging]
    public static int Add(int a, int b) => a + b > 0 ? 1 : 1;

    [PerformanceLogging]
    public static string Describe(string text) => text.ToUpperInvariant();
}

/// <summary>A provider that, like one formatting its output through the application's own services, calls woven code.</summary>
internal sealed class CallingProvider(string fault) : ILoggerProvider, ILogger
{
    private int _records;

    public int Records => _records;

    public ILogger CreateLogger(string categoryName)
    {
        if (fault == "CreateLogger")
        {
            Work.Describe(categoryName);
        }

        return this;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        if (fault == "BeginScope")
        {
            Work.Describe("scope");
        }

        return null;
    }

    public bool IsEnabled(LogLevel logLevel)
    {
        if (fault == "IsEnabled")
        {
            Work.Describe("enabled");
        }

        return true;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (fault == "BeginScope")
        {
            using var scope = BeginScope("record");
        }

        Interlocked.Increment(ref _records);
    }

    public void Dispose()
    {
    }
}
