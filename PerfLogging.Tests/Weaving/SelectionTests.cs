using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

/// <summary>Which methods get woven: conditions, type attributes, exclusions, OnError modes.</summary>
public class SelectionTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _harness = new RuntimeHarness();
        Flags.Enabled = false;
        Flags.Field = false;
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private string?[] Operations() => _harness.Records.Select(r => r.Field("operation_name")).ToArray();

    [Test]
    public void A_constant_false_condition_leaves_the_method_unwoven()
    {
        new Conditional().Never().ShouldBe(1);
        new Conditional().Always().ShouldBe(2);

        Operations().ShouldBe(["Conditional.Always"]);
        typeof(Conditional).GetMethod("Never$PerfOriginal", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance).ShouldBeNull();
    }

    [Test]
    public void A_condition_member_is_read_on_every_call()
    {
        var conditional = new Conditional();

        conditional.WhenProperty().ShouldBe(3);
        conditional.WhenField().ShouldBe(4);
        conditional.WhenMethod().ShouldBe(5);
        _harness.Records.ShouldBeEmpty();

        Flags.Enabled = true;
        Flags.Field = true;
        conditional.WhenProperty().ShouldBe(3);
        conditional.WhenField().ShouldBe(4);
        conditional.WhenMethod().ShouldBe(5);

        Operations().ShouldBe(["Conditional.WhenProperty", "Conditional.WhenField", "Conditional.WhenMethod"]);
        _harness.Records[2].Field("warning_threshold").ShouldBe("0.1");
    }

    [Test]
    public void A_type_attribute_covers_ordinary_methods_and_method_attributes_override_it()
    {
        var reporting = new Reporting { Total = 1 };

        reporting.Build(3).ShouldBe(6);
        reporting.Quick();
        reporting.Custom();
        reporting.Excluded();
        reporting.WithLocalFunction().ShouldBe(5);
        _ = reporting.Total;

        Operations().ShouldBe(["Reporting.Build", "Reporting.Quick", "Reporting.Custom", "Reporting.WithLocalFunction"]);
        var thresholds = _harness.Records.Select(r => (r.Field("warning_threshold"), r.Field("critical_threshold"))).ToList();
        thresholds.ShouldBe([("10", "30"), ("0.1", "0.5"), ("2", "3"), ("10", "30")]);

        // IncludeArgs comes from the type attribute even where the method attribute sets a profile.
        _harness.Records[0].Field("args_summary").ShouldBe("rows=3");
    }

    [Test]
    public void NoPerformanceLogging_on_a_type_excludes_it_from_its_own_attribute()
    {
        new ExcludedType().Work().ShouldBe(1);

        _harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void LogAndRaise_rethrows_the_original_exception_keeping_the_throw_line()
    {
        var error = Should.Throw<InvalidOperationException>(() => new Failures().Raise(2));

        error.Message.ShouldBe("failed with 4");
        var throwLine = Array.FindIndex(
            File.ReadAllLines(Path.Combine(Repository.Root, "PerfLogging.Tests.Target", "Failures.cs")),
            line => line.Contains("throw new InvalidOperationException", StringComparison.Ordinal)) + 1;
        var frames = error.StackTrace!.Split('\n');
        frames[0].ShouldContain($"Failures.cs:line {throwLine}");
        frames[0].ShouldContain("Failures.Raise");
        error.StackTrace.ShouldNotContain("OperationScope");
        _harness.Single().Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Test]
    public void LogAndContinue_returns_default_and_logs()
    {
        new Failures().Continue().ShouldBe(0);
        new Failures().ContinueVoid();

        _harness.Records.Select(r => r.Field("error_message")).ShouldBe(["continued", "continued void"]);
    }

    [Test]
    public void Silent_returns_default_and_logs_nothing()
    {
        new Failures().Silent().ShouldBeNull();

        _harness.Records.ShouldBeEmpty();
    }
}
