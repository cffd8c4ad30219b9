using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Runtime;

public class AsyncTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static PerfLogging.Weaving.OperationDescriptor Descriptor(PerformanceAspectAttribute? aspect = null) =>
        OrderService.Describe(nameof(OrderService.Ship), aspect);

    [Test]
    public void A_completed_task_is_recorded_at_once_and_returned_as_is()
    {
        var completed = Task.FromResult(7);

        var returned = Woven.CallTask(Descriptor(), () => completed);

        returned.ShouldBeSameAs(completed);
        _harness.Single().Level.ShouldBe(LogLevel.Information);
    }

    [Test]
    public async Task A_pending_task_is_timed_to_its_completion()
    {
        var source = new TaskCompletionSource<int>();

        var returned = Woven.CallTask(Descriptor(), () => source.Task);
        _harness.Records.ShouldBeEmpty();
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        source.SetResult(5);

        (await returned).ShouldBe(5);
        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Warning);
        record.Field("duration_seconds").ShouldBe("2");
    }

    [Test]
    public async Task A_pending_non_generic_task_is_timed_to_its_completion()
    {
        var source = new TaskCompletionSource();

        var returned = Woven.CallTask(Descriptor(), () => source.Task);
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        source.SetResult();
        await returned;

        _harness.Single().Level.ShouldBe(LogLevel.Critical);
    }

    [Test]
    public async Task A_task_that_faults_later_keeps_its_exception_and_is_logged_as_failed()
    {
        var source = new TaskCompletionSource<int>();
        var thrown = new InvalidOperationException("later");

        var returned = Woven.CallTask(Descriptor(), () => source.Task);
        source.SetException(thrown);

        (await Should.ThrowAsync<InvalidOperationException>(() => returned)).ShouldBeSameAs(thrown);
        _harness.Single().Level.ShouldBe(LogLevel.Error);
        _harness.Single().Field("error_type").ShouldBe("InvalidOperationException");
    }

    [Test]
    public async Task A_task_that_faults_with_several_exceptions_keeps_all_of_them()
    {
        var source = new TaskCompletionSource<int>();
        var first = new InvalidOperationException("one");
        var second = new TimeoutException("two");

        var returned = Woven.CallTask(Descriptor(), () => source.Task);
        source.SetException([first, second]);

        (await Should.ThrowAsync<InvalidOperationException>(() => returned)).ShouldBeSameAs(first);
        returned.Exception!.InnerExceptions.ShouldBe([first, second]);
        _harness.Single().Field("error_type").ShouldBe("AggregateException");
    }

    [Test]
    public async Task A_real_async_method_that_throws_keeps_its_frames()
    {
        var returned = Woven.CallTask(Descriptor(), ThrowAfterYieldAsync);

        var error = await Should.ThrowAsync<FormatException>(() => returned);

        error.StackTrace.ShouldNotBeNull().ShouldContain(nameof(ThrowAfterYieldAsync));
        error.ShouldNotBeOfType<AggregateException>();
    }

    [Test]
    public async Task Cancellation_stays_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var source = new TaskCompletionSource<int>();
        cancel.Token.Register(() => source.TrySetCanceled(cancel.Token));

        var returned = Woven.CallTask(Descriptor(), () => source.Task);
        await cancel.CancelAsync();

        var error = await Should.ThrowAsync<TaskCanceledException>(() => returned);
        error.CancellationToken.ShouldBe(cancel.Token);
        returned.IsCanceled.ShouldBeTrue();
        _harness.Single().Field("error_type").ShouldBe("TaskCanceledException");
    }

    [Test]
    public async Task LogAndContinue_turns_a_faulted_task_into_a_completed_default()
    {
        var descriptor = Descriptor(new PerformanceLoggingAttribute { OnError = PerformanceErrorMode.LogAndContinue });
        var source = new TaskCompletionSource<string>();

        var returned = Woven.CallTask(descriptor, () => source.Task);
        source.SetException(new IOException("disk"));

        (await returned).ShouldBeNull();
        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public async Task LogAndContinue_turns_a_synchronous_throw_of_a_task_method_into_a_completed_task()
    {
        var descriptor = Descriptor(new PerformanceLoggingAttribute { OnError = PerformanceErrorMode.LogAndContinue });

        var returned = Woven.CallTask<int>(descriptor, () => throw new IOException("disk"));

        returned.IsCompletedSuccessfully.ShouldBeTrue();
        (await returned).ShouldBe(0);
        _harness.Single().Field("error_type").ShouldBe("IOException");
    }

    [Test]
    public async Task A_completed_value_task_is_recorded_at_once()
    {
        var result = await Woven.CallValueTask(Descriptor(), () => new ValueTask<int>(3));
        await Woven.CallValueTask(Descriptor(), () => ValueTask.CompletedTask);

        result.ShouldBe(3);
        _harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task A_pending_value_task_is_timed_to_its_completion()
    {
        var source = new TaskCompletionSource<int>();

        var returned = Woven.CallValueTask(Descriptor(), () => new ValueTask<int>(source.Task));
        _harness.Time.Advance(TimeSpan.FromSeconds(1.25));
        source.SetResult(9);

        (await returned).ShouldBe(9);
        _harness.Single().Field("duration_seconds").ShouldBe("1.25");
        _harness.Single().Level.ShouldBe(LogLevel.Warning);
    }

    [Test]
    public async Task A_pending_non_generic_value_task_that_faults_keeps_its_exception()
    {
        var source = new TaskCompletionSource();

        var returned = Woven.CallValueTask(Descriptor(), () => new ValueTask(source.Task));
        source.SetException(new ArithmeticException("nan"));

        await Should.ThrowAsync<ArithmeticException>(async () => await returned);
        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public async Task The_result_of_an_async_call_is_summarised_when_asked()
    {
        var descriptor = Descriptor(new PerformanceLoggingAttribute { IncludeResult = true });
        var source = new TaskCompletionSource<int>();

        var returned = Woven.CallTask(descriptor, () => source.Task);
        source.SetResult(12345);
        await returned;

        _harness.Single().Field("result_summary").ShouldBe("12345");
    }

    private static async Task ThrowAfterYieldAsync()
    {
        await Task.Yield();
        throw new FormatException("bad");
    }
}
