using System.Runtime.CompilerServices;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Async methods whose builder calls or builder types are not the usual ones.</summary>
public static class BuilderProbes
{
    // The body completes a builder of the same type as its own (used as a lightweight TaskCompletionSource).
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<bool> FaultsAHelperTaskAsync(Task gate)
    {
        var helper = AsyncTaskMethodBuilder<bool>.Create();
        var task = helper.Task;
        helper.SetException(new InvalidOperationException("helper"));
        await gate;
        return task.IsFaulted;
    }

    [PerformanceLogging]
    public static async Task<int> CompletesAHelperThenFailsAsync(Task gate, bool fail)
    {
        var helper = AsyncTaskMethodBuilder<int>.Create();
        var task = helper.Task;
        helper.SetResult(1);
        await gate;
        if (fail)
        {
            throw new InvalidOperationException("real");
        }

        return await task + 1;
    }

    // A reference-type builder.
    [PerformanceLogging]
    [AsyncMethodBuilder(typeof(ClassTaskBuilder<>))]
    public static async Task<int> ClassBuiltAsync(Task<int> gate) => await gate;

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(ClassTaskBuilder<>))]
    public static async Task<int> ClassBuiltSwallowAsync(Task<int> gate) => await gate;

    // A builder with an overloaded SetResult, body that can only throw.
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(OverloadedTaskBuilder<>))]
    public static async Task<int> OverloadedAlwaysThrowsAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("overloaded");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    [AsyncMethodBuilder(typeof(OverloadedTaskBuilder<>))]
    public static async Task<int> OverloadedAsync(Task<int> gate) => await gate;

    // Generic method, body that can only throw: SetResultOf over the state machine's own parameter.
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async Task<U> GenericAlwaysThrowsAsync<U>(Task gate)
    {
        await gate;
        throw new InvalidOperationException("generic always");
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static async ValueTask AlwaysThrowsValueTaskAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("vt always");
    }

    // The finally replaces the exception.
    [PerformanceLogging]
    public static async Task ReplacedInFinallyAsync(Task gate)
    {
        try
        {
            await gate;
            throw new InvalidOperationException("first");
        }
        finally
        {
            throw new TimeoutException("second");
        }
    }

    [PerformanceLogging]
    public static void ReplacedInFinallySync()
    {
        try
        {
            throw new InvalidOperationException("first");
        }
        finally
        {
            throw new TimeoutException("second");
        }
    }
}

public class NestedGeneric<T>
{
    public class Inner<V>
    {
        [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
        public async Task<(T, V)> ThrowsAsync(Task gate)
        {
            await gate;
            throw new InvalidOperationException("nested");
        }

        [PerformanceLogging]
        public async Task<(T, V)> PairAsync(T t, V v, Task gate)
        {
            await gate;
            return (t, v);
        }
    }
}

public interface IDefaultAsync
{
    [PerformanceLogging]
    async Task<int> DefaultAsync(Task gate)
    {
        await gate;
        return 5;
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    static async Task<int> StaticThrowsAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("static interface");
    }
}

public sealed class DefaultAsyncImpl : IDefaultAsync;

public record AsyncRecord(int Value)
{
    [PerformanceLogging]
    public async Task<int> GetAsync(Task gate)
    {
        await gate;
        return Value;
    }
}

public record struct AsyncRecordStruct(int Value)
{
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public readonly async ValueTask<int> ThrowsAsync(Task gate)
    {
        await gate;
        throw new InvalidOperationException("record struct " + Value);
    }
}

/// <summary>A reference-type method-level builder for Task of T.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class ClassTaskBuilder<T>
{
    private AsyncTaskMethodBuilder<T> _inner = AsyncTaskMethodBuilder<T>.Create();

    public static Task? LastTask { get; private set; }

    public Task<T> Task => _inner.Task;

    public static ClassTaskBuilder<T> Create() => new();

    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        LastTask = _inner.Task;
        _inner.Start(ref stateMachine);
    }

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

/// <summary>A struct builder for Task of T with a second SetResult overload.</summary>
/// <typeparam name="T">The result type.</typeparam>
public struct OverloadedTaskBuilder<T>
{
    private AsyncTaskMethodBuilder<T> _inner;

    public Task<T> Task => _inner.Task;

    public static OverloadedTaskBuilder<T> Create() => new() { _inner = AsyncTaskMethodBuilder<T>.Create() };

    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

    public void SetResult(T result) => _inner.SetResult(result);

    public void SetResult(Task<T> completed) => _inner.SetResult(completed.Result);

    public void SetException(Exception exception) => _inner.SetException(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}
