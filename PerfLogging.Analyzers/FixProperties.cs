namespace PerfLogging.Analyzers;

/// <summary>Diagnostic properties the code fixes read: what to change, decided where the problem was found.</summary>
public static class FixProperties
{
    /// <summary>The kind of fix, for diagnostics with several causes.</summary>
    public const string Fix = "PerfLogging.Fix";

    /// <summary>PERF001: both thresholds are on the attribute, in the wrong order.</summary>
    public const string Swap = "SwapThresholds";

    /// <summary>PERF002: the known profile closest to the unknown one.</summary>
    public const string Suggestion = "PerfLogging.Suggestion";
}
