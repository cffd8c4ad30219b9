namespace PerfLogging.Tests.Fidelity;

/// <summary>Adversarial shapes for the in-place weaver: ref structs, cold tasks, generic and async members.</summary>
public static class Probes2
{
    /// <summary>A cold task: the caller starts it.</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static Task<int> ColdSwallowing(int value) => new(() => value * 2);

    [PerformanceLogging]
    public static Task<int> ColdRaising(int value) => new(() => value * 2);

    /// <summary>The first instruction is the loop's back-edge target.</summary>
    [PerformanceLogging]
    public static void Spin(ref int counter, int limit)
    {
        do
        {
            counter++;
        }
        while (counter < limit);
    }

    [PerformanceLogging]
    public static unsafe int Fixed(int[] values)
    {
        fixed (int* p = values)
        {
            if (values.Length == 0)
            {
                return -1;
            }

            return p[0] + p[values.Length - 1];
        }
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static string NestedHandlers(int mode, List<string> log)
    {
        try
        {
            try
            {
                if (mode == 0)
                {
                    return "zero";
                }

                throw mode == 1 ? new InvalidOperationException("one") : new FormatException("two");
            }
            catch (InvalidOperationException e) when (e.Message == "one")
            {
                log.Add("inner catch");
                return "caught";
            }
            finally
            {
                log.Add("inner finally");
            }
        }
        finally
        {
            log.Add("outer finally");
        }
    }

    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked))]
    public static async ValueTask<int> ConditionalValueTask(int value)
    {
        await Task.Yield();
        return value + 1;
    }

    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked), OnError = PerformanceErrorMode.LogAndContinue)]
    public static void ConditionalVoidSwallowing(bool fail)
    {
        if (fail)
        {
            throw new InvalidOperationException("conditional");
        }
    }
}

/// <summary>A generic type whose parameter allows ref structs.</summary>
public ref struct RefHolder<T>
    where T : allows ref struct
{
    private T _value;

    [PerformanceLogging]
    public void Set(T value) => _value = value;

    [PerformanceLogging]
    public readonly int Probe(int x) => x + 1;
}

public interface IDefault
{
    [PerformanceLogging]
    int Twice(int value) => value * 2;
}

public sealed class UsesDefault : IDefault
{
}

/// <summary>A base call after field initializers that contain a try/finally (a spread over an enumerable).</summary>
public class SpreadInitialized : Named
{
    private readonly List<int> _items = [0, .. Source()];

    [PerformanceLogging]
    public SpreadInitialized(int extra)
        : base(extra switch { < 0 => throw new ArgumentOutOfRangeException(nameof(extra)), 0 => "zero", _ => "many" })
    {
        _items.Add(extra);
    }

    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked))]
    public SpreadInitialized()
        : this(1)
    {
        _items.Add(-1);
    }

    public IReadOnlyList<int> Items => _items;

    private static IEnumerable<int> Source()
    {
        yield return 1;
        yield return 2;
    }
}

public class Eventful
{
    [method: PerformanceLogging]
    public event EventHandler? Changed;

    public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
}
