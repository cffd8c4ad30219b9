namespace PerfLogging.Tests.Fidelity;

public static class Switches
{
    public static bool Tracked { get; set; }
}

/// <summary>A per-call condition: the one body runs tracked or untracked.</summary>
public static class Conditional
{
    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked))]
    public static int Twice(int value) => value * 2;

    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked))]
    public static IEnumerable<int> Count(int to)
    {
        for (var i = 1; i <= to; i++)
        {
            yield return i;
        }
    }
}
