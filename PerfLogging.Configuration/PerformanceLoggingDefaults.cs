namespace PerfLogging.Configuration;

/// <summary>
/// The single home of every default value of the options model. The analyzer links this file too, so the
/// defaults it merges attribute thresholds with are the ones the runtime uses.
/// </summary>
internal static class PerformanceLoggingDefaults
{
    public const string SectionName = "PerformanceLogging";

    public const bool Enabled = true;

    public const double WarningSeconds = 1.0;
    public const double CriticalSeconds = 5.0;
    public const double MemoryWarningMb = 100;
    public const double MemoryCriticalMb = 500;

    public const string FastProfile = "fast";
    public const double FastWarningSeconds = 0.1;
    public const double FastCriticalSeconds = 0.5;
    public const string NormalProfile = "normal";
    public const double NormalWarningSeconds = 1.0;
    public const double NormalCriticalSeconds = 5.0;
    public const string SlowProfile = "slow";
    public const double SlowWarningSeconds = 10.0;
    public const double SlowCriticalSeconds = 30.0;

    public const bool IncludeMemoryUsage = false;
    public const bool IncludeCpuUsage = false;
    public const bool IncludeFunctionArgs = false;
    public const bool IncludeFunctionResult = false;
    public const int MaxArgLength = 200;
    public const int MaxResultLength = 200;

    public const string SuccessLevel = "Information";
    public const string WarningLevel = "Warning";
    public const string CriticalLevel = "Critical";
    public const string ErrorLevel = "Error";

    public const string ContextPrefix = "perf_";
    public const string OperationField = "operation";
    public const bool AutoOperationNaming = true;

    public const bool OperationEnabled = true;

    public const bool TracingEnabled = false;

    /// <summary>The built-in profiles, in the order they are documented.</summary>
    public static readonly (string Name, double WarningSeconds, double CriticalSeconds)[] BuiltInProfiles =
    [
        (FastProfile, FastWarningSeconds, FastCriticalSeconds),
        (NormalProfile, NormalWarningSeconds, NormalCriticalSeconds),
        (SlowProfile, SlowWarningSeconds, SlowCriticalSeconds),
    ];
}
