namespace PerfLogging.Samples.Orders;

/// <summary>Switches read by <c>[ConditionalPerformanceLogging]</c> on every call.</summary>
public static class FeatureFlags
{
    public static bool TraceInventory { get; set; }
}
