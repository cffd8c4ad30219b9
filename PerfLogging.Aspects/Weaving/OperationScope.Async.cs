using System.Runtime.CompilerServices;

namespace PerfLogging.Weaving;

/// <summary>
/// Completion of Task and ValueTask shapes returned by methods that are not compiler-generated async methods (those
/// record from their state machine, see OperationScope.StateMachine.cs). Under
/// <see cref="PerformanceErrorMode.LogAndRaise"/> the caller gets the very object the method returned (same reference,
/// runtime type and <see cref="Task.AsyncState"/>): a completed task is recorded at once, a pending one by a
/// synchronous continuation registered before the task is returned, so a caller suspended on it resumes after the
/// record is written (one that finds it already completed goes on at once, as it would unwoven, while the completing
/// thread writes the record). The swallowing modes must turn a failure into a successful result, so a failed or pending
/// task is handed back as a new task there; except a cold task (created, not started), which only its caller can start:
/// it is returned itself and its failure is recorded, not swallowed.
/// </summary>
public partial struct OperationScope
{
    /// <summary>Records a <see cref="Task"/>-returning call, to its completion.</summary>
    /// <param name="task">The task the method returned, or null when a failure was swallowed.</param>
    /// <returns>The task to hand to the caller.</returns>
    public Task CompleteTask(Task? task)
    {
        if (_operation is null)
        {
            return task!;
        }

        if (_completed)
        {
            ExitAmbient();
            return _swallowed ? Task.CompletedTask : task!;
        }

        if (task is null || task.IsCompleted)
        {
            return FinishCompleted(task) ? Task.CompletedTask : task!;
        }

        var pending = LeaveAmbient();
        if (Raises || task.Status == TaskStatus.Created)
        {
            PendingRecord.Observe(pending, task);
            return task;
        }

        return new PendingTask(pending, task).Task;
    }

    /// <summary>Records a <see cref="Task{TResult}"/>-returning call, to its completion.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task the method returned, or null when a failure was swallowed.</param>
    /// <returns>The task to hand to the caller.</returns>
    public Task<T> CompleteTask<T>(Task<T>? task)
    {
        if (_operation is null)
        {
            return task!;
        }

        if (_completed)
        {
            ExitAmbient();
            return _swallowed ? Task.FromResult(default(T)!) : task!;
        }

        if (task is null || task.IsCompleted)
        {
            return FinishCompleted(task) ? Task.FromResult(default(T)!) : task!;
        }

        var pending = LeaveAmbient();
        if (Raises || task.Status == TaskStatus.Created)
        {
            PendingRecord.Observe(pending, task);
            return task;
        }

        return new PendingTask<T>(pending, task).Task;
    }

    /// <summary>Records a <see cref="ValueTask"/>-returning call, to its completion.</summary>
    /// <param name="task">The value task the method returned (default when a failure was swallowed).</param>
    /// <returns>
    /// The value task to hand to the caller: the same one, unless it is backed by an <see cref="System.Threading.Tasks.Sources.IValueTaskSource"/>
    /// and not yet successful (it can be consumed once, here), or a failure is swallowed.
    /// </returns>
    public ValueTask CompleteValueTask(ValueTask task)
    {
        if (_operation is null)
        {
            return task;
        }

        if (_completed)
        {
            ExitAmbient();
            return _swallowed ? default : task;
        }

        if (task.IsCompletedSuccessfully)
        {
            Finish<object?>(null, null, hasResult: false);
            return task;
        }

        if (ValueTaskSource.Of(ref task) is Task backing)
        {
            var handed = CompleteTask(backing);
            return ReferenceEquals(handed, backing) ? task : new ValueTask(handed);
        }

        // Faulted, cancelled or pending over a pooled source: AsTask consumes it exactly once.
        return new ValueTask(CompleteTask(task.AsTask()));
    }

    /// <summary>Records a <see cref="ValueTask{TResult}"/>-returning call, to its completion.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The value task the method returned (default when a failure was swallowed).</param>
    /// <returns>The value task to hand to the caller; see <see cref="CompleteValueTask(ValueTask)"/>.</returns>
    public ValueTask<T> CompleteValueTask<T>(ValueTask<T> task)
    {
        if (_operation is null)
        {
            return task;
        }

        if (_completed)
        {
            ExitAmbient();
            return _swallowed ? default : task;
        }

        var backing = ValueTaskSource.Of(ref task);
        if (task.IsCompletedSuccessfully)
        {
            if (backing is null or Task<T>)
            {
                Finish(null, task.Result, hasResult: true);
                return task;
            }

            if (!_operation.IncludeResult)
            {
                Finish<object?>(null, null, hasResult: false);
                return task;
            }

            // A pooled source gives its result once: the caller gets a value task of the same result.
            var result = task.Result;
            Finish(null, result, hasResult: true);
            return new ValueTask<T>(result);
        }

        if (backing is Task<T> backingTask)
        {
            var handed = CompleteTask(backingTask);
            return ReferenceEquals(handed, backingTask) ? task : new ValueTask<T>(handed);
        }

        return new ValueTask<T>(CompleteTask(task.AsTask()));
    }

    /// <summary>Gets a value indicating whether failures reach the caller (OnError is LogAndRaise).</summary>
    private readonly bool Raises => _operation!.OnError == PerformanceErrorMode.LogAndRaise;

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
        // Reading Exception marks it observed (the record needs it), so TaskScheduler.UnobservedTaskException does not
        // fire for a failed task of a woven method that nobody awaited; documented in docs/reliability.md.
        Exception failure = task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
        Finish<object?>(failure, null, hasResult: false);
        return !Raises;
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
    /// Records a pending task's outcome without replacing it: a <c>ContinueWith</c> continuation that runs
    /// synchronously, registered before the task reaches the caller. A task runs its synchronous continuations in
    /// the order they were registered, so the record is written before a suspended caller's await resumes; and unlike
    /// an await-style continuation it does not push the caller's await onto the thread pool. The task is complete
    /// before its continuations run: a caller that looks at it then (or whose await is registered too late and is
    /// queued to the thread pool) is not held back by the record, exactly as an unwoven caller would not be.
    /// </summary>
    private sealed class PendingRecord
    {
        private static readonly Action<Task, object?> s_record = static (task, state) => ((PendingRecord)state!)._scope.FinishCompleted(task);

        private OperationScope _scope;

        private PendingRecord(OperationScope scope) => _scope = scope;

        public static void Observe(OperationScope scope, Task task) =>
            task.ContinueWith(s_record, new PendingRecord(scope), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        public static void Observe<T>(OperationScope scope, Task<T> task) =>
            task.ContinueWith(Typed<T>.Record, new PendingRecord(scope), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        private static class Typed<T>
        {
            public static readonly Action<Task<T>, object?> Record = static (task, state) => ((PendingRecord)state!)._scope.FinishCompleted(task);
        }
    }

    /// <summary>
    /// The task handed to the caller of a pending <see cref="Task"/> when a failure is to be swallowed: completes,
    /// after the record is written, with the original's outcome or, for a failure, successfully.
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

    /// <summary>
    /// What backs a value task: null for a result held inline, a <see cref="Task"/>, or an
    /// <see cref="System.Threading.Tasks.Sources.IValueTaskSource"/>. There is no public way to tell a pooled source
    /// (which may be consumed only once) from a task without consuming it, so the field is read directly.
    /// </summary>
    private static class ValueTaskSource
    {
        public static object? Of(ref ValueTask task) => Field(ref task);

        public static object? Of<T>(ref ValueTask<T> task) => Typed<T>.Field(ref task);

        [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_obj")]
        private static extern ref readonly object? Field(ref ValueTask task);

        private static class Typed<T>
        {
            [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_obj")]
            public static extern ref readonly object? Field(ref ValueTask<T> task);
        }
    }
}
