namespace PerfLogging.Tests.Target;

public static class Flags
{
    public static bool Enabled { get; set; }

    public static bool Field;

    public static bool Check() => Field;
}

public class Conditional
{
    [ConditionalPerformanceLogging(false)]
    public int Never() => 1;

    [ConditionalPerformanceLogging(true)]
    public int Always() => 2;

    [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.Enabled))]
    public int WhenProperty() => 3;

    [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.Field))]
    public int WhenField() => 4;

    [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.Check), Profile = "fast")]
    public int WhenMethod() => 5;
}

/// <summary>A type attribute covers its ordinary methods; method attributes override it.</summary>
[PerformanceProfile("slow", IncludeArgs = true)]
public class Reporting
{
    public int Total { get; set; }

    public int Build(int rows) => Enumerable.Range(0, rows).Select(r => r * 2).Sum();

    [PerformanceProfile("fast")]
    public int Quick() => 1;

    [PerformanceLogging(ThresholdWarning = 2, ThresholdCritical = 3)]
    public int Custom() => 2;

    [NoPerformanceLogging]
    public int Excluded() => 3;

    public int WithLocalFunction()
    {
        return Local(4);

        static int Local(int x) => x + 1;
    }

    public Reporting()
    {
    }
}

[PerformanceLogging]
[NoPerformanceLogging]
public class ExcludedType
{
    public int Work() => 1;
}
