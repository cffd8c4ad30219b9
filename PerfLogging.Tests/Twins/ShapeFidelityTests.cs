extern alias unwoven;

using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Bodies with their own control flow return what their twins return, and each call is one record.</summary>
public class ShapeFidelityTests : HarnessTest
{
    private void Same<T>(Func<Twin.Shapes, T> twin, Func<Shapes, T> woven, T expected, int records = 1)
    {
        twin(new Twin.Shapes()).ShouldBe(expected);
        Harness.Records.ShouldBeEmpty();

        woven(new Shapes()).ShouldBe(expected);
        Harness.Records.Count.ShouldBe(records);
        Harness.Records.ShouldAllBe(r => r.Field("success") == "True");
    }

    [TestCase(-5, -1)]
    [TestCase(0, 0)]
    [TestCase(7, 1)]
    [TestCase(70, 2)]
    public void A_switch_expression_returns_each_arm(int value, int expected) =>
        Same(s => s.Classify(value), s => s.Classify(value), expected);

    [TestCase(1, "one")]
    [TestCase(2, "loop 2")]
    [TestCase(500, "big")]
    [TestCase(50, "other")]
    public void Several_returns_reach_the_one_epilogue(int value, string expected) =>
        Same(s => s.ManyReturns(value), s => s.ManyReturns(value), expected);

    [Test]
    public void A_return_inside_try_finally_runs_the_finally_once()
    {
        var twinLog = new List<string>();
        var wovenLog = new List<string>();

        Same(s => s.TryFinally(twinLog), s => s.TryFinally(wovenLog), 1);
        wovenLog.ShouldBe(twinLog);
        wovenLog.ShouldBe(["try", "finally"]);
    }

    [Test]
    public void An_exception_caught_inside_the_body_is_no_failure() =>
        Same(s => s.TryCatch(0), s => s.TryCatch(0), -1);

    [Test]
    public void Using_and_lock_release_what_they_hold()
    {
        var twin = new Twin.Disposable(4);
        new Twin.Shapes().Using(twin).ShouldBe(4);
        twin.Disposed.ShouldBeTrue();

        var woven = new Disposable(4);
        new Shapes().Using(woven).ShouldBe(4);
        woven.Disposed.ShouldBeTrue();
        var shapes = new Shapes();
        shapes.Locked().ShouldBe(3);
        Task.Run(shapes.Locked).Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        Harness.Records.Count.ShouldBe(3);
    }

    [Test]
    public void Ref_out_and_in_parameters_are_written_through()
    {
        var twinCounter = 1;
        new Twin.Shapes().RefOutIn(ref twinCounter, out var twinText, 4);
        var counter = 1;

        new Shapes().RefOutIn(ref counter, out var text, 4);

        (counter, text).ShouldBe((twinCounter, twinText));
        (counter, text).ShouldBe((5, "set 5"));
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_ref_return_aliases_the_same_storage()
    {
        var shapes = new Shapes();

        ref var slot = ref shapes.FirstSlot();
        slot = 99;

        shapes.FirstSlot().ShouldBe(99);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void Generic_methods_and_generic_types_return_their_values()
    {
        Same(s => s.Echo("text"), s => s.Echo("text"), "text");
        new Shapes().Echo(42).ShouldBe(42);
        var box = new Box<int>();
        box.Set(3);
        box.Get().ShouldBe(3);
        box.Convert(v => $"#{v}").ShouldBe("#3");
        Harness.Records.Count.ShouldBe(5);
        Harness.Records.ShouldAllBe(r => r.Field("success") == "True");
    }

    [Test]
    public void A_struct_instance_method_mutates_its_receiver()
    {
        var twin = default(Twin.Counter);
        twin.Increment(2);
        twin.Increment(3).ShouldBe(5);

        var counter = default(Counter);
        counter.Increment(2);
        counter.Increment(3).ShouldBe(5);
        counter.Count.ShouldBe(5);
    }

    [Test]
    public void Stackalloc_and_localloc_work_inside_the_protected_region()
    {
        Same(s => s.StackAlloc(5), s => s.StackAlloc(5), 10);
        new Shapes().PointerAlloc(4).ShouldBe(12);
        new Twin.Shapes().PointerAlloc(4).ShouldBe(12);
    }

    [Test]
    public void A_ref_struct_result_passes_through() =>
        new Shapes().Slice(2).ToArray().ShouldBe(new Twin.Shapes().Slice(2).ToArray());

    [Test]
    public void Recursion_records_every_level()
    {
        Same(s => s.Recurse(20), s => s.Recurse(20), 20, records: 21);
        Harness.Records.ShouldAllBe(r => r.Level == LogLevel.Information);
    }
}
