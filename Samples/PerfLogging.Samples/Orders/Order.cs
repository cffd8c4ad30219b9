namespace PerfLogging.Samples.Orders;

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed record Order(int Id, string Customer, IReadOnlyList<OrderLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.Price);
}
