namespace PerfLogging.Configuration;

/// <summary>
/// Configuration of PerfLogging, bound from the <c>PerformanceLogging</c> section of appsettings.json or from
/// perflogging.json. A new instance holds every default, including the built-in profiles fast, normal and slow.
/// </summary>
public sealed class PerformanceLoggingOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = PerformanceLoggingDefaults.SectionName;

    /// <summary>Gets or sets a value indicating whether operations are tracked at all (seed: <c>enable_performance_logging</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = PerformanceLoggingDefaults.Enabled;

    /// <summary>Gets or sets the default duration and memory thresholds.</summary>
    /// <value>The default value is warning 1.0 s, critical 5.0 s, memory warning 100 MB, memory critical 500 MB.</value>
    public ThresholdOptions Thresholds { get; set; } = new();

    /// <summary>
    /// Gets or sets the named threshold profiles (case-insensitive names). Profiles from configuration add to the
    /// built-in ones; a profile with a built-in name replaces it.
    /// </summary>
    /// <value>The default value is fast (0.1 s / 0.5 s), normal (1.0 s / 5.0 s) and slow (10 s / 30 s).</value>
    public Dictionary<string, ProfileOptions> Profiles { get; set; } = CreateBuiltInProfiles();

    /// <summary>Gets or sets what is measured and captured besides the duration.</summary>
    /// <value>The default value captures neither memory, CPU, arguments nor results; summaries are cut at 200 characters.</value>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>Gets or sets the log level of each outcome.</summary>
    /// <value>The default value is Information, Warning, Critical and Error.</value>
    public LogLevelOptions LogLevels { get; set; } = new();

    /// <summary>Gets or sets the prefix of the metric fields added to a log context (seed: <c>context_prefix</c>).</summary>
    /// <value>The default value is <c>perf_</c>.</value>
    public string ContextPrefix { get; set; } = PerformanceLoggingDefaults.ContextPrefix;

    /// <summary>Gets or sets the name of the logging-scope field that carries the operation name (seed: <c>operation_field</c>).</summary>
    /// <value>The default value is <c>operation</c>.</value>
    public string OperationField { get; set; } = PerformanceLoggingDefaults.OperationField;

    /// <summary>
    /// Gets or sets a value indicating whether operations without an explicit name are named after their method
    /// (seed: <c>auto_operation_naming</c>). When off, an unnamed operation is named after its method only.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AutoOperationNaming { get; set; } = PerformanceLoggingDefaults.AutoOperationNaming;

    /// <summary>Gets or sets whether operations also start OpenTelemetry spans (an <c>ActivitySource</c> named <c>PerfLogging</c>).</summary>
    /// <value>The default value is tracing off.</value>
    public TracingOptions Tracing { get; set; } = new();

    /// <summary>Gets or sets per-operation settings, keyed by operation name (case-insensitive).</summary>
    /// <value>The default value is empty.</value>
    public Dictionary<string, OperationOptions> Operations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a deep copy, so a snapshot taken by the runtime cannot change under it.</summary>
    /// <returns>A copy that shares no mutable state with this instance.</returns>
    public PerformanceLoggingOptions Clone() => new()
    {
        Enabled = Enabled,
        Thresholds = Thresholds.Clone(),
        Profiles = Profiles.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase),
        Metrics = Metrics.Clone(),
        LogLevels = LogLevels.Clone(),
        ContextPrefix = ContextPrefix,
        OperationField = OperationField,
        AutoOperationNaming = AutoOperationNaming,
        Tracing = Tracing.Clone(),
        Operations = Operations.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase),
    };

    private static Dictionary<string, ProfileOptions> CreateBuiltInProfiles()
    {
        var profiles = new Dictionary<string, ProfileOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, warning, critical) in PerformanceLoggingDefaults.BuiltInProfiles)
        {
            profiles[name] = new ProfileOptions { WarningSeconds = warning, CriticalSeconds = critical };
        }

        return profiles;
    }
}
