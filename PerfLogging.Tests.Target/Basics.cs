namespace PerfLogging.Tests.Target;

public class Calculator
{
    [PerformanceLogging]
    public int Add(int a, int b) => a + b;

    [PerformanceLogging]
    public static string Greet(string name) => "Hello " + name;

    [PerformanceLogging]
    public void Nothing()
    {
    }

    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    public int Divide(int a, int b) => a / b;
}
