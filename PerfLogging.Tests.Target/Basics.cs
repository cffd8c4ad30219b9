namespace PerfLogging.Tests.Target;

/// <summary>Instance and static, void and values, overloads, recursion and parameter kinds.</summary>
public class Calculator
{
    [PerformanceLogging]
    public int Add(int a, int b) => a + b;

    [PerformanceLogging]
    public double Add(double a, double b) => a + b;

    [PerformanceLogging]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static string Greet(string name) => "Hello " + name;

    [PerformanceLogging]
    public void Nothing()
    {
    }

    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    public int Divide(int a, int b) => a / b;

    [PerformanceLogging]
    public int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    [PerformanceLogging(IncludeArgs = true)]
    public string Join(string separator = ", ", params string[] parts) => string.Join(separator, parts);

    [PerformanceLogging(IncludeArgs = true)]
    public bool TryParse(string text, out int value) => int.TryParse(text, out value);

    [PerformanceLogging(IncludeArgs = true)]
    public void Increment(ref int counter, in int by) => counter += by;

#pragma warning disable PERF009 // Redaction by name is what the tests check.
    [PerformanceLogging(IncludeArgs = true)]
    public void Login(string user, [NotLogged] string token, string password)
    {
    }
#pragma warning restore PERF009

    [PerformanceLogging(IncludeResult = true)]
    [return: NotLogged]
    public string IssueToken() => "tok_123";

    [PerformanceLogging("custom_name", LoggerName = "Shop.Custom", IncludeClassName = false)]
    public int Named() => 1;

    [PerformanceLogging(IncludeClassName = false)]
    public int ShortName() => 2;

    [PerformanceProfile("fast")]
    public int Fast() => 3;

    [PerformanceProfile("slow", ThresholdWarning = 12)]
    public int SlowWithOverride() => 4;

    [PerformanceLogging]
    [PerformanceContext("component", "database")]
    public int WithContext() => 5;
}

/// <summary>Spans and references: handed through untouched.</summary>
public class Buffers
{
    private readonly int[] _values = [1, 2, 3];

    [PerformanceLogging(IncludeArgs = true)]
    public int Sum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    [PerformanceLogging]
    public ref int First() => ref _values[0];

    [PerformanceLogging]
    public Span<int> All() => _values;

    public int[] Values => _values;
}
