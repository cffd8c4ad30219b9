extern alias unwoven;

using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Under LogAndRaise a woven method hands its caller the very task object the original returned.</summary>
public class TaskFidelityTests : HarnessTest
{
    [Test]
    public void A_method_declared_Task_returns_the_pending_Task_of_int_itself()
    {
        var actual = new TaskCompletionSource<int>().Task;
        Twin.Tasks.Declared(actual).ShouldBeSameAs(actual);

        var returned = Tasks.Declared(actual);
        returned.ShouldBeSameAs(actual);
        returned.GetType().ShouldBe(typeof(Task<int>));
    }

    [Test]
    public void The_tasks_AsyncState_is_kept()
    {
        var state = new object();
        var actual = new TaskCompletionSource(state).Task;
        Twin.Tasks.Declared(actual).AsyncState.ShouldBeSameAs(state);

        Tasks.Declared(actual).AsyncState.ShouldBeSameAs(state);
    }

    [Test]
    public void A_cached_task_is_the_same_object_on_every_call()
    {
        Twin.Tasks.Cached().ShouldBeSameAs(Twin.Tasks.Cached());

        Tasks.Cached().ShouldBeSameAs(Tasks.Cached());
        Harness.Records.Select(r => r.Field("success")).ShouldBe(["True", "True"]);
    }

    [Test]
    public async Task A_pending_task_is_returned_itself_and_recorded_before_the_awaiting_caller_resumes()
    {
        var source = new TaskCompletionSource<int>();
        var returned = Tasks.Pending(source);
        returned.ShouldBeSameAs(source.Task);
        Harness.Records.ShouldBeEmpty();

        var seenOnResume = CountAfterAwait(returned);
        Harness.Time.Advance(TimeSpan.FromSeconds(2));
        source.SetResult(5);

        (await seenOnResume).ShouldBe(1);
        var record = Harness.Single();
        record.Level.ShouldBe(LogLevel.Warning);
        record.Field("duration_seconds").ShouldBe("2");
    }

    [Test]
    public async Task A_caller_that_finds_the_task_already_completed_goes_on_while_the_record_is_written()
    {
        var twinSource = new TaskCompletionSource<int>();
        var twinTask = Twin.Tasks.Pending(twinSource);
        twinSource.SetResult(5);
        twinTask.IsCompleted.ShouldBeTrue();

        Harness.Dispose();
        var gate = new GateLoggerProvider();
        Harness = new RuntimeHarness(null, LogLevel.Trace, gate);
        var source = new TaskCompletionSource<int>();
        var returned = Tasks.Pending(source);

        // The task completes on another thread, whose synchronous record continuation is held inside the provider.
        var completing = Task.Run(() => source.SetResult(5));
        gate.WhileHeld(() =>
        {
            // The completed task is the caller's as it is the twin's: awaiting it does not wait for the record.
            returned.IsCompleted.ShouldBeTrue();
            var awaited = ResultWithoutSuspending(returned);
            awaited.IsCompletedSuccessfully.ShouldBeTrue();
            awaited.Result.ShouldBe(5);
            Harness.Records.ShouldBeEmpty();
        });

        await completing.WaitAsync(TimeSpan.FromSeconds(30));
        Harness.Single().Field("success").ShouldBe("True");
    }

    private static async Task<int> ResultWithoutSuspending(Task<int> task) => await task;

    [Test]
    public async Task An_async_method_writes_its_record_before_its_task_completes()
    {
        var twinSource = new TaskCompletionSource<int>();
        var twinTask = Twin.Tasks.AfterAsync(twinSource.Task);
        twinSource.SetResult(5);
        twinTask.IsCompletedSuccessfully.ShouldBeTrue();

        Harness.Dispose();
        var gate = new GateLoggerProvider();
        Harness = new RuntimeHarness(null, LogLevel.Trace, gate);
        var source = new TaskCompletionSource<int>();
        var returned = Tasks.AfterAsync(source.Task);
        var completing = Task.Run(() => source.SetResult(5));
        // The method resumes on the completing thread and is writing its record: its task is not complete yet, so nobody
        // can see it completed before the record is written, however late they look.
        gate.WhileHeld(() => returned.IsCompleted.ShouldBeFalse());

        (await returned).ShouldBe(5);
        Harness.Records.ShouldHaveSingleItem().Field("success").ShouldBe("True");
        await completing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task A_swallowing_async_method_completes_its_own_task_with_default()
    {
        var twinSource = new TaskCompletionSource<int>();
        var twinTask = Twin.Tasks.SwallowedAfterAsync(twinSource.Task);
        twinSource.SetException(new InvalidOperationException("late"));
        (await Should.ThrowAsync<InvalidOperationException>(twinTask)).Message.ShouldBe("late");

        var source = new TaskCompletionSource<int>();
        var returned = Tasks.SwallowedAfterAsync(source.Task);
        source.SetException(new InvalidOperationException("late"));

        (await returned).ShouldBe(0);
        var record = Harness.Records.ShouldHaveSingleItem();
        record.Field("success").ShouldBe("False");
        record.Field("error_message").ShouldBe("late");
    }

    private async Task<int> CountAfterAwait(Task<int> task)
    {
        await task;
        return Harness.Records.Count;
    }

    [Test]
    public async Task A_pending_failure_reaches_the_caller_as_the_same_faulted_task()
    {
        var source = new TaskCompletionSource<int>();
        var returned = Tasks.Pending(source);
        var failure = new TimeoutException("late");
        source.SetException(failure);

        returned.ShouldBeSameAs(source.Task);
        (await Should.ThrowAsync<TimeoutException>(() => returned)).ShouldBeSameAs(failure);
        Harness.Single().Field("error_type").ShouldBe("TimeoutException");
    }

    [Test]
    public void A_value_task_backed_by_a_task_or_a_result_is_returned_unchanged()
    {
        var source = new TaskCompletionSource<int>();
        Twin.Tasks.PendingValue(source).AsTask().ShouldBeSameAs(source.Task);

        Tasks.PendingValue(source).AsTask().ShouldBeSameAs(source.Task);
        var inline = Tasks.InlineValue(3);
        inline.IsCompletedSuccessfully.ShouldBeTrue();
        inline.Result.ShouldBe(3);
        inline.ShouldBe(Twin.Tasks.InlineValue(3));
    }

    [Test]
    public void A_null_task_stays_null()
    {
        Twin.Tasks.Null().ShouldBeNull();

        Tasks.Null().ShouldBeNull();
    }

    [Test]
    public async Task Swallowing_returns_a_new_task_the_documented_difference()
    {
        var source = new TaskCompletionSource<int>();
        var returned = Tasks.SwallowedPending(source);
        source.SetException(new TimeoutException("swallowed"));

        returned.ShouldNotBeSameAs(source.Task);
        (await returned).ShouldBe(0);
        Harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public void Sync_over_async_on_a_single_threaded_context_completes_as_unwoven()
    {
        using var context = new PumpingContext();

        context.Run(() => Twin.Tasks.DelayFreeOfContextAsync().Wait(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        context.Run(() => Tasks.DelayFreeOfContextAsync().Wait(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        Harness.Single().Field("result_summary").ShouldBeNull();
    }

    [Test]
    public void Sync_over_async_that_needs_the_blocked_context_times_out_as_unwoven()
    {
        using var context = new PumpingContext();

        context.Run(() => Twin.Tasks.DelayOnContextAsync().Wait(TimeSpan.FromMilliseconds(300))).ShouldBeFalse();
        context.Run(() => Tasks.DelayOnContextAsync().Wait(TimeSpan.FromMilliseconds(300))).ShouldBeFalse();
    }

    [Test]
    public void Unconfigured_the_woven_method_returns_the_same_objects()
    {
        Harness.Dispose();
        var source = new TaskCompletionSource<int>();

        Tasks.Pending(source).ShouldBeSameAs(source.Task);
        Tasks.Cached().ShouldBeSameAs(Tasks.Cached());
        using var context = new PumpingContext();
        context.Run(() => Tasks.DelayFreeOfContextAsync().Wait(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        Harness = new RuntimeHarness();
    }
    /// <summary>A UI-style context: one thread that runs posted work in order, like a WinForms or WPF message loop.</summary>
    private sealed class PumpingContext : SynchronizationContext, IDisposable
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
        private readonly Thread _thread;

        public PumpingContext()
        {
            _thread = new Thread(Pump) { IsBackground = true, Name = "pumping context" };
            _thread.Start();
        }

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
            }
            catch (InvalidOperationException)
            {
                // Work posted after the loop stopped (a late continuation of a timed-out test) runs elsewhere.
                ThreadPool.QueueUserWorkItem(s => d(s), state);
            }
        }

        public T Run<T>(Func<T> work)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(
                _ =>
                {
                    try
                    {
                        done.SetResult(work());
                    }
                    catch (Exception ex)
                    {
                        done.SetException(ex);
                    }
                },
                null);
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(10));
            _queue.Dispose();
        }

        private void Pump()
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
