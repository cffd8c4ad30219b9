using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Twins;

/// <summary>A per-call condition decides whether the one body is tracked: there is no second copy of it.</summary>
public class ConditionalFidelityTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown()
    {
        Switches.Tracked = false;
        _harness.Dispose();
    }

    [Test]
    public void The_condition_is_read_on_every_call()
    {
        Switches.Tracked = false;
        Conditional.Twice(2).ShouldBe(4);
        Conditional.Count(3).ShouldBe([1, 2, 3]);
        _harness.Records.ShouldBeEmpty();

        Switches.Tracked = true;
        Conditional.Twice(3).ShouldBe(6);
        Conditional.Count(2).ShouldBe([1, 2]);
        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(["Conditional.Twice", "Conditional.Count"]);
    }

    [Test]
    public void No_method_holds_a_second_copy_of_the_body()
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
            System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;

        typeof(Conditional).GetMethods(all).Select(m => m.Name).Where(n => !n.Contains("$Perf", StringComparison.Ordinal))
            .Order().ShouldBe(["Count", "Twice"]);
    }
}
