extern alias unwoven;

using System.Reflection;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Code inside a woven method sees itself, its caller and its flags as the unwoven twin does.</summary>
public class ReflectionFidelityTests : HarnessTest
{
    [Test]
    public void GetCurrentMethod_names_the_method_itself()
    {
        Twin.Failures.CurrentMethod().ShouldBe("CurrentMethod");

        Failures.CurrentMethod().ShouldBe("CurrentMethod");
        Harness.Single().Field("operation_name").ShouldBe("Failures.CurrentMethod");
    }

    [Test]
    public void StackFrame_0_is_the_method_and_StackFrame_1_its_caller()
    {
        Twin.Failures.OwnFrame().ShouldBe("OwnFrame");
        Twin.Failures.Caller().ShouldBe(nameof(StackFrame_0_is_the_method_and_StackFrame_1_its_caller));

        Failures.OwnFrame().ShouldBe("OwnFrame");
        Failures.Caller().ShouldBe(nameof(StackFrame_0_is_the_method_and_StackFrame_1_its_caller));
    }

    [Test]
    public void GetCallingAssembly_is_the_callers_assembly()
    {
        Twin.Failures.CallingAssembly().ShouldBe(typeof(ReflectionFidelityTests).Assembly);

        Failures.CallingAssembly().ShouldBe(typeof(ReflectionFidelityTests).Assembly);
    }

    [Test]
    public void Implementation_flags_and_attributes_stay_on_the_method()
    {
        var twin = typeof(Twin.Failures).GetMethod(nameof(Twin.Failures.Flagged))!;
        twin.MethodImplementationFlags.ShouldBe(MethodImplAttributes.NoInlining | MethodImplAttributes.AggressiveOptimization);

        var woven = typeof(Failures).GetMethod(nameof(Failures.Flagged))!;
        woven.MethodImplementationFlags.ShouldBe(twin.MethodImplementationFlags);
        woven.GetCustomAttributesData().Select(a => a.AttributeType.FullName)
            .ShouldBe(twin.GetCustomAttributesData().Select(a => a.AttributeType.FullName));
    }

    [Test]
    public void The_woven_type_declares_the_same_methods_plus_its_descriptor_members_only()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var twin = typeof(Twin.Shapes).GetMethods(all).Select(m => m.ToString()).Order().ToList();

        typeof(Shapes).GetMethods(all).Where(m => !m.Name.Contains("$Perf", StringComparison.Ordinal)).Select(m => m.ToString()).Order()
            .ShouldBe(twin);
    }
}
