namespace PerfLogging.Runtime;

/// <summary>How a call ended, as the level it is logged at and the <c>outcome</c> metric tag.</summary>
internal enum PerformanceOutcome
{
    Success,
    Warning,
    Critical,
    Error,
}

internal static class PerformanceOutcomeNames
{
    public static string Tag(this PerformanceOutcome outcome) => outcome switch
    {
        PerformanceOutcome.Success => "success",
        PerformanceOutcome.Warning => "warning",
        PerformanceOutcome.Critical => "critical",
        _ => "error",
    };
}
