extern alias unwoven;

using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Adversarial shapes for the in-place weaver, each compared with its unwoven twin.</summary>
[NonParallelizable]
public class ProbeFidelityTests2
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown()
    {
        Switches.Tracked = false;
        Twin.Switches.Tracked = false;
        _harness.Dispose();
    }

    [Test]
    public void A_cold_task_can_be_started_by_the_caller_under_LogAndRaise()
    {
        var twin = Twin.Probes2.ColdRaising(2);
        twin.Start();
        twin.Result.ShouldBe(4);

        var woven = Probes2.ColdRaising(2);
        woven.Status.ShouldBe(TaskStatus.Created);
        woven.Start();
        woven.Result.ShouldBe(4);
    }

    [Test]
    public void A_cold_task_can_be_started_by_the_caller_under_LogAndContinue()
    {
        var twin = Twin.Probes2.ColdSwallowing(2);
        twin.Start();
        twin.Result.ShouldBe(4);

        var woven = Probes2.ColdSwallowing(2);
        woven.Start();
        woven.Wait(TimeSpan.FromSeconds(2)).ShouldBeTrue();
        woven.Result.ShouldBe(4);
    }

    [Test]
    public void A_loop_whose_first_instruction_is_a_branch_target()
    {
        var twin = 0;
        Twin.Probes2.Spin(ref twin, 5);
        var woven = 0;
        Probes2.Spin(ref woven, 5);
        woven.ShouldBe(twin);
        _harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_fixed_statement_with_returns()
    {
        Probes2.Fixed([3, 4, 5]).ShouldBe(Twin.Probes2.Fixed([3, 4, 5]));
        Probes2.Fixed([]).ShouldBe(Twin.Probes2.Fixed([]));
    }

    [TestCase(0, "zero")]
    [TestCase(1, "caught")]
    public void Nested_handlers_with_returns(int mode, string expected)
    {
        var twinLog = new List<string>();
        Twin.Probes2.NestedHandlers(mode, twinLog).ShouldBe(expected);
        var log = new List<string>();
        Probes2.NestedHandlers(mode, log).ShouldBe(expected);
        log.ShouldBe(twinLog);
    }

    [Test]
    public void Nested_handlers_swallowed_run_every_finally_once()
    {
        var log = new List<string>();
        Probes2.NestedHandlers(2, log).ShouldBeNull();
        log.ShouldBe(["inner finally", "outer finally"]);
        _harness.Single().Field("error_message").ShouldBe("two");
    }

    [Test]
    public async Task Conditional_shapes()
    {
        (await Probes2.ConditionalValueTask(1)).ShouldBe(2);
        Switches.Tracked = true;
        (await Probes2.ConditionalValueTask(1)).ShouldBe(2);
        Probes2.ConditionalVoidSwallowing(true);
        Switches.Tracked = false;
        Should.Throw<InvalidOperationException>(() => Probes2.ConditionalVoidSwallowing(true));
        _harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void A_ref_struct_generic_over_a_span()
    {
        var twin = default(Twin.RefHolder<Span<int>>);
        twin.Set(new int[2]);
        twin.Probe(1).ShouldBe(2);

        var woven = default(RefHolder<Span<int>>);
        woven.Probe(1).ShouldBe(2);
        woven.Set(new int[2]);
    }

    [Test]
    public void A_default_interface_method()
    {
        ((IDefault)new UsesDefault()).Twice(4).ShouldBe(((Twin.IDefault)new Twin.UsesDefault()).Twice(4));
        _harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_base_call_after_a_spread_initializer_and_this_chaining()
    {
        new SpreadInitialized(3).Items.ShouldBe(new Twin.SpreadInitialized(3).Items);
        new SpreadInitialized().Items.ShouldBe(new Twin.SpreadInitialized().Items);
        Switches.Tracked = true;
        new SpreadInitialized().Items.ShouldBe([0, 1, 2, 1, -1]);
        Should.Throw<ArgumentOutOfRangeException>(() => new SpreadInitialized(-1));
        _harness.Records.Count.ShouldBe(4);
    }

    [Test]
    public void A_field_like_event()
    {
        var count = 0;
        var woven = new Eventful();
        woven.Changed += (_, _) => count++;
        woven.Raise();
        count.ShouldBe(1);
    }
}
