extern alias unwoven;

using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Adversarial constructor, record and event shapes, each compared with its unwoven twin.</summary>
public class ProbeFidelityTests3 : HarnessTest
{
    [Test]
    public void A_method_ending_in_a_filtered_catch()
    {
        var twinLog = new List<string>();
        Twin.Probes3.EndsInFilteredCatch(0, twinLog).ShouldBe(10);
        Should.Throw<FormatException>(() => Twin.Probes3.EndsInFilteredCatch(1, twinLog));

        var log = new List<string>();
        Probes3.EndsInFilteredCatch(0, log).ShouldBe(10);
        Probes3.EndsInFilteredCatch(1, log).ShouldBe(0);
        log.ShouldBe(twinLog);
        Harness.Records.Count.ShouldBe(2);
        Harness.Records[1].Field("error_type").ShouldBe("FormatException");
    }

    [Test]
    public void Local_functions_and_lambdas()
    {
        Probes3.LocalFunction(1).ShouldBe(Twin.Probes3.LocalFunction(1));
        Probes3.Lambda()(2).ShouldBe(Twin.Probes3.Lambda()(2));
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void A_ref_readonly_parameter()
    {
        var value = 4;
        Probes3.ReadonlyRefParameter(in value).ShouldBe(5);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public async Task Silent_task_and_async_void()
    {
        (await Probes3.SilentTask(false)).ShouldBe("ok");
        (await Probes3.SilentTask(true)).ShouldBeNull();
        var done = new TaskCompletionSource<int>();
        Probes3.AsyncVoid(done);
        (await done.Task.WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe(1);
    }

    [Test]
    public void Static_virtual_interface_members_and_record_structs()
    {
        StaticVirtualUser.Make<StaticVirtualUser>(1).ShouldBe(Twin.StaticVirtualUser.Make<Twin.StaticVirtualUser>(1));
        new Money(1, "EUR").Add(new Money(2, "EUR")).ShouldBe(new Money(3, "EUR"));
        Should.Throw<InvalidOperationException>(() => new Money(1, "EUR").Add(new Money(2, "USD")));
        new Money(1, "EUR").ToString().ShouldBe(new Twin.Money(1, "EUR").ToString());
    }
}
