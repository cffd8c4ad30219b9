using PerfLogging.Diagnostics;
using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>
/// Compiler-generated async methods. The weaver copies the started scope into the state machine before the builder
/// starts it, and has the state machine record its outcome right before it completes the builder's task: the record is
/// written before anyone can see the task completed, whoever awaits it and however late. The method itself hands its
/// caller the builder's task unchanged.
/// </summary>
public partial struct OperationScope
{
    /// <summary>Leaves a compiler-generated async method that returns a <see cref="Task"/>: its state machine records.</summary>
    /// <param name="task">The builder's task.</param>
    /// <returns>The same task.</returns>
    public Task LeaveTask(Task? task)
    {
        if (_operation is null || _completed)
        {
            return CompleteTask(task);
        }

        Leave();
        return task!;
    }

    /// <summary>Leaves a compiler-generated async method that returns a <see cref="Task{TResult}"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The builder's task.</param>
    /// <returns>The same task.</returns>
    public Task<T> LeaveTask<T>(Task<T>? task)
    {
        if (_operation is null || _completed)
        {
            return CompleteTask(task);
        }

        Leave();
        return task!;
    }

    /// <summary>Leaves a compiler-generated async method that returns a <see cref="ValueTask"/>.</summary>
    /// <param name="task">The builder's value task.</param>
    /// <returns>The same value task.</returns>
    public ValueTask LeaveValueTask(ValueTask task)
    {
        if (_operation is null || _completed)
        {
            return CompleteValueTask(task);
        }

        Leave();
        return task;
    }

    /// <summary>Leaves a compiler-generated async method that returns a <see cref="ValueTask{TResult}"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The builder's value task.</param>
    /// <returns>The same value task.</returns>
    public ValueTask<T> LeaveValueTask<T>(ValueTask<T> task)
    {
        if (_operation is null || _completed)
        {
            return CompleteValueTask(task);
        }

        Leave();
        return task;
    }

    /// <summary>Called by the state machine's copy right before the builder's <c>SetResult()</c>.</summary>
    public void Succeeded()
    {
        if (_operation is not null && !_completed)
        {
            RecordOutcome<object?>(null, null, hasResult: false);
        }
    }

    /// <summary>Called by the state machine's copy right before the builder's <c>SetResult(result)</c>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="result">The method's result.</param>
    public void Succeeded<T>(T result)
    {
        if (_operation is not null && !_completed)
        {
            RecordOutcome(null, result, hasResult: true);
        }
    }

    /// <summary>Called by the state machine's copy right before the builder's <c>SetException(exception)</c>.</summary>
    /// <param name="exception">The failure the method ended with.</param>
    /// <returns>True when OnError swallows it: the state machine then completes the task with <c>default</c> instead.</returns>
    public bool Failed(Exception exception)
    {
        if (_operation is null)
        {
            return false;
        }

        if (!_completed)
        {
            RecordOutcome<object?>(exception, null, hasResult: false);
        }

        return _operation.OnError != PerformanceErrorMode.LogAndRaise;
    }

    /// <summary>The method returns its task: the operation stops being ambient; the state machine's copy records.</summary>
    private void Leave()
    {
        _completed = true;
        ExitAmbient();
    }

    /// <summary>Records from the state machine's copy, which never was ambient itself: nothing to leave.</summary>
    private void RecordOutcome<TResult>(Exception? exception, TResult result, bool hasResult)
    {
        var operation = _operation!;
        var end = operation.State.GetTimestamp();
        _completed = true;
        if (!IsQuiet(operation, end, exception))
        {
            Record(end, AmbientParent(), exception, result, hasResult);
        }
    }
}
