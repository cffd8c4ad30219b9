namespace PerfLogging.Configuration;

/// <summary>
/// The log level of each outcome (seed: <c>log_levels</c>), as the names of
/// <c>Microsoft.Extensions.Logging.LogLevel</c>: Trace, Debug, Information, Warning, Error, Critical or None.
/// </summary>
public sealed class LogLevelOptions
{
    /// <summary>Gets or sets the level of a call under the warning threshold.</summary>
    /// <value>The default value is <c>Information</c>.</value>
    public string Success { get; set; } = PerformanceLoggingDefaults.SuccessLevel;

    /// <summary>Gets or sets the level of a call over the warning threshold.</summary>
    /// <value>The default value is <c>Warning</c>.</value>
    public string Warning { get; set; } = PerformanceLoggingDefaults.WarningLevel;

    /// <summary>Gets or sets the level of a call over the critical threshold.</summary>
    /// <value>The default value is <c>Critical</c>.</value>
    public string Critical { get; set; } = PerformanceLoggingDefaults.CriticalLevel;

    /// <summary>Gets or sets the level of a call that failed.</summary>
    /// <value>The default value is <c>Error</c>.</value>
    public string Error { get; set; } = PerformanceLoggingDefaults.ErrorLevel;

    internal LogLevelOptions Clone() => (LogLevelOptions)MemberwiseClone();
}
