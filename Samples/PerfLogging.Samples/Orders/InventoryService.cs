namespace PerfLogging.Samples.Orders;

public class InventoryService
{
    /// <summary>Timed only while <see cref="FeatureFlags.TraceInventory"/> is on.</summary>
    [ConditionalPerformanceLogging(typeof(FeatureFlags), nameof(FeatureFlags.TraceInventory), Profile = "fast")]
    public bool Reserve(OrderLine line) => line.Quantity <= 10;

    /// <summary>Never woven: the constant false leaves the method untouched.</summary>
    [ConditionalPerformanceLogging(false)]
    public int Available(string sku) => sku.Length * 10;
}
