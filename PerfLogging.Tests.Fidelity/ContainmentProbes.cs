using Microsoft.Extensions.Logging;

namespace PerfLogging.Tests.Fidelity;

/// <summary>
/// Woven code that PerfLogging's callees (a ToString, a listener, a provider) reach through async work they start:
/// <see cref="Start"/> hands the payload to <see cref="ForwardAsync"/>, which delivers it after an await. A budget
/// bounds every chain, so a feedback loop ends and can be counted instead of running forever.
/// </summary>
public static class Relay
{
    private static int s_budget;
    private static int s_started;
    private static int s_delivered;

    public static int Started => Volatile.Read(ref s_started);

    public static int Delivered => Volatile.Read(ref s_delivered);

    public static void Reset(int budget)
    {
        Volatile.Write(ref s_budget, budget);
        Volatile.Write(ref s_started, 0);
        Volatile.Write(ref s_delivered, 0);
    }

    /// <summary>Starts async woven work (fire and forget), as an exporter or an audit hook would.</summary>
    public static void Start(object payload)
    {
        if (Interlocked.Decrement(ref s_budget) >= 0)
        {
            Interlocked.Increment(ref s_started);
            _ = ForwardAsync(payload);
        }
    }

    [PerformanceLogging]
    public static async Task ForwardAsync(object payload)
    {
        await Task.Yield();
        Deliver(payload);
    }

    [PerformanceLogging(IncludeArgs = true)]
    public static void Deliver(object payload) => Interlocked.Increment(ref s_delivered);
}

/// <summary>A value whose (unwoven) ToString starts async woven work, e.g. an audit of every rendering.</summary>
public sealed class Voucher(string code)
{
    public string Code => code;

    public override string ToString()
    {
        Relay.Start(this);
        return code;
    }
}

public static class Vouchers
{
    [PerformanceLogging(IncludeArgs = true)]
    public static int Redeem(Voucher voucher) => voucher.Code.Length;
}

/// <summary>A message handler that begins the request of the message it handles, as a queue consumer does.</summary>
public static class Inbox
{
    [PerformanceLogging]
    public static int Handle(string messageId, ILogger logger)
    {
        using (PerformanceContext.BeginRequest(messageId))
        {
            logger.LogInformation("handling {MessageId}", messageId);
            return Process(messageId);
        }
    }

    [PerformanceLogging]
    public static int Process(string messageId) => messageId.Length;

    /// <summary>Runs <paramref name="body"/> inside a synchronous operation.</summary>
    [PerformanceLogging]
    public static void Dispatch(Action body) => body();

    [PerformanceLogging]
    public static int Acknowledge(string messageId) => messageId.Length;
}

/// <summary>Async shapes for the ambient and tracing probes.</summary>
public static class Outbox
{
    [PerformanceLogging]
    public static async Task<int> FailLaterAsync(string reason)
    {
        await Task.Yield();
        throw new InvalidOperationException(reason);
    }

    /// <summary>Sync before its await, then a sync operation nesting another after it.</summary>
    [PerformanceLogging]
    public static async Task<int> RouteAsync(string messageId)
    {
        var first = Inbox.Acknowledge(messageId);
        await Task.Yield();
        var second = 0;
        Inbox.Dispatch(() => second = Inbox.Process(messageId));
        return first + second;
    }
}
