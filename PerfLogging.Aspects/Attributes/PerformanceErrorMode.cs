namespace PerfLogging;

/// <summary>What an aspected method does when its body throws.</summary>
public enum PerformanceErrorMode
{
    /// <summary>Log the failure and rethrow the original exception with its stack trace.</summary>
    LogAndRaise,

    /// <summary>Log the failure and return <see langword="default"/> (a completed task of default for async methods).</summary>
    LogAndContinue,

    /// <summary>Log nothing and return <see langword="default"/>.</summary>
    Silent,
}
