namespace PerfLogging;

/// <summary>
/// Times and logs every call of the method, constructor, or every method of the class or struct it is put on
/// (seed: <c>performance_logging</c>, <c>async_performance_logging</c>, <c>method_performance_logging</c>).
/// </summary>
/// <example><code>[PerformanceLogging("data_processing", ThresholdWarning = 2)]</code></example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct,
    Inherited = false)]
public sealed class PerformanceLoggingAttribute : PerformanceAspectAttribute
{
    /// <summary>Initializes a new instance with the default operation name.</summary>
    public PerformanceLoggingAttribute()
    {
    }

    /// <summary>Initializes a new instance with an operation name.</summary>
    /// <param name="operationName">The operation name written to every record.</param>
    public PerformanceLoggingAttribute(string operationName)
    {
        OperationName = operationName;
    }
}
