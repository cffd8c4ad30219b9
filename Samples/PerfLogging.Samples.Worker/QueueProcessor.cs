using PerfLogging;

namespace PerfLogging.Samples.Worker;

/// <summary>Receives and processes batches of messages; both steps are woven.</summary>
public class QueueProcessor
{
    private int _received;

    [PerformanceLogging]
    public virtual async Task<IReadOnlyList<int>> ReceiveAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(5, cancellationToken);
        var first = Interlocked.Add(ref _received, 3) - 3;
        return [first + 1, first + 2, first + 3];
    }

    [PerformanceLogging]
    public virtual async Task ProcessAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
    {
        foreach (var _ in batch)
        {
            await Task.Delay(2, cancellationToken);
        }
    }
}
