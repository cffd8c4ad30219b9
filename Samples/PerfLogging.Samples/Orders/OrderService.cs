using Microsoft.Extensions.Logging;
using PerfLogging.Samples.Orders.Data;

namespace PerfLogging.Samples.Orders;

/// <summary>Every ordinary method is timed by the type attribute; methods refine it with their own.</summary>
[PerformanceLogging]
[PerformanceContext("component", "orders")]
public class OrderService(OrderRepository repository, InventoryService inventory, PaymentGateway payments, ILogger<OrderService>? log = null)
{
    [PerformanceProfile("fast")]
    public bool Validate(Order order) => order.Lines.Count > 0 && order.Lines.All(l => l.Quantity > 0);

    [PerformanceProfile("normal", IncludeMemory = true)]
    public async Task<string> PlaceAsync(Order order)
    {
        if (!Validate(order) || !order.Lines.All(inventory.Reserve))
        {
            throw new ArgumentException($"Order {order.Id} is not valid.", nameof(order));
        }

        repository.Save(order);

        // An ordinary record written inside the operation: log enrichment adds "operation": "OrderService.PlaceAsync".
        log?.LogInformation("Order {OrderId} saved for {Customer}", order.Id, order.Customer);
        return await payments.ChargeAsync(order.Customer, order.Total, "4111 1111 1111 1111");
    }

    [PerformanceProfile("slow")]
    public async Task ReconcileAsync() => await Task.Delay(25);

    /// <summary>Deliberately tight thresholds, so the sample shows a warning and a critical record.</summary>
    [PerformanceLogging("pricing_refresh", ThresholdWarning = 0.005, ThresholdCritical = 0.03)]
    public void RefreshPrices(int milliseconds) => Thread.Sleep(milliseconds);

    public int CountOpenOrders() => repository.Scan().Count();
}
