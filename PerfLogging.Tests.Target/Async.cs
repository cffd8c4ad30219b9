namespace PerfLogging.Tests.Target;

/// <summary>Task and ValueTask shapes, async and not, completing at once and later.</summary>
public class AsyncService
{
    [PerformanceLogging]
    public async Task DelayAsync(int milliseconds) => await Task.Delay(milliseconds);

    [PerformanceLogging(IncludeResult = true)]
    public async Task<int> ComputeAsync(int value)
    {
        await Task.Delay(20);
        return value * 2;
    }

    [PerformanceLogging]
    public Task<int> CompletedAsync(int value) => Task.FromResult(value);

    [PerformanceLogging]
    public Task NotAsyncTask(Task inner) => inner;

    [PerformanceLogging]
    public async ValueTask<int> ValueAsync(int value)
    {
        await Task.Yield();
        return value + 1;
    }

    [PerformanceLogging]
    public ValueTask<int> ValueCompleted(int value) => new(value);

    [PerformanceLogging]
    public async ValueTask ValueVoidAsync() => await Task.Delay(5);

    [PerformanceLogging]
    public async Task<int> ThrowingAsync(int value)
    {
        await Task.Yield();
        throw new InvalidOperationException($"async failure {value}");
    }

    [PerformanceLogging]
    public Task<int> ThrowsBeforeTask() => throw new ArgumentException("not even a task");

    [PerformanceLogging]
    public async Task CancelledAsync(CancellationToken token) => await Task.Delay(Timeout.Infinite, token);

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public async Task<string> RecoveredAsync()
    {
        await Task.Yield();
        throw new TimeoutException("gave up");
    }

    public int AsyncVoidCalls { get; private set; }

#pragma warning disable PERF010 // The shape is what this test exercises.
    [PerformanceLogging]
    public async void FireAndForget()
    {
        AsyncVoidCalls++;
        await Task.Yield();
    }
#pragma warning restore PERF010
}
