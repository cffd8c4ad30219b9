namespace PerfLogging;

/// <summary>
/// The measurements of one operation, with the seed's fields. Every log record of an operation carries these as
/// structured properties under the snake_case names of <see cref="ToDictionary"/>.
/// </summary>
public sealed class PerformanceMetrics : IMetricValues
{
    /// <summary>Gets or sets the operation name (<c>operation_name</c>).</summary>
    public string OperationName { get; set; } = string.Empty;

    /// <summary>Gets or sets when the operation started, UTC (<c>start_time</c>).</summary>
    public DateTimeOffset StartTime { get; set; }

    /// <summary>Gets or sets when the operation ended, UTC (<c>end_time</c>).</summary>
    public DateTimeOffset EndTime { get; set; }

    /// <summary>Gets or sets the duration in seconds (<c>duration_seconds</c>).</summary>
    public double DurationSeconds { get; set; }

    /// <summary>Gets or sets a value indicating whether the operation ended without an exception (<c>success</c>).</summary>
    public bool Success { get; set; } = true;

    /// <summary>Gets or sets the exception type name when it failed (<c>error_type</c>).</summary>
    public string? ErrorType { get; set; }

    /// <summary>Gets or sets the exception message when it failed (<c>error_message</c>).</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Gets or sets the managed heap size at the start, in MB, when memory is measured (<c>memory_start_mb</c>).</summary>
    public double? MemoryStartMb { get; set; }

    /// <summary>Gets or sets the managed heap size at the end, in MB (<c>memory_end_mb</c>).</summary>
    public double? MemoryEndMb { get; set; }

    /// <summary>Gets or sets the heap growth during the operation, in MB (<c>memory_delta_mb</c>).</summary>
    public double? MemoryDeltaMb { get; set; }

    /// <summary>Gets or sets the highest heap size sampled during the operation, in MB (<c>memory_peak_mb</c>).</summary>
    public double? MemoryPeakMb { get; set; }

    /// <summary>Gets or sets the bytes allocated during the operation (<c>allocated_bytes</c>).</summary>
    public long? AllocatedBytes { get; set; }

    /// <summary>Gets or sets the process CPU time over wall time, in percent of one core (<c>cpu_percent</c>).</summary>
    public double? CpuPercent { get; set; }

    /// <summary>Gets or sets the method name (<c>function_name</c>).</summary>
    public string? FunctionName { get; set; }

    /// <summary>Gets or sets the module (assembly file) name (<c>module_name</c>).</summary>
    public string? ModuleName { get; set; }

    /// <summary>Gets or sets the declaring class name (<c>class_name</c>).</summary>
    public string? ClassName { get; set; }

    /// <summary>Gets or sets the argument summary when arguments are captured (<c>args_summary</c>).</summary>
    public string? ArgsSummary { get; set; }

    /// <summary>Gets or sets the result summary when results are captured (<c>result_summary</c>).</summary>
    public string? ResultSummary { get; set; }

    /// <summary>Gets or sets a value indicating whether the duration exceeded the warning threshold (<c>exceeded_warning</c>).</summary>
    public bool ExceededWarning { get; set; }

    /// <summary>Gets or sets a value indicating whether the duration exceeded the critical threshold (<c>exceeded_critical</c>).</summary>
    public bool ExceededCritical { get; set; }

    /// <summary>Gets or sets the warning threshold in seconds (<c>warning_threshold</c>).</summary>
    public double WarningThreshold { get; set; }

    /// <summary>Gets or sets the critical threshold in seconds (<c>critical_threshold</c>).</summary>
    public double CriticalThreshold { get; set; }

    /// <summary>Gets the number of fields <see cref="ToDictionary"/> returns.</summary>
    internal const int FieldCount = 22;

    /// <summary>Every field under its snake_case name, in a stable order; unmeasured fields are null.</summary>
    /// <returns>A new dictionary.</returns>
    public Dictionary<string, object?> ToDictionary()
    {
        var fields = new Dictionary<string, object?>(FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < FieldCount; i++)
        {
            var (key, value) = GetField(i);
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>The measured fields with a prefix, for merging into another log context (seed: <c>context_prefix</c>).</summary>
    /// <param name="prefix">The prefix, e.g. <c>perf_</c>.</param>
    /// <returns>A new dictionary without the fields that were not measured.</returns>
    public Dictionary<string, object?> ToContextFields(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var fields = new Dictionary<string, object?>(FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < FieldCount; i++)
        {
            var (key, value) = GetField(i);
            if (value is not null)
            {
                fields[prefix + key] = value;
            }
        }

        return fields;
    }

    /// <summary>One field by position, so log state can expose them without building a dictionary.</summary>
    internal KeyValuePair<string, object?> GetField(int index) => Field(index, this);

    /// <summary>One field of any holder of the values, by position; the single place that names and orders them.</summary>
    internal static KeyValuePair<string, object?> Field<T>(int index, in T values)
        where T : IMetricValues => index switch
    {
        0 => new(MetricNames.OperationName, values.OperationName),
        1 => new(MetricNames.StartTime, values.StartTime.UtcDateTime),
        2 => new(MetricNames.EndTime, values.EndTime.UtcDateTime),
        3 => new(MetricNames.DurationSeconds, values.DurationSeconds),
        4 => new(MetricNames.Success, values.Success),
        5 => new(MetricNames.ErrorType, values.ErrorType),
        6 => new(MetricNames.ErrorMessage, values.ErrorMessage),
        7 => new(MetricNames.MemoryStartMb, values.MemoryStartMb),
        8 => new(MetricNames.MemoryEndMb, values.MemoryEndMb),
        9 => new(MetricNames.MemoryDeltaMb, values.MemoryDeltaMb),
        10 => new(MetricNames.MemoryPeakMb, values.MemoryPeakMb),
        11 => new(MetricNames.AllocatedBytes, values.AllocatedBytes),
        12 => new(MetricNames.CpuPercent, values.CpuPercent),
        13 => new(MetricNames.FunctionName, values.FunctionName),
        14 => new(MetricNames.ModuleName, values.ModuleName),
        15 => new(MetricNames.ClassName, values.ClassName),
        16 => new(MetricNames.ArgsSummary, values.ArgsSummary),
        17 => new(MetricNames.ResultSummary, values.ResultSummary),
        18 => new(MetricNames.ExceededWarning, values.ExceededWarning),
        19 => new(MetricNames.ExceededCritical, values.ExceededCritical),
        20 => new(MetricNames.WarningThreshold, values.WarningThreshold),
        21 => new(MetricNames.CriticalThreshold, values.CriticalThreshold),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>A copy of the values as a <see cref="PerformanceMetrics"/>.</summary>
    internal static PerformanceMetrics From<T>(in T values)
        where T : IMetricValues => new()
    {
        OperationName = values.OperationName,
        StartTime = values.StartTime,
        EndTime = values.EndTime,
        DurationSeconds = values.DurationSeconds,
        Success = values.Success,
        ErrorType = values.ErrorType,
        ErrorMessage = values.ErrorMessage,
        MemoryStartMb = values.MemoryStartMb,
        MemoryEndMb = values.MemoryEndMb,
        MemoryDeltaMb = values.MemoryDeltaMb,
        MemoryPeakMb = values.MemoryPeakMb,
        AllocatedBytes = values.AllocatedBytes,
        CpuPercent = values.CpuPercent,
        FunctionName = values.FunctionName,
        ModuleName = values.ModuleName,
        ClassName = values.ClassName,
        ArgsSummary = values.ArgsSummary,
        ResultSummary = values.ResultSummary,
        ExceededWarning = values.ExceededWarning,
        ExceededCritical = values.ExceededCritical,
        WarningThreshold = values.WarningThreshold,
        CriticalThreshold = values.CriticalThreshold,
    };
}
