using System.Runtime.CompilerServices;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Compiler-generated async methods of every builder and ending, whose state machine records.</summary>
public static class SmProbes
{
    [PerformanceLogging]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> PooledAsync(Task<int> source) => await source;

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> PooledSwallowAsync(Task<int> source) => await source;

    [PerformanceLogging]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask PooledVoidAsync(Task source) => await source;

    [PerformanceLogging(OnError = PerformanceErrorMode.Silent)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask PooledVoidSilentAsync(Task source) => await source;

    [PerformanceLogging]
    public static async ValueTask<string> PlainValueAsync(Task<string> source) => await source;

    [PerformanceLogging]
    public static async Task CanceledAsync(Task gate, CancellationToken token)
    {
        await gate;
        token.ThrowIfCancellationRequested();
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<int> CanceledSwallowAsync(Task gate, CancellationToken token)
    {
        await gate;
        token.ThrowIfCancellationRequested();
        return 1;
    }

    [PerformanceLogging]
    public static async Task<int> ThrowsEarlyAsync(bool fail, Task gate)
    {
        if (fail)
        {
            throw new InvalidOperationException("early");
        }

        await gate;
        return 1;
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<string> ThrowsEarlySwallowAsync(bool fail, Task gate)
    {
        if (fail)
        {
            throw new InvalidOperationException("early");
        }

        await gate;
        return "x";
    }

    [PerformanceLogging]
    [AsyncMethodBuilder(typeof(CustomTaskBuilder))]
    public static async Task CustomBuiltAsync(Task gate) => await gate;

    [PerformanceLogging]
    [AsyncMethodBuilder(typeof(CustomTaskBuilder<>))]
    public static async Task<int> CustomBuiltOfTAsync(Task<int> gate) => await gate;

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(CustomTaskBuilder<>))]
    public static async Task<int> CustomBuiltSwallowAsync(Task<int> gate) => await gate;

    [PerformanceLogging]
    public static async Task<int> FinallyAwaitAsync(Task gate, List<string> log)
    {
        try
        {
            await gate;
            return 1;
        }
        finally
        {
            await Task.Yield();
            log.Add("finally");
        }
    }

    [PerformanceLogging]
    public static async Task<int> AwaitUsingAsync(Task gate, List<string> log)
    {
        await using var resource = new Resource(log);
        await gate;
        return 2;
    }

    [PerformanceLogging]
    public static async Task<int> OuterAsync(Task<int> gate) => await InnerAsync(gate) + 1;

    [PerformanceLogging]
    public static async Task<int> InnerAsync(Task<int> gate) => await gate;

    [PerformanceLogging]
    public static async Task<int> RecurseAsync(int n, Task gate)
    {
        if (n == 0)
        {
            await gate;
            return 0;
        }

        return await RecurseAsync(n - 1, gate) + 1;
    }

    [PerformanceLogging]
    public static async Task<int> ConfigureAwaitFalseAsync(Task<int> gate) => await gate.ConfigureAwait(false);

    public static AsyncLocal<string?> Local { get; } = new();

    [PerformanceLogging]
    public static async Task<string?> SetsLocalAsync(Task gate)
    {
        Local.Value = "inside";
        await gate;
        return Local.Value;
    }

    [ConditionalPerformanceLogging(typeof(Switches), nameof(Switches.Tracked))]
    public static async Task<int> ConditionalAsync(Task<int> gate) => await gate;

    [PerformanceLogging]
    public static async Task<int> BeginsRequestInsideAsync(Task gate)
    {
        await gate;
        PerformanceContext.BeginRequest("inner-request");
        return 3;
    }

    [PerformanceLogging]
    public static async Task<int> SetsActivityInsideAsync(Task gate)
    {
        await gate;
        System.Diagnostics.Activity.Current = new System.Diagnostics.Activity("inner").Start();
        return 4;
    }

    [PerformanceLogging]
    public static async Task FailsUnobservedAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("unobserved");
    }

    [PerformanceLogging]
    public static async Task<int> AlwaysThrowsAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("always");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<int> AlwaysThrowsSwallowedAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("always");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task AlwaysThrowsSwallowedVoidAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("always void");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> AlwaysThrowsSwallowedPooledAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("always pooled");
    }

    [PerformanceLogging]
    public static async Task<int> LoopsUntilThrowAsync(Task gate)
    {
        while (true)
        {
            await gate;
            if (gate.IsCompleted)
            {
                throw new InvalidOperationException("loop");
            }
        }
    }

    [PerformanceLogging]
    public static async Task<int> YieldsOnContextAsync()
    {
        await Task.Yield();
        return Environment.CurrentManagedThreadId;
    }

    private sealed class Resource(List<string> log) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            log.Add("disposed");
        }
    }
}

/// <summary>Generic methods in a generic type.</summary>
/// <typeparam name="T">The type's parameter.</typeparam>
public class SmGeneric<T>
{
    [PerformanceLogging]
    public async Task<(T, U)> PairAsync<U>(T t, U u, Task gate)
    {
        await gate;
        return (t, u);
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public async ValueTask<T> FailAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("generic");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<List<U>> ListAsync<U>(U value, Task gate)
    {
        await gate;
        return [value];
    }
}

/// <summary>An async method on a struct.</summary>
public struct SmStruct
{
    public int Value;

    [PerformanceLogging]
    public readonly async Task<int> GetAsync(Task gate)
    {
        await gate;
        return Value;
    }
}

/// <summary>A method-level builder for Task, wrapping the standard one.</summary>
public struct CustomTaskBuilder
{
    private AsyncTaskMethodBuilder _inner;

    public static int Completions { get; set; }

    public Task Task => _inner.Task;

    public static CustomTaskBuilder Create() => new() { _inner = AsyncTaskMethodBuilder.Create() };

    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

    public void SetResult()
    {
        Completions++;
        _inner.SetResult();
    }

    public void SetException(Exception exception)
    {
        Completions++;
        _inner.SetException(exception);
    }

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}

/// <summary>A method-level builder for Task of T, wrapping the standard one.</summary>
/// <typeparam name="T">The result type.</typeparam>
public struct CustomTaskBuilder<T>
{
    private AsyncTaskMethodBuilder<T> _inner;

    public Task<T> Task => _inner.Task;

    public static CustomTaskBuilder<T> Create() => new() { _inner = AsyncTaskMethodBuilder<T>.Create() };

    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

    public void SetResult(T result) => _inner.SetResult(result);

    public void SetException(Exception exception) => _inner.SetException(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}
