namespace PerfLogging.Reporting;

/// <summary>How a call ended: the meter's <c>outcome</c> tag, or what a log record's fields say.</summary>
public enum OperationOutcome
{
    /// <summary>Completed under its warning threshold.</summary>
    Success,

    /// <summary>Completed over its warning threshold.</summary>
    Warning,

    /// <summary>Completed over its critical threshold.</summary>
    Critical,

    /// <summary>Ended with an exception.</summary>
    Error,
}
