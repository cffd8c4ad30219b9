namespace PerfLogging.Configuration;

/// <summary>A named pair of thresholds (seed: <c>profiles</c>), chosen with <c>[PerformanceProfile("name")]</c>.</summary>
public sealed class ProfileOptions
{
    /// <summary>Gets or sets the warning threshold in seconds.</summary>
    /// <value>The default value is 1.0 seconds; a profile read from configuration without it takes <c>Thresholds:WarningSeconds</c>.</value>
    public double WarningSeconds { get; set; } = PerformanceLoggingDefaults.WarningSeconds;

    /// <summary>Gets or sets the critical threshold in seconds.</summary>
    /// <value>The default value is 5.0 seconds; a profile read from configuration without it takes <c>Thresholds:CriticalSeconds</c>.</value>
    public double CriticalSeconds { get; set; } = PerformanceLoggingDefaults.CriticalSeconds;

    internal ProfileOptions Clone() => (ProfileOptions)MemberwiseClone();
}
