using Microsoft.Extensions.Logging;
using PerfLogging.Samples.Orders.Data;

namespace PerfLogging.Samples.Orders;

/// <summary>The sample's scenario: a few requests of an order-processing service.</summary>
public static class OrderWorkflow
{
    public static async Task RunAsync(ILoggerFactory? loggers = null)
    {
        var repository = new OrderRepository();
        var inventory = new InventoryService();
        var payments = new PaymentGateway();
        var orders = new OrderService(repository, inventory, payments, loggers?.CreateLogger<OrderService>());

        for (var i = 1; i <= 6; i++)
        {
            using (PerformanceContext.BeginRequest($"req_{100 + i}"))
            {
                FeatureFlags.TraceInventory = i % 2 == 0;
                var order = new Order(i, i == 3 ? "guest" : $"customer{i}", [new OrderLine("sku-1", i, 9.5m), new OrderLine("sku-2", 1, 20m)]);
                await orders.PlaceAsync(order);
                payments.LookupLoyalty(order.Customer);
                await repository.FindAsync(order.Id);
            }
        }

        using (PerformanceContext.BeginRequest("req_big"))
        {
            try
            {
                await orders.PlaceAsync(new Order(99, "whale", [new OrderLine("sku-9", 2, 800m)]));
            }
            catch (InvalidOperationException)
            {
                // LogAndRaise: the original exception reaches the caller after being logged.
            }
        }

        payments.PingFraudService();
        inventory.Available("sku-1");
        orders.RefreshPrices(1);
        orders.RefreshPrices(12);
        orders.RefreshPrices(40);
        await orders.ReconcileAsync();
        orders.CountOpenOrders();

        using (var operation = PerformanceTracker.Start("nightly_export"))
        {
            await Task.Delay(5);
        }
    }
}
