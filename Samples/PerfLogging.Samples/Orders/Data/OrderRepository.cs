namespace PerfLogging.Samples.Orders.Data;

/// <summary>Timed by the project fabric (no attributes here).</summary>
public class OrderRepository
{
    private readonly Dictionary<int, Order> _orders = [];

    public Order Save(Order order)
    {
        // A little real allocation, so the memory fields have something to show.
        var snapshot = order.Lines.Select(l => new string('x', 2048)).ToList();
        GC.KeepAlive(snapshot);
        _orders[order.Id] = order;
        return order;
    }

    public async ValueTask<Order?> FindAsync(int id)
    {
        await Task.Delay(5);
        return _orders.GetValueOrDefault(id);
    }

    public IEnumerable<Order> Scan()
    {
        foreach (var order in _orders.Values.OrderBy(o => o.Id))
        {
            yield return order;
        }
    }
}
