namespace PerfLogging.Weaving;

/// <summary>
/// Completion of Task and ValueTask shapes. A task that is already complete is recorded at once and returned as
/// it is (no allocation). A pending one is returned as a task that completes after the record is written, with
/// the original outcome: the same result, the same exception objects, cancellation as cancellation.
/// </summary>
public partial struct OperationScope
{
    /// <summary>Records a <see cref="Task"/>-returning call, to its completion.</summary>
    /// <param name="task">The task the method returned, or null when a failure was swallowed.</param>
    /// <returns>The task to hand to the caller.</returns>
    public Task CompleteTask(Task? task)
    {
        if (_operation is null || _completed)
        {
            return task ?? Task.CompletedTask;
        }

        if (task is null || task.IsCompleted)
        {
            return FinishCompleted(task) ? Task.CompletedTask : task!;
        }

        return new PendingTask(LeaveAmbient(), task).Task;
    }

    /// <summary>Records a <see cref="Task{TResult}"/>-returning call, to its completion.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task the method returned, or null when a failure was swallowed.</param>
    /// <returns>The task to hand to the caller.</returns>
    public Task<T> CompleteTask<T>(Task<T>? task)
    {
        if (_operation is null || _completed)
        {
            return task ?? Task.FromResult(default(T)!);
        }

        if (task is null || task.IsCompleted)
        {
            return FinishCompleted(task) ? Task.FromResult(default(T)!) : task!;
        }

        return new PendingTask<T>(LeaveAmbient(), task).Task;
    }

    /// <summary>Records a <see cref="ValueTask"/>-returning call, to its completion.</summary>
    /// <param name="task">The value task the method returned (default when a failure was swallowed).</param>
    /// <returns>The value task to hand to the caller.</returns>
    public ValueTask CompleteValueTask(ValueTask task)
    {
        if (_operation is null || _completed)
        {
            return task;
        }

        if (task.IsCompletedSuccessfully)
        {
            Finish<object?>(null, null, hasResult: false);
            return task;
        }

        // Faulted, cancelled or pending: AsTask consumes the (possibly pooled) source exactly once.
        return new ValueTask(CompleteTask(task.AsTask()));
    }

    /// <summary>Records a <see cref="ValueTask{TResult}"/>-returning call, to its completion.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The value task the method returned (default when a failure was swallowed).</param>
    /// <returns>The value task to hand to the caller.</returns>
    public ValueTask<T> CompleteValueTask<T>(ValueTask<T> task)
    {
        if (_operation is null || _completed)
        {
            return task;
        }

        if (task.IsCompletedSuccessfully)
        {
            // Reading the result consumes a pooled source, so the caller gets a fresh value task of the same result.
            var result = task.Result;
            Finish(null, result, hasResult: true);
            return new ValueTask<T>(result);
        }

        return new ValueTask<T>(CompleteTask(task.AsTask()));
    }

    /// <summary>Records a completed (or null) task; true when its failure is to be swallowed.</summary>
    private bool FinishCompleted(Task? task)
    {
        if (task is null || task.IsCompletedSuccessfully)
        {
            Finish<object?>(null, null, hasResult: false);
            return false;
        }

        return FinishFailed(task);
    }

    /// <summary>Records a completed (or null) task with its typed result; true when its failure is to be swallowed.</summary>
    private bool FinishCompleted<T>(Task<T>? task)
    {
        if (task is null)
        {
            Finish<object?>(null, null, hasResult: false);
            return false;
        }

        if (task.IsCompletedSuccessfully)
        {
            Finish(null, task.Result, hasResult: true);
            return false;
        }

        return FinishFailed(task);
    }

    private bool FinishFailed(Task task)
    {
        // Reading Exception marks it observed, so a swallowed failure does not surface as UnobservedTaskException.
        Exception failure = task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
        Finish<object?>(failure, null, hasResult: false);
        return _operation!.OnError != PerformanceErrorMode.LogAndRaise;
    }

    /// <summary>
    /// The call returns to its caller while the task runs on: the operation stops being ambient here, before the
    /// pending completion takes its copy of the scope (so it neither captures the ambient state nor restores it
    /// twice), and this copy records nothing more.
    /// </summary>
    private OperationScope LeaveAmbient()
    {
        ExitAmbient();
        var pending = this;
        _completed = true;
        return pending;
    }

    /// <summary>
    /// The task handed to the caller of a pending <see cref="Task"/>: completes, after the record is written, with the
    /// original's outcome (the same exception objects, the cancellation token). One object and one delegate per call.
    /// </summary>
    private sealed class PendingTask : TaskCompletionSource
    {
        private readonly Task _original;
        private OperationScope _scope;

        public PendingTask(OperationScope scope, Task original)
        {
            _scope = scope;
            _original = original;

            // Flows the execution context of the call (request, activity) into the record, like an await would.
            original.ConfigureAwait(false).GetAwaiter().OnCompleted(Complete);
        }

        private void Complete()
        {
            if (_scope.FinishCompleted(_original))
            {
                TrySetResult();
            }
            else
            {
                TrySetFromTask(_original);
            }
        }
    }

    /// <summary>The task handed to the caller of a pending <see cref="Task{TResult}"/>; see <see cref="PendingTask"/>.</summary>
    private sealed class PendingTask<T> : TaskCompletionSource<T>
    {
        private readonly Task<T> _original;
        private OperationScope _scope;

        public PendingTask(OperationScope scope, Task<T> original)
        {
            _scope = scope;
            _original = original;
            original.ConfigureAwait(false).GetAwaiter().OnCompleted(Complete);
        }

        private void Complete()
        {
            if (_scope.FinishCompleted(_original))
            {
                TrySetResult(default!);
            }
            else
            {
                TrySetFromTask(_original);
            }
        }
    }
}
