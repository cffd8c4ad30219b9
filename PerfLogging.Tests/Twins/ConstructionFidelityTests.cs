extern alias unwoven;

using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Constructors are tracked after their chained call, found by its receiver.</summary>
public class ConstructionFidelityTests : HarnessTest
{
    [Test]
    public void A_struct_constructor_that_builds_its_own_type_into_a_local_runs()
    {
        var twin = new Twin.Point(1, 2);
        (twin.X, twin.Y).ShouldBe((101, 2));

        var point = new Point(1, 2);
        (point.X, point.Y).ShouldBe((101, 2));
        Harness.Single().Field("operation_name").ShouldBe("Point.Point");
    }

    [Test]
    public void A_struct_constructor_chained_with_this_is_tracked_after_the_chained_call()
    {
        var point = new Point("5");

        (point.X, point.Y).ShouldBe((5, -1));
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void Branches_in_the_base_call_arguments_stay_before_the_tracked_part()
    {
        var twin = new Twin.Labelled("ann", upper: true);
        (twin.Name, twin.Other!.Name).ShouldBe(("ANN", "ANN!"));

        var labelled = new Labelled("ann", upper: true);
        (labelled.Name, labelled.Other!.Name).ShouldBe(("ANN", "ANN!"));
        new Labelled(null, upper: true).Name.ShouldBe("NONE");
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void A_throw_in_the_base_call_arguments_is_before_tracking_starts()
    {
        Should.Throw<ArgumentNullException>(() => new Twin.Labelled(null, upper: false)).ParamName.ShouldBe("name");

        Should.Throw<ArgumentNullException>(() => new Labelled(null, upper: false)).ParamName.ShouldBe("name");
        Harness.Records.ShouldBeEmpty();
    }
}
