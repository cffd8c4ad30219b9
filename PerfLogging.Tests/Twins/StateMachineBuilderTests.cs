extern alias unwoven;

using System.Reflection;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>
/// Which builder calls are the method's completion, reference-type and overloaded builders, and async methods in every
/// kind of type, against the unwoven twin.
/// </summary>
public class StateMachineBuilderTests : HarnessTest
{
    private static Type StateMachine(Type owner, string method) =>
        owner.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Single(t => t.Name.StartsWith($"<{method}>", StringComparison.Ordinal));

    [Test]
    public async Task A_helper_builder_of_the_same_type_in_the_body_is_not_the_methods_completion()
    {
        (await Twin.BuilderProbes.FaultsAHelperTaskAsync(Task.CompletedTask)).ShouldBeTrue();
        var gate = new TaskCompletionSource();
        var woven = BuilderProbes.FaultsAHelperTaskAsync(gate.Task);
        gate.SetResult();
        var result = await woven;
        var records = Harness.Records;
        result.ShouldBeTrue("the woven body's own helper task must stay faulted, as unwoven");
        records.ShouldHaveSingleItem().Field("success").ShouldBe("True");
    }

    [Test]
    public async Task A_helper_SetResult_in_the_body_does_not_record_the_method_as_succeeded()
    {
        await Should.ThrowAsync<InvalidOperationException>(Twin.BuilderProbes.CompletesAHelperThenFailsAsync(Task.CompletedTask, true));
        var gate = new TaskCompletionSource();
        var woven = BuilderProbes.CompletesAHelperThenFailsAsync(gate.Task, true);
        gate.SetResult();
        await Should.ThrowAsync<InvalidOperationException>(woven);
        var records = Harness.Records;
        records.ShouldHaveSingleItem().Field("success").ShouldBe("False");
    }

    [Test]
    public void A_reference_type_builder_records_from_its_state_machine() =>
        (StateMachine(typeof(BuilderProbes), nameof(BuilderProbes.ClassBuiltAsync)).GetField("<>perf_scope") is not null)
            .ShouldBeTrue("class builder: the method kept the ContinueWith path");

    [Test]
    public async Task A_reference_type_builder_swallowing_returns_the_builders_own_task()
    {
        var twinGate = new TaskCompletionSource<int>();
        var twin = Twin.BuilderProbes.ClassBuiltSwallowAsync(twinGate.Task);
        var twinBuilders = Twin.ClassTaskBuilder<int>.LastTask;
        twinGate.SetResult(1);
        (await twin).ShouldBe(1);

        var gate = new TaskCompletionSource<int>();
        var woven = BuilderProbes.ClassBuiltSwallowAsync(gate.Task);
        var builders = ClassTaskBuilder<int>.LastTask;
        gate.SetException(new InvalidOperationException("x"));
        (await woven).ShouldBe(0);
        ReferenceEquals(woven, builders).ShouldBe(ReferenceEquals(twin, twinBuilders), "the caller got another task than the twin's caller");
    }

    [Test]
    public async Task A_reference_type_builder_writes_its_record_before_its_task_completes()
    {
        Harness.Dispose();
        var gateProvider = new GateLoggerProvider();
        Harness = new RuntimeHarness(null, LogLevel.Trace, gateProvider);
        var gate = new TaskCompletionSource<int>();
        var returned = BuilderProbes.ClassBuiltAsync(gate.Task);
        var completing = Task.Run(() => gate.SetResult(1));
        gateProvider.WhileHeld(() => returned.IsCompleted.ShouldBeFalse("the task completed while its record was being written"));

        (await returned).ShouldBe(1);
        await completing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void Overloaded_SetResult_always_throws_state_machine() =>
        (StateMachine(typeof(BuilderProbes), nameof(BuilderProbes.OverloadedAlwaysThrowsAsync)).GetField("<>perf_scope") is not null)
            .ShouldBeTrue("overloaded SetResult + body that can only throw: ContinueWith path");

    [Test]
    public async Task Overloaded_SetResult_behaves()
    {
        var gate = new TaskCompletionSource();
        var w = BuilderProbes.OverloadedAlwaysThrowsAsync(gate.Task);
        gate.SetResult();
        (await w).ShouldBe(0);
        (await BuilderProbes.OverloadedAsync(Task.FromResult(4))).ShouldBe(4);
        Harness.Records.Select(r => r.Field("success")).ShouldBe(["False", "True"]);
        (StateMachine(typeof(BuilderProbes), nameof(BuilderProbes.OverloadedAsync)).GetField("<>perf_scope") is not null).ShouldBeTrue();
    }

    [Test]
    public async Task Generic_and_nested_and_interface_and_record_shapes()
    {
        var gate = new TaskCompletionSource();
        var g1 = BuilderProbes.GenericAlwaysThrowsAsync<string>(gate.Task);
        var g2 = BuilderProbes.GenericAlwaysThrowsAsync<int>(gate.Task);
        var g3 = BuilderProbes.AlwaysThrowsValueTaskAsync(gate.Task);
        var n1 = new NestedGeneric<int>.Inner<string>().ThrowsAsync(gate.Task);
        var n2 = new NestedGeneric<string>.Inner<int>().PairAsync("a", 2, gate.Task);
        var i1 = ((IDefaultAsync)new DefaultAsyncImpl()).DefaultAsync(gate.Task);
        var i2 = IDefaultAsync.StaticThrowsAsync(gate.Task);
        var r1 = new AsyncRecord(7).GetAsync(gate.Task);
        var r2 = new AsyncRecordStruct(8).ThrowsAsync(gate.Task);
        Harness.Records.ShouldBeEmpty();
        gate.SetResult();
        (await g1).ShouldBeNull();
        (await g2).ShouldBe(0);
        await g3;
        (await n1).ShouldBe((0, null));
        (await n2).ShouldBe(("a", 2));
        (await i1).ShouldBe(5);
        (await i2).ShouldBe(0);
        (await r1).ShouldBe(7);
        (await r2).ShouldBe(0);
        Harness.Records.Count(r => r.Field("success") == "True").ShouldBe(3); Harness.Records.Count.ShouldBe(9);
        foreach (var (owner, name) in new[]
                 {
                     (typeof(BuilderProbes), nameof(BuilderProbes.GenericAlwaysThrowsAsync)), (typeof(BuilderProbes), nameof(BuilderProbes.AlwaysThrowsValueTaskAsync)),
                     (typeof(NestedGeneric<>.Inner<>), "ThrowsAsync"), (typeof(NestedGeneric<>.Inner<>), "PairAsync"),
                     (typeof(IDefaultAsync), "DefaultAsync"), (typeof(IDefaultAsync), "StaticThrowsAsync"),
                     (typeof(AsyncRecord), "GetAsync"), (typeof(AsyncRecordStruct), "ThrowsAsync"),
                 })
        {
            (StateMachine(owner, name).GetField("<>perf_scope") is not null).ShouldBeTrue($"{owner.Name}.{name}");
        }
    }

    [Test]
    public async Task An_exception_replaced_in_a_finally_is_named_first_when_synchronous_and_as_the_task_ends_when_async()
    {
        Should.Throw<TimeoutException>(() => BuilderProbes.ReplacedInFinallySync());
        var gate = new TaskCompletionSource();
        var t = BuilderProbes.ReplacedInFinallyAsync(gate.Task);
        gate.SetResult();
        await Should.ThrowAsync<TimeoutException>(t);
        var types = Harness.Records.Select(r => r.Field("error_type")).ToList();
        types.ShouldBe(["InvalidOperationException", "TimeoutException"]);
    }
}
