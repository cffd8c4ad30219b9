using PerfLogging;

namespace PerfLogging.Samples.Web;

/// <summary>A service the endpoint calls; woven, so each call is timed and logged under the request.</summary>
public class OrderLookup
{
    [PerformanceLogging(ThresholdWarning = 0.5)]
    public virtual async Task<Order> FindAsync(int id)
    {
        await Task.Delay(5);
        return new Order(id, "open");
    }
}

/// <summary>An order as the endpoint returns it.</summary>
/// <param name="Id">The order id.</param>
/// <param name="Status">The order's status.</param>
public sealed record Order(int Id, string Status);
