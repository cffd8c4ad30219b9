namespace PerfLogging.Tests.Fidelity;

/// <summary>Task-returning methods whose callers may look at the very object they get.</summary>
public static class Tasks
{
    private static readonly Task<int> s_cached = Task.FromResult(42);

    [PerformanceLogging]
    public static Task Declared(Task actual) => actual;

    [PerformanceLogging]
    public static Task<int> Cached() => s_cached;

    [PerformanceLogging]
    public static Task<int> Pending(TaskCompletionSource<int> source) => source.Task;

    [PerformanceLogging]
    public static ValueTask<int> PendingValue(TaskCompletionSource<int> source) => new(source.Task);

    [PerformanceLogging]
    public static ValueTask<int> InlineValue(int value) => new(value);

    [PerformanceLogging]
    public static Task? Null() => null;

    [PerformanceLogging]
    public static async Task<int> DelayFreeOfContextAsync()
    {
        await Task.Delay(20).ConfigureAwait(false);
        return 7;
    }

    [PerformanceLogging]
    public static async Task<int> DelayOnContextAsync()
    {
        await Task.Delay(20);
        return 7;
    }

    [PerformanceLogging]
    public static async Task<int> AfterAsync(Task<int> source) => await source;

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<int> SwallowedAfterAsync(Task<int> source) => await source;

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static Task<int> SwallowedPending(TaskCompletionSource<int> source) => source.Task;
}
