using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Code the runtime must observe without consuming, re-entering or leaking into it.</summary>
public static class Containment
{
    [PerformanceLogging(IncludeArgs = true)]
    public static int Sum(IEnumerable<int> items) => items.Sum();

    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    public static int Count(IReadOnlyCollection<int> items) => items.Count;

    [PerformanceLogging(IncludeArgs = true)]
    public static string Describe(Price price) => "paid " + price.Amount;

    /// <summary>A correlation helper: returns a logger scope its caller disposes.</summary>
    [PerformanceLogging]
    public static IDisposable? BeginCorrelation(ILogger logger, string id) =>
        logger.BeginScope(new Dictionary<string, object?> { ["correlation"] = id });

    [PerformanceLogging]
    public static void EndCorrelation(IDisposable? scope) => scope?.Dispose();

    [PerformanceLogging]
    public static Timer StartTimer(ILogger logger, ManualResetEventSlim ticked) =>
        new(_ =>
        {
            logger.LogInformation("tick");
            ticked.Set();
        }, null, 10, Timeout.Infinite);

    [PerformanceLogging]
    public static void Log(ILogger logger, string message) => logger.LogInformation("{Text}", message);
}

/// <summary>A value whose ToString is itself woven (as a type-level attribute or a fabric would select it).</summary>
public sealed class Price(decimal amount)
{
    public decimal Amount { get; } = amount;

    [PerformanceLogging]
    public override string ToString() => $"{Amount:0.00} EUR";
}

/// <summary>Woven code a logging provider may call: synchronously, or to ship a record asynchronously.</summary>
public static class Shipping
{
    private static int s_shipped;

    public static int Shipped => Volatile.Read(ref s_shipped);

    public static void Reset() => Volatile.Write(ref s_shipped, 0);

    [PerformanceLogging]
    public static bool Check(string category) => category.Length >= 0;

    [PerformanceLogging]
    public static async Task ShipAsync(string line)
    {
        await Task.Yield();
        Send(line);
    }

    [PerformanceLogging]
    public static void Send(string line) => Interlocked.Increment(ref s_shipped);
}
