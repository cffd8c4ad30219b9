using Microsoft.Extensions.Logging;
using PerfLogging;
using PerfLogging.Configuration;

// Usage: PerfLogging.Tests.Recursion IsEnabled|BeginScope|CreateLogger|Ship|ContextLeak [--public-context-api]
// IsEnabled, BeginScope, CreateLogger: prints "calls=N records=M" and exits 0; a provider that recursed through woven
// code would overflow the stack instead. Ship and ContextLeak: see Flows. --public-context-api turns the in-place
// execution context switch off (the PerfLogging.DirectContextSwitch switch), before PerfLogging is first used.
if (args.Contains("--public-context-api"))
{
    AppContext.SetSwitch("PerfLogging.DirectContextSwitch", false);
}

var fault = args.Length > 0 ? args[0] : "IsEnabled";
if (fault is "Ship" or "ContextLeak")
{
    return await Flows.Run(fault);
}

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
    private static int s_shipped;

    public static int Shipped => Volatile.Read(ref s_shipped);

    [PerformanceLogging]
    public static int Add(int a, int b) => a + b > 0 ? 1 : 1;

    [PerformanceLogging]
    public static string Describe(string text) => text.ToUpperInvariant();

    /// <summary>Ships a line as a network sink would: after an await, through more woven code.</summary>
    [PerformanceLogging]
    public static async Task ShipAsync(string line)
    {
        await Task.Yield();
        Describe(line);
        Interlocked.Increment(ref s_shipped);
    }
}

/// <summary>
/// Ship: a provider ships every record through woven async code; prints "received=N shipped=M" (1 or 2 each: the
/// record and the self-diagnostic about the untracked calls; without containment the count grows without end).
/// ContextLeak: a provider sets an async-local while writing and leaves it set; prints the caller's value after the
/// woven call and the changes the async-local's handler heard.
/// </summary>
internal static class Flows
{
    public static async Task<int> Run(string scenario)
    {
        var changes = new List<string>();
        var local = new AsyncLocal<string?>(change => changes.Add($"{change.PreviousValue}->{change.CurrentValue}{(change.ThreadContextChanged ? " (context)" : "")}"));
        var provider = new FlowProvider(scenario, local);
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        PerformanceLogging.Configure(factory, new PerformanceLoggingOptions());
        if (scenario == "ContextLeak")
        {
            local.Value = "caller";
            changes.Clear();
            Work.Add(1, 1);
            Console.WriteLine($"value={local.Value} changes={string.Join(", ", changes)}");
            return 0;
        }

        Work.Add(1, 1);
        for (var i = 0; i < 3; i++)
        {
            await provider.Drain();
            await Task.Delay(100);
        }

        Console.WriteLine($"received={provider.Received} shipped={Work.Shipped}");
        return 0;
    }
}

internal sealed class FlowProvider(string scenario, AsyncLocal<string?> local) : ILoggerProvider, ILogger
{
    private readonly List<Task> _shipping = [];
    private int _received;

    public int Received => Volatile.Read(ref _received);

    public async Task Drain()
    {
        Task[] pending;
        lock (_shipping)
        {
            pending = [.. _shipping];
        }

        await Task.WhenAll(pending);
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Interlocked.Increment(ref _received);
        if (scenario == "ContextLeak")
        {
            local.Value = "provider";
            return;
        }

        var shipping = Work.ShipAsync(formatter(state, exception));
        lock (_shipping)
        {
            _shipping.Add(shipping);
        }
    }

    public void Dispose()
    {
    }
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
