namespace PerfLogging.Configuration;

/// <summary>The default thresholds (seed: <c>thresholds</c>).</summary>
public sealed class ThresholdOptions
{
    /// <summary>Gets or sets the duration above which a call is logged at the warning level, in seconds.</summary>
    /// <value>The default value is 1.0 seconds.</value>
    public double WarningSeconds { get; set; } = PerformanceLoggingDefaults.WarningSeconds;

    /// <summary>Gets or sets the duration above which a call is logged at the critical level, in seconds.</summary>
    /// <value>The default value is 5.0 seconds.</value>
    public double CriticalSeconds { get; set; } = PerformanceLoggingDefaults.CriticalSeconds;

    /// <summary>Gets or sets the memory growth above which a call is flagged as a memory warning, in megabytes.</summary>
    /// <value>The default value is 100 MB.</value>
    public double MemoryWarningMb { get; set; } = PerformanceLoggingDefaults.MemoryWarningMb;

    /// <summary>Gets or sets the memory growth above which a call is flagged as memory critical, in megabytes.</summary>
    /// <value>The default value is 500 MB.</value>
    public double MemoryCriticalMb { get; set; } = PerformanceLoggingDefaults.MemoryCriticalMb;

    internal ThresholdOptions Clone() => (ThresholdOptions)MemberwiseClone();
}
