namespace PerfLogging.Configuration;

/// <summary>
/// Settings for one operation, keyed by its operation name. They override the profile and the defaults, and are
/// overridden by attributes and fabric rules that set a value explicitly.
/// </summary>
public sealed class OperationOptions
{
    /// <summary>Gets or sets a value indicating whether the operation is tracked; when false a call costs one flag check.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = PerformanceLoggingDefaults.OperationEnabled;

    /// <summary>Gets or sets the warning threshold in seconds, or <see langword="null"/> to inherit it.</summary>
    /// <value>The default value is <see langword="null"/> (inherited).</value>
    public double? WarningSeconds { get; set; }

    /// <summary>Gets or sets the critical threshold in seconds, or <see langword="null"/> to inherit it.</summary>
    /// <value>The default value is <see langword="null"/> (inherited).</value>
    public double? CriticalSeconds { get; set; }

    internal OperationOptions Clone() => (OperationOptions)MemberwiseClone();
}
