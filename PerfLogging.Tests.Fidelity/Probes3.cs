namespace PerfLogging.Tests.Fidelity;

/// <summary>Adversarial shapes for the in-place weaver: constructors, records and events.</summary>
public static class Probes3
{
    /// <summary>Nested try blocks starting at offset 0; the method ends in a filtered catch that always throws.</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static int EndsInFilteredCatch(int mode, List<string> log)
    {
        try
        {
            try
            {
                if (mode == 0)
                {
                    return 10;
                }

                throw new InvalidOperationException("inner " + mode);
            }
            finally
            {
                log.Add("finally");
            }
        }
        catch (InvalidOperationException e) when (Note(log, e.Message))
        {
            throw new FormatException("wrapped", e);
        }
    }

    private static bool Note(List<string> log, string text)
    {
        log.Add(text);
        return true;
    }

    public static int LocalFunction(int value)
    {
        var offset = 3;
        return Add(value);

        [PerformanceLogging]
        int Add(int x) => x + offset;
    }

    public static Func<int, int> Lambda() => [PerformanceLogging] (int x) => x * 5;

    [PerformanceLogging]
    public static int ReadonlyRefParameter(ref readonly int value) => value + 1;

    [PerformanceLogging(OnError = PerformanceErrorMode.Silent)]
    public static Task<string> SilentTask(bool fail) => fail ? throw new InvalidOperationException("silent") : Task.FromResult("ok");

#pragma warning disable PERF010 // async void on purpose: the probe checks it still runs
    [PerformanceLogging]
    public static async void AsyncVoid(TaskCompletionSource<int> done)
    {
        await Task.Yield();
        done.SetResult(1);
    }
#pragma warning restore PERF010
}

public interface IStaticVirtual
{
    [PerformanceLogging]
    static virtual int Create(int value) => value + 100;
}

public sealed class StaticVirtualUser : IStaticVirtual
{
    public static int Make<T>(int value)
        where T : IStaticVirtual => T.Create(value);
}

[PerformanceLogging]
public readonly record struct Money(decimal Amount, string Currency)
{
    public Money Add(Money other) => other.Currency == Currency ? new(Amount + other.Amount, Currency) : throw new InvalidOperationException("currency");
}
