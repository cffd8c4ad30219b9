namespace PerfLogging;

/// <summary>The snake_case names of the metric fields, as the seed writes them.</summary>
internal static class MetricNames
{
    public const string OperationName = "operation_name";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";
    public const string DurationSeconds = "duration_seconds";
    public const string Success = "success";
    public const string ErrorType = "error_type";
    public const string ErrorMessage = "error_message";
    public const string MemoryStartMb = "memory_start_mb";
    public const string MemoryEndMb = "memory_end_mb";
    public const string MemoryDeltaMb = "memory_delta_mb";
    public const string MemoryPeakMb = "memory_peak_mb";
    public const string AllocatedBytes = "allocated_bytes";
    public const string CpuPercent = "cpu_percent";
    public const string FunctionName = "function_name";
    public const string ModuleName = "module_name";
    public const string ClassName = "class_name";
    public const string ArgsSummary = "args_summary";
    public const string ResultSummary = "result_summary";
    public const string ExceededWarning = "exceeded_warning";
    public const string ExceededCritical = "exceeded_critical";
    public const string WarningThreshold = "warning_threshold";
    public const string CriticalThreshold = "critical_threshold";

    public const string RequestId = "request_id";
    public const string ParentOperation = "parent_operation";
    public const string TraceId = "trace_id";
    public const string SpanId = "span_id";
    public const string OriginalFormat = "{OriginalFormat}";
}
