extern alias unwoven;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>
/// Compiler-generated async methods record from their state machine: every builder (pooling, custom, Task and
/// ValueTask), every way of ending (result, failure before or after an await, cancellation, a body that can only throw),
/// against the unwoven twin.
/// </summary>
public class StateMachineFidelityTests : HarnessTest
{
    [Test]
    public async Task Pooled_value_task_pending_success_records_before_completion()
    {
        var twinSource = new TaskCompletionSource<int>();
        var twin = Twin.SmProbes.PooledAsync(twinSource.Task);
        twinSource.SetResult(5);
        twin.IsCompletedSuccessfully.ShouldBeTrue();
        (await twin).ShouldBe(5);

        var source = new TaskCompletionSource<int>();
        var woven = SmProbes.PooledAsync(source.Task);
        woven.IsCompleted.ShouldBeFalse();
        Harness.Records.ShouldBeEmpty();
        source.SetResult(5);
        woven.IsCompletedSuccessfully.ShouldBeTrue();
        Harness.Records.Count.ShouldBe(1);
        (await woven).ShouldBe(5);
        Harness.Records.ShouldHaveSingleItem().Field("success").ShouldBe("True");
    }

    [Test]
    public async Task Pooled_value_task_sync_success()
    {
        (await Twin.SmProbes.PooledAsync(Task.FromResult(3))).ShouldBe(3);
        (await SmProbes.PooledAsync(Task.FromResult(3))).ShouldBe(3);
        Harness.Records.ShouldHaveSingleItem().Field("success").ShouldBe("True");
    }

    [Test]
    public async Task Pooled_value_task_swallowed_failure_is_default()
    {
        var source = new TaskCompletionSource<int>();
        var woven = SmProbes.PooledSwallowAsync(source.Task);
        source.SetException(new InvalidOperationException("late"));
        (await woven).ShouldBe(0);
        Harness.Records.ShouldHaveSingleItem().Field("error_message").ShouldBe("late");

        (await SmProbes.PooledSwallowAsync(Task.FromException<int>(new InvalidOperationException("sync")))).ShouldBe(0);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task Pooled_void_value_task_failure_raises_same_exception()
    {
        var failure = new TimeoutException("t");
        var twinEx = await Should.ThrowAsync<TimeoutException>(async () => await Twin.SmProbes.PooledVoidAsync(Task.FromException(failure)));
        var wovenEx = await Should.ThrowAsync<TimeoutException>(async () => await SmProbes.PooledVoidAsync(Task.FromException(failure)));
        wovenEx.ShouldBeSameAs(twinEx);
        Harness.Records.ShouldHaveSingleItem().Field("error_type").ShouldBe("TimeoutException");

        var source = new TaskCompletionSource();
        var silent = SmProbes.PooledVoidSilentAsync(source.Task);
        source.SetException(new TimeoutException("silent"));
        silent.IsCompletedSuccessfully.ShouldBeTrue();
        await silent;
        Harness.Records.Count.ShouldBe(1);
    }

    [Test]
    public async Task Cancellation_under_LogAndRaise_stays_canceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var twinGate = new TaskCompletionSource();
        var twin = Twin.SmProbes.CanceledAsync(twinGate.Task, cts.Token);
        twinGate.SetResult();
        twin.Status.ShouldBe(TaskStatus.Canceled);

        var gate = new TaskCompletionSource();
        var woven = SmProbes.CanceledAsync(gate.Task, cts.Token);
        gate.SetResult();
        woven.Status.ShouldBe(TaskStatus.Canceled);
        var twinEx = await Should.ThrowAsync<OperationCanceledException>(twin);
        var wovenEx = await Should.ThrowAsync<OperationCanceledException>(woven);
        wovenEx.CancellationToken.ShouldBe(twinEx.CancellationToken);
        var record = Harness.Records.ShouldHaveSingleItem();
    }

    [Test]
    public async Task Cancellation_under_LogAndContinue()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var gate = new TaskCompletionSource();
        var woven = SmProbes.CanceledSwallowAsync(gate.Task, cts.Token);
        gate.SetResult();
        (await woven).ShouldBe(0);
        Harness.Records.ShouldHaveSingleItem().Field("success").ShouldBe("False");
    }

    [Test]
    public async Task Throw_before_first_await_gives_faulted_task_not_a_throw()
    {
        var twin = Twin.SmProbes.ThrowsEarlyAsync(true, Task.CompletedTask);
        twin.IsFaulted.ShouldBeTrue();
        var woven = SmProbes.ThrowsEarlyAsync(true, Task.CompletedTask);
        woven.IsFaulted.ShouldBeTrue();
        (await Should.ThrowAsync<InvalidOperationException>(woven)).StackTrace.ShouldNotBeNull();
        (await SmProbes.ThrowsEarlySwallowAsync(true, Task.CompletedTask)).ShouldBeNull();
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task Custom_method_level_builders()
    {
        CustomTaskBuilder.Completions = 0;
        var gate = new TaskCompletionSource();
        var woven = SmProbes.CustomBuiltAsync(gate.Task);
        gate.SetResult();
        await woven;
        CustomTaskBuilder.Completions.ShouldBe(1);

        var g2 = new TaskCompletionSource<int>();
        var w2 = SmProbes.CustomBuiltOfTAsync(g2.Task);
        g2.SetResult(9);
        (await w2).ShouldBe(9);

        var g3 = new TaskCompletionSource<int>();
        var w3 = SmProbes.CustomBuiltSwallowAsync(g3.Task);
        g3.SetException(new InvalidOperationException("c"));
        (await w3).ShouldBe(0);
        Harness.Records.Select(r => r.Field("success")).ShouldBe(["True", "True", "False"]);
    }

    [Test]
    public async Task Finally_with_await_and_await_using_run_before_the_record()
    {
        var log = new List<string>();
        var gate = new TaskCompletionSource();
        var woven = SmProbes.FinallyAwaitAsync(gate.Task, log);
        gate.SetResult();
        (await woven).ShouldBe(1);
        log.ShouldBe(["finally"]);

        var log2 = new List<string>();
        var gate2 = new TaskCompletionSource();
        var w2 = SmProbes.AwaitUsingAsync(gate2.Task, log2);
        gate2.SetResult();
        (await w2).ShouldBe(2);
        log2.ShouldBe(["disposed"]);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task Nested_woven_async_calls_name_their_parent()
    {
        var gate = new TaskCompletionSource<int>();
        var woven = SmProbes.OuterAsync(gate.Task);
        gate.SetResult(1);
        (await woven).ShouldBe(2);
        var records = Harness.Records;
        records.Count.ShouldBe(2);
        records[0].Field("parent_operation").ShouldBe(records[1].Field("operation_name"));
        records[1].Field("parent_operation").ShouldBeNull();

        // Completed synchronously.
        (await SmProbes.OuterAsync(Task.FromResult(1))).ShouldBe(2);
        var sync = Harness.Records;
        sync.Count.ShouldBe(4);
        sync[2].Field("parent_operation").ShouldBe(sync[3].Field("operation_name"));
        sync[3].Field("parent_operation").ShouldBeNull();
    }

    [Test]
    public async Task Deep_recursion_completes()
    {
        var gate = new TaskCompletionSource();
        var woven = SmProbes.RecurseAsync(3000, gate.Task);
        var twinGate = new TaskCompletionSource();
        var twin = Twin.SmProbes.RecurseAsync(3000, twinGate.Task);
        twinGate.SetResult();
        (await twin).ShouldBe(3000);
        gate.SetResult();
        (await woven).ShouldBe(3000);
        Harness.Records.Count.ShouldBe(3001);
    }

    [Test]
    public async Task Generic_and_struct_methods()
    {
        var gate = new TaskCompletionSource();
        var pair = new SmGeneric<string>().PairAsync("a", 2, gate.Task);
        var fail = new SmGeneric<string>().FailAsync(gate.Task);
        var list = SmGeneric<int>.ListAsync("x", gate.Task);
        var s = new SmStruct { Value = 7 }.GetAsync(gate.Task);
        gate.SetResult();
        (await pair).ShouldBe(("a", 2));
        (await fail).ShouldBeNull();
        (await list).ShouldBe(["x"]);
        (await s).ShouldBe(7);
        Harness.Records.Select(r => r.Field("success")).OrderBy(x => x).ShouldBe(["False", "True", "True", "True"]);
    }

    [Test]
    public async Task AsyncLocal_set_inside_does_not_leak_to_the_caller()
    {
        SmProbes.Local.Value = null;
        var gate = new TaskCompletionSource();
        var woven = SmProbes.SetsLocalAsync(gate.Task);
        SmProbes.Local.Value.ShouldBeNull();
        gate.SetResult();
        (await woven).ShouldBe("inside");
        SmProbes.Local.Value.ShouldBeNull();
    }

    [Test]
    public async Task ConfigureAwait_false()
    {
        var gate = new TaskCompletionSource<int>();
        var woven = SmProbes.ConfigureAwaitFalseAsync(gate.Task);
        _ = Task.Run(() => gate.SetResult(4));
        (await woven).ShouldBe(4);
        Harness.Records.Count.ShouldBe(1);
    }

    [Test]
    public async Task Conditional_switched_between_start_and_completion()
    {
        try
        {
            Switches.Tracked = true;
            var gate = new TaskCompletionSource<int>();
            var woven = SmProbes.ConditionalAsync(gate.Task);
            Switches.Tracked = false;
            var untracked = SmProbes.ConditionalAsync(gate.Task);
            Switches.Tracked = true;
            gate.SetResult(1);
            (await woven).ShouldBe(1);
            (await untracked).ShouldBe(1);
            Harness.Records.Count.ShouldBe(1);
        }
        finally
        {
            Switches.Tracked = false;
        }
    }

    [Test]
    public async Task Not_configured_at_all()
    {
        Harness.Dispose();
        try
        {
            var gate = new TaskCompletionSource<int>();
            var woven = SmProbes.PooledSwallowAsync(gate.Task);
            gate.SetException(new InvalidOperationException("x"));
            // Unconfigured, the runtime still tracks with defaults (NullLogger): LogAndContinue swallows, as for a sync method.
            (await woven).ShouldBe(0);
            (await SmProbes.OuterAsync(Task.FromResult(1))).ShouldBe(2);
        }
        finally
        {
            Harness = new RuntimeHarness();
        }
    }

    [Test]
    public async Task Disabled_while_pending_then_completed()
    {
        var gate = new TaskCompletionSource<int>();
        var woven = SmProbes.PooledSwallowAsync(gate.Task);
        Harness.Dispose();
        Harness = new RuntimeHarness(o => o.Enabled = false);
        gate.SetException(new InvalidOperationException("x"));
        (await woven).ShouldBe(0);
    }

    [Test]
    public async Task Request_id_and_trace_ids_with_tracing()
    {
        Harness.Dispose();
        Harness = new RuntimeHarness(o => o.Tracing.Enabled = true);
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var outer = new Activity("caller").Start();
        using (PerformanceContext.BeginRequest("req-1"))
        {
            var gate = new TaskCompletionSource<int>();
            var woven = SmProbes.OuterAsync(gate.Task);
            Activity.Current.ShouldBeSameAs(outer);
            _ = Task.Run(() => gate.SetResult(1));
            (await woven).ShouldBe(2);
            Activity.Current.ShouldBeSameAs(outer);
        }

        var records = Harness.Records;
        foreach (var r in records)
        {
            r.Field("request_id").ShouldBe("req-1");
            r.Field("trace_id").ShouldBe(outer.TraceId.ToString());
        }

        records[0].Field("span_id").ShouldNotBe(records[1].Field("span_id"));
    }

    [Test]
    public async Task The_record_reads_the_request_and_trace_context_the_method_body_ends_in()
    {
        using (PerformanceContext.BeginRequest("caller-request"))
        {
            var gate = new TaskCompletionSource();
            var woven = SmProbes.BeginsRequestInsideAsync(gate.Task);
            gate.SetResult();
            (await woven).ShouldBe(3);

            var twinGate = new TaskCompletionSource();
            var twin = Twin.SmProbes.BeginsRequestInsideAsync(twinGate.Task);
            twinGate.SetResult();
            (await twin).ShouldBe(3);
        }

        var gate2 = new TaskCompletionSource();
        var w2 = SmProbes.SetsActivityInsideAsync(gate2.Task);
        gate2.SetResult();
        (await w2).ShouldBe(4);

        var records = Harness.Records;
        // As a synchronous method's record does: the context current where the body ends.
        records[0].Field("request_id").ShouldBe("inner-request");
        records[1].Field("trace_id").ShouldNotBeNull();
    }

    [Test]
    public async Task Blocking_provider_holds_the_pooled_value_task()
    {
        Harness.Dispose();
        var gate = new GateLoggerProvider();
        Harness = new RuntimeHarness(null, LogLevel.Trace, gate);
        var source = new TaskCompletionSource<int>();
        var returned = SmProbes.PooledAsync(source.Task);
        var completing = Task.Run(() => source.SetResult(5));
        gate.WhileHeld(() =>
        {
            returned.IsCompleted.ShouldBeFalse();
        });

        (await returned).ShouldBe(5);
        await completing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [TestCase(nameof(SmProbes.AlwaysThrowsAsync))]
    [TestCase(nameof(SmProbes.AlwaysThrowsSwallowedAsync))]
    [TestCase(nameof(SmProbes.AlwaysThrowsSwallowedVoidAsync))]
    [TestCase(nameof(SmProbes.AlwaysThrowsSwallowedPooledAsync))]
    [TestCase(nameof(SmProbes.LoopsUntilThrowAsync))]
    [TestCase(nameof(SmProbes.FailsUnobservedAsync))]
    [TestCase(nameof(SmProbes.CanceledAsync))]
    public void State_machine_is_woven(string method)
    {
        var type = typeof(SmProbes).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Single(t => t.Name.StartsWith($"<{method}>", StringComparison.Ordinal));
        (type.GetField("<>perf_scope") is not null).ShouldBeTrue($"{type.Name} has no <>perf_scope: the method kept the ContinueWith path");
    }

    [Test]
    public async Task An_async_method_that_always_throws_writes_its_record_before_its_task_completes()
    {
        Harness.Dispose();
        var gateProvider = new GateLoggerProvider();
        Harness = new RuntimeHarness(null, LogLevel.Trace, gateProvider);
        var gate = new TaskCompletionSource();
        var returned = SmProbes.AlwaysThrowsAsync(gate.Task);
        var completing = Task.Run(() => gate.SetResult());
        gateProvider.WhileHeld(() => returned.IsCompleted.ShouldBeFalse("the task completed while its record was being written"));

        await Should.ThrowAsync<InvalidOperationException>(returned);
        await completing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task An_always_throwing_swallowing_async_method_returns_its_own_state_machine_task_as_unwoven()
    {
        var gate = new TaskCompletionSource();
        var twin = Twin.SmProbes.AlwaysThrowsSwallowedAsync(gate.Task);
        var woven = SmProbes.AlwaysThrowsSwallowedAsync(gate.Task);
        var twinOk = Twin.SmProbes.CanceledSwallowAsync(gate.Task, CancellationToken.None);
        var wovenOk = SmProbes.CanceledSwallowAsync(gate.Task, CancellationToken.None);
        gate.SetResult();
        woven.GetType().GetGenericTypeDefinition().ShouldBe(twin.GetType().GetGenericTypeDefinition());
        woven.GetType().GenericTypeArguments[1].Name.ShouldBe(twin.GetType().GenericTypeArguments[1].Name);
        wovenOk.GetType().GetGenericTypeDefinition().ShouldBe(twinOk.GetType().GetGenericTypeDefinition());
        (await Should.ThrowAsync<InvalidOperationException>(twin)).Message.ShouldBe("always");
        (await woven).ShouldBe(0);
        Harness.Records.Single(r => r.Field("operation_name") == "SmProbes.AlwaysThrowsSwallowedAsync").Field("error_message").ShouldBe("always");
    }

    [Test]
    public async Task Always_throwing_swallowing_methods_of_other_builders_complete_with_default()
    {
        var gate = new TaskCompletionSource();
        var twinVoid = Twin.SmProbes.AlwaysThrowsSwallowedVoidAsync(gate.Task);
        var twinPooled = Twin.SmProbes.AlwaysThrowsSwallowedPooledAsync(gate.Task);
        var wovenVoid = SmProbes.AlwaysThrowsSwallowedVoidAsync(gate.Task);
        var wovenPooled = SmProbes.AlwaysThrowsSwallowedPooledAsync(gate.Task);
        gate.SetResult();

        (await Should.ThrowAsync<InvalidOperationException>(twinVoid)).Message.ShouldBe("always void");
        (await Should.ThrowAsync<InvalidOperationException>(twinPooled.AsTask())).Message.ShouldBe("always pooled");
        await wovenVoid;
        wovenVoid.IsCompletedSuccessfully.ShouldBeTrue();
        (await wovenPooled).ShouldBe(0);
        Harness.Records.Select(r => r.Field("error_message")).Order().ShouldBe(["always pooled", "always void"]);
    }

    [Test]
    public async Task Tracing_activity_current_after_a_synchronously_completed_call()
    {
        Harness.Dispose();
        Harness = new RuntimeHarness(o => o.Tracing.Enabled = true);
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var outer = new Activity("caller").Start();
        var task = SmProbes.OuterAsync(Task.FromResult(1));
        Activity.Current.ShouldBeSameAs(outer);
        (await task).ShouldBe(2);
        Activity.Current.ShouldBeSameAs(outer);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task A_provider_that_throws_in_Log_does_not_break_the_method()
    {
        Harness.Dispose();
        Harness = new RuntimeHarness(null, LogLevel.Trace, new ThrowingLoggerProvider(ThrowingLoggerProvider.Fault.Log));
        var gate = new TaskCompletionSource<int>();
        var woven = SmProbes.PooledSwallowAsync(gate.Task);
        var completing = Task.Run(() => gate.SetException(new InvalidOperationException("x")));
        (await woven).ShouldBe(0);
        await completing;
        (await SmProbes.OuterAsync(Task.FromResult(1))).ShouldBe(2);
    }

    [Test]
    public void Resumes_on_the_single_threaded_context_as_unwoven()
    {
        using var context = new Pump();
        var twinThread = context.Run(() => Twin.SmProbes.YieldsOnContextAsync());
        var wovenThread = context.Run(() => SmProbes.YieldsOnContextAsync());
        wovenThread.ShouldBe(twinThread);
        Harness.Records.Count.ShouldBe(1);
    }

    private sealed class Pump : SynchronizationContext, IDisposable
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
        private readonly Thread _thread;

        public Pump()
        {
            _thread = new Thread(Loop) { IsBackground = true };
            _thread.Start();
        }

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public int Run(Func<Task<int>> work)
        {
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(async _ => done.SetResult(await work()), null);
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(10));
        }

        private void Loop()
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
