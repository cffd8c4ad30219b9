using Fody;
using PerfLogging.Fody;
using PerfLogging.Tests.BadTarget;

namespace PerfLogging.Tests.Weaving;

/// <summary>Shapes that cannot be woven are build errors with the method, its location and the fix.</summary>
public class WeaverErrorTests
{
    private static TestResult s_result = null!;

    [OneTimeSetUp]
    public static void WeaveBadTarget() =>
        s_result = new ModuleWeaver().ExecuteTestRun(typeof(AbstractJob).Assembly.Location, runPeVerify: false);

    private static SequencePointMessage ErrorAbout(string method) =>
        s_result.Errors.Where(e => e.Text.Contains($"'{method}'", StringComparison.Ordinal)).ShouldHaveSingleItem();

    [Test]
    public void An_abstract_method_is_refused()
    {
        ErrorAbout("PerfLogging.Tests.BadTarget.AbstractJob.Run").Text.ShouldBe(
            "PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.AbstractJob.Run': it has no body (abstract, extern, an interface " +
            "member or a partial method without implementation). Remove the performance attribute from it and put it on the implementing method.");
    }

    [Test]
    public void An_interface_member_without_body_is_refused() =>
        ErrorAbout("PerfLogging.Tests.BadTarget.IJob.Execute").Text.ShouldStartWith("PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.IJob.Execute': it has no body");

    [Test]
    public void An_extern_method_is_refused_at_its_type_location()
    {
        var error = ErrorAbout("PerfLogging.Tests.BadTarget.Native.ProcessId");

        error.Text.ShouldStartWith("PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.Native.ProcessId': it has no body");
        error.SequencePoint.ShouldNotBeNull().Document.Url.ShouldEndWith("Refused.cs");
    }

    [Test]
    public void A_varargs_method_is_refused_with_its_location()
    {
        var error = ErrorAbout("PerfLogging.Tests.BadTarget.Varargs.Count");

        error.Text.ShouldBe(
            "PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.Varargs.Count': it takes a variable argument list (__arglist), which " +
            "cannot be forwarded. Remove the performance attribute, or take a params array instead.");
        error.SequencePoint.ShouldNotBeNull().StartLine.ShouldBe(LineOf("public static int Count(__arglist)"));
    }

    [Test]
    public void A_static_constructor_is_refused() =>
        ErrorAbout("PerfLogging.Tests.BadTarget.Startup.Startup").Text.ShouldBe(
            "PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.Startup.Startup': a static constructor runs once, before anything " +
            "could be configured. Remove the performance attribute from it.");

    [TestCase("UnknownMember", "Missing")]
    [TestCase("WrongType", "NotBool")]
    [TestCase("NotStatic", "Instance")]
    public void An_invalid_condition_member_is_refused(string method, string member)
    {
        var error = ErrorAbout($"PerfLogging.Tests.BadTarget.BadConditions.{method}");

        error.Text.ShouldBe(
            $"PerfLogging cannot weave 'PerfLogging.Tests.BadTarget.BadConditions.{method}': the condition " +
            $"'PerfLogging.Tests.BadTarget.BadConditions.{member}' of [ConditionalPerformanceLogging] is not a static bool property, " +
            "field or parameterless method. Point it at one, for example 'public static bool IsEnabled => …;'.");
        error.SequencePoint.ShouldNotBeNull().StartLine.ShouldBe(LineOf($"public int {method}()"));
    }

    [Test]
    public void Exactly_the_refused_shapes_are_errors() => s_result.Errors.Count.ShouldBe(8);

    private static int LineOf(string text) =>
        Array.FindIndex(
            File.ReadAllLines(Path.Combine(Support.Repository.Root, "PerfLogging.Tests.BadTarget", "Refused.cs")),
            line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
