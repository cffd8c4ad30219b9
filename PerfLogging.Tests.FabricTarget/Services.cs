using PerfLogging;

namespace Shop.Services;

public sealed record Receipt(int Id, decimal Total);

public class OrderService
{
    public int Count { get; set; }

    public int Submit(int id)
    {
        Func<int, int> twice = x => x * 2;
        return Local(twice(id));

        static int Local(int x) => x + 1;
    }

    internal int Audit() => 1;

    [PerformanceLogging(ThresholdWarning = 0.3)]
    public int Priority() => 2;

    [NoPerformanceLogging]
    public int Excluded() => 3;

    public IEnumerable<int> Lines()
    {
        yield return 1;
        yield return 2;
    }

    public async Task<int> SaveAsync()
    {
        await Task.Yield();
        return 4;
    }

    public Receipt Bill(int id) => new(id, 9.5m);
}

[PerformanceProfile("slow")]
public class ReportService
{
    public int Build() => 5;
}

[NoPerformanceLogging]
public class HealthCheck
{
    public int Ping() => 6;
}
