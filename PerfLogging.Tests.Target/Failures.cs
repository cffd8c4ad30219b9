namespace PerfLogging.Tests.Target;

/// <summary>Each OnError mode, and a throw on a known line for stack-trace tests.</summary>
public class Failures
{
    public const int ThrowLine = 13;

    [PerformanceLogging]
    public int Raise(int value)
    {
        var doubled = value * 2;
        if (doubled > 0)
        {
            throw new InvalidOperationException($"failed with {doubled}");
        }

        return doubled;
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public int Continue() => throw new TimeoutException("continued");

    [PerformanceLogging(OnError = PerformanceErrorMode.Silent)]
    public string Silent() => throw new TimeoutException("silent");

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public void ContinueVoid() => throw new TimeoutException("continued void");
}
