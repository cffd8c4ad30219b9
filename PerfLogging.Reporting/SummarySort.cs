namespace PerfLogging.Reporting;

/// <summary>The order of a summary's rows.</summary>
public enum SummarySort
{
    /// <summary>By operation name (ordinal).</summary>
    Operation,

    /// <summary>Slowest p95 first.</summary>
    P95,

    /// <summary>Most calls first.</summary>
    Calls,

    /// <summary>Slowest single call first.</summary>
    Max,

    /// <summary>Most errors first.</summary>
    Errors,
}
