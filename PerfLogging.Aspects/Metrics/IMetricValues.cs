namespace PerfLogging;

/// <summary>
/// The values behind the fields of <see cref="PerformanceMetrics"/>, wherever they are held: in a
/// <see cref="PerformanceMetrics"/>, or computed on demand from the raw measurements of a log record.
/// </summary>
internal interface IMetricValues
{
    string OperationName { get; }

    DateTimeOffset StartTime { get; }

    DateTimeOffset EndTime { get; }

    double DurationSeconds { get; }

    bool Success { get; }

    string? ErrorType { get; }

    string? ErrorMessage { get; }

    double? MemoryStartMb { get; }

    double? MemoryEndMb { get; }

    double? MemoryDeltaMb { get; }

    double? MemoryPeakMb { get; }

    long? AllocatedBytes { get; }

    double? CpuPercent { get; }

    string? FunctionName { get; }

    string? ModuleName { get; }

    string? ClassName { get; }

    string? ArgsSummary { get; }

    string? ResultSummary { get; }

    bool ExceededWarning { get; }

    bool ExceededCritical { get; }

    double WarningThreshold { get; }

    double CriticalThreshold { get; }
}
