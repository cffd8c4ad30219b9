using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

/// <summary>Task, ValueTask and iterator shapes, woven by the real weaver. Real clocks: durations get slack.</summary>
public class AsyncShapeTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _harness = new RuntimeHarness();

        // Woven code measures with the system clock here, so real delays show up in the durations.
        PerformanceLogging.Configure(_harness.Factory, _harness.Options);
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private double Duration(int index = 0) =>
        double.Parse(_harness.Records[index].Field("duration_seconds")!, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task An_async_task_is_timed_to_its_completion_not_its_first_await()
    {
        await new AsyncService().DelayAsync(60);

        _harness.Single().Field("operation_name").ShouldBe("AsyncService.DelayAsync");
        Duration().ShouldBeGreaterThanOrEqualTo(0.055);
    }

    [Test]
    public async Task An_async_task_of_T_returns_its_result_and_summarises_it()
    {
        (await new AsyncService().ComputeAsync(21)).ShouldBe(42);

        _harness.Single().Field("result_summary").ShouldBe("42");
        Duration().ShouldBeGreaterThanOrEqualTo(0.015);
    }

    [Test]
    public async Task A_non_async_method_returning_a_completed_task_returns_that_task()
    {
        var task = new AsyncService().CompletedAsync(5);

        task.IsCompletedSuccessfully.ShouldBeTrue();
        (await task).ShouldBe(5);
        _harness.Single().Field("operation_name").ShouldBe("AsyncService.CompletedAsync");
    }

    [Test]
    public async Task A_non_async_method_returning_a_pending_task_is_timed_to_its_completion()
    {
        var source = new TaskCompletionSource();

        var task = new AsyncService().NotAsyncTask(source.Task);
        _harness.Records.ShouldBeEmpty();
        source.SetResult();
        await task;

        _harness.Single().Level.ShouldBe(LogLevel.Information);
    }

    [Test]
    public async Task Value_tasks_completing_now_and_later_are_logged()
    {
        var service = new AsyncService();

        (await service.ValueAsync(1)).ShouldBe(2);
        (await service.ValueCompleted(7)).ShouldBe(7);
        await service.ValueVoidAsync();

        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(
            ["AsyncService.ValueAsync", "AsyncService.ValueCompleted", "AsyncService.ValueVoidAsync"]);
    }

    [Test]
    public async Task An_async_failure_keeps_its_exception_and_the_frame_reads_the_original_name()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() => new AsyncService().ThrowingAsync(3));

        error.Message.ShouldBe("async failure 3");
        var top = error.StackTrace.ShouldNotBeNull().Split('\n')[0];
        top.ShouldContain("AsyncService.ThrowingAsync(Int32 value) in ");
        top.ShouldContain("Async.cs:line 39");
        top.ShouldNotContain("$Perf");
        // No PerfLogging frame between the original throw and the caller.
        error.StackTrace.ShouldNotContain("PerfLogging.Weaving.", Case.Sensitive, error.StackTrace);
        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Error);
        record.Field("error_message").ShouldBe("async failure 3");
    }

    [Test]
    public void A_task_method_that_throws_before_returning_a_task_throws_synchronously()
    {
        Should.Throw<ArgumentException>(() => new AsyncService().ThrowsBeforeTask()).Message.ShouldBe("not even a task");

        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public async Task Cancellation_stays_cancellation()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var task = new AsyncService().CancelledAsync(cancel.Token);

        await Should.ThrowAsync<TaskCanceledException>(() => task);
        task.IsCanceled.ShouldBeTrue();
        _harness.Single().Field("error_type").ShouldBe("TaskCanceledException");
    }

    [Test]
    public async Task LogAndContinue_on_an_async_method_completes_with_default()
    {
        (await new AsyncService().RecoveredAsync()).ShouldBeNull();

        _harness.Single().Field("error_type").ShouldBe("TimeoutException");
    }

    [Test]
    public void An_async_void_method_times_its_synchronous_part()
    {
        var service = new AsyncService();

        service.FireAndForget();

        service.AsyncVoidCalls.ShouldBe(1);
        _harness.Single().Field("operation_name").ShouldBe("AsyncService.FireAndForget");
    }

    [Test]
    public void An_iterator_is_one_operation_per_enumeration_streamed()
    {
        var streams = new Streams();

        var sequence = streams.Numbers(3);
        streams.Produced.ShouldBeEmpty();
        using (var items = sequence.GetEnumerator())
        {
            items.MoveNext().ShouldBeTrue();
            streams.Produced.ShouldBe([1]);
            _harness.Records.ShouldBeEmpty();
            while (items.MoveNext())
            {
            }
        }

        sequence.Sum().ShouldBe(6);
        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(["Streams.Numbers", "Streams.Numbers"]);
    }

    [Test]
    public void A_failing_iterator_is_logged_and_its_exception_reaches_the_caller()
    {
        Should.Throw<InvalidDataException>(() => new Streams().Broken().ToList()).Message.ShouldBe("broken stream");

        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public async Task An_async_iterator_is_one_operation_streamed()
    {
        var streams = new Streams();
        var seen = new List<int>();

        await foreach (var item in streams.NumbersAsync(3))
        {
            seen.Add(item);
            if (seen.Count == 1)
            {
                _harness.Records.ShouldBeEmpty();
            }
        }

        seen.ShouldBe([1, 2, 3]);
        _harness.Single().Field("operation_name").ShouldBe("Streams.NumbersAsync");
    }

    [Test]
    public void The_arguments_of_an_iterator_call_are_summarised_on_its_enumeration()
    {
        var sequence = new Streams().Repeat("hi", 2);
        sequence.ToList().ShouldBe(["hi", "hi"]);
        sequence.Count().ShouldBe(2);

        _harness.Records.Select(r => r.Field("args_summary")).ShouldBe(["text=\"hi\", times=2", "text=\"hi\", times=2"]);
    }

    [Test]
    public void A_method_returning_a_collection_without_yield_is_timed_as_a_call()
    {
        var sequence = new Streams().NotAnIterator();

        _harness.Single().Field("operation_name").ShouldBe("Streams.NotAnIterator");
        sequence.ShouldBe([7, 8]);
    }
}
