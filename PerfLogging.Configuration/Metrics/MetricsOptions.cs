namespace PerfLogging.Configuration;

/// <summary>What is measured and captured besides the duration (seed: <c>metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>Gets or sets a value indicating whether managed memory is measured for every operation (seed: <c>include_memory_usage</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeMemoryUsage { get; set; } = PerformanceLoggingDefaults.IncludeMemoryUsage;

    /// <summary>Gets or sets a value indicating whether process CPU usage is measured for every operation (seed: <c>include_cpu_usage</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeCpuUsage { get; set; } = PerformanceLoggingDefaults.IncludeCpuUsage;

    /// <summary>Gets or sets a value indicating whether arguments are summarised for every operation (seed: <c>include_function_args</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeFunctionArgs { get; set; } = PerformanceLoggingDefaults.IncludeFunctionArgs;

    /// <summary>Gets or sets a value indicating whether results are summarised for every operation (seed: <c>include_function_result</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeFunctionResult { get; set; } = PerformanceLoggingDefaults.IncludeFunctionResult;

    /// <summary>Gets or sets the length at which an argument summary is cut (seed: <c>max_arg_length</c>).</summary>
    /// <value>The default value is 200 characters.</value>
    public int MaxArgLength { get; set; } = PerformanceLoggingDefaults.MaxArgLength;

    /// <summary>Gets or sets the length at which a result summary is cut (seed: <c>max_result_length</c>).</summary>
    /// <value>The default value is 200 characters.</value>
    public int MaxResultLength { get; set; } = PerformanceLoggingDefaults.MaxResultLength;

    internal MetricsOptions Clone() => (MetricsOptions)MemberwiseClone();
}
