using Fody;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;
using static PerfLogging.Tests.Support.ParityHarness;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// The analyzer reads each attribute, environment file name and comment exactly as the weaver and the loader do; each
/// case compares with a real weave or the README host's load.
/// </summary>
public class AttributeAndFileParityTests
{
    private const string Usings = "using PerfLogging; using PerfLogging.Fabrics;\n";
    private const string Source = "using PerfLogging; class S { [PerformanceLogging] void M() { } }";

    // 1. [PerformanceLogging("a", OperationName = "b")]: the weaver keeps the constructor's name, the analyzer the property's.
    [Test]
    public void Ctor_name_and_OperationName_property_on_one_attribute()
    {
        const string source = Usings + """
            namespace Shop { public class Orders { [PerformanceLogging("a", OperationName = "b", ThresholdCritical = 1)] public void Pay() { } } }
            """;
        (string, string)[] files = [("perflogging.json", """{ "Operations": { "a": { "WarningSeconds": 2 } } }""")];

        var settings = WovenSettings(source, "Shop.Orders.Pay()");
        settings.GetProperty("OperationName").GetProperty("value").GetString().ShouldBe("a");
        // The woven method runs as operation 'a': warning 2 s (Operations entry) above critical 1 s (attribute).
        var diagnostics = Run(source, files);
        diagnostics.Select(d => d.Id).ShouldBe(["PERF001"]);
    }

    // 1b. The same for the profile: [PerformanceProfile("slow", Profile = "fast")] runs with 'slow'.
    [Test]
    public void Ctor_profile_and_Profile_property_on_one_attribute()
    {
        const string source = Usings + """
            namespace Shop { public class Orders { [PerformanceProfile("slow", Profile = "fast", ThresholdWarning = 2)] public void Pay() { } } }
            """;

        var settings = WovenSettings(source, "Shop.Orders.Pay()");
        settings.GetProperty("Profile").GetProperty("value").GetString().ShouldBe("slow");
        // Runs with warning 2 s, critical 30 s (slow): valid. The analyzer checks 'fast' (critical 0.5 s).
        Run(source).ShouldBeEmpty();
    }

    // 2. Profile = null on the method attribute is "set" for the weaver (first layer wins) and means no profile at run time.
    [Test]
    public void Null_profile_on_the_method_hides_the_type_profile()
    {
        const string source = Usings + """
            namespace Shop { [PerformanceProfile("fast")] public class Orders { [PerformanceLogging(Profile = null, ThresholdWarning = 2)] public void Pay() { } } }
            """;

        var settings = WovenSettings(source, "Shop.Orders.Pay()");
        settings.GetProperty("Profile").GetProperty("source").GetString().ShouldBe("method attribute");
        // Runs with warning 2 s and critical 5 s (Thresholds default): valid.
        Run(source).ShouldBeEmpty();
    }

    // 2b. OperationName = null on the method hides the type attribute's OperationName.
    [Test]
    public void Null_operation_name_on_the_method_hides_the_type_name()
    {
        const string source = Usings + """
            namespace Shop { [PerformanceLogging(OperationName = "x")] public class Orders { [PerformanceLogging(OperationName = null, ThresholdCritical = 1)] public void Pay() { } } }
            """;
        (string, string)[] files = [("perflogging.json", """{ "Operations": { "x": { "WarningSeconds": 2 } } }""")];

        var settings = WovenSettings(source, "Shop.Orders.Pay()");
        settings.GetProperty("OperationName").GetProperty("source").GetString().ShouldBe("method attribute");
        // Runs as 'Orders.Pay' (no entry): warning 1 s, critical 1 s: valid.
        Run(source, files).ShouldBeEmpty();
    }

    // 3. An environment whose name has a dot (Staging.EU): the host loads appsettings.Staging.EU.json.
    [Test]
    public void Environment_name_with_a_dot()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Enabled": true } }"""),
            ("appsettings.Staging.EU.json", """{ "PerformanceLogging": { "Thresholds": { "WarningSeconds": 9 } } }"""),
        ];

        Should.Throw<OptionsValidationException>(() => Load("Staging.EU", files));
        Run(Source, files).Select(d => d.Id).ShouldContain("PERF003");
    }

    // 4. The README's host does not add perflogging.{Environment}.json; the analyzer merges it anyway.
    [Test]
    public void Perflogging_environment_file_is_not_loaded_by_the_readme_host()
    {
        (string, string)[] files =
        [
            ("perflogging.json", """{ "Enabled": true }"""),
            ("perflogging.Development.json", """{ "Thresholds": { "WarningSeconds": 9 } }"""),
        ];

        Load("Development", files).Thresholds.WarningSeconds.ShouldBe(1);
        Run(Source, files).ShouldBeEmpty();
    }

    // 5. A // comment in a file with CR-only line endings.
    [Test]
    public void Line_comment_ended_by_a_lone_carriage_return()
    {
        (string, string)[] files = [("perflogging.json", "{ // options\r\"Thresholds\": { \"WarningSeconds\": 9 } }")];

        var error = Should.Throw<OptionsValidationException>(() => Load("Production", files));
        var diagnostic = Run("class Plain { }", files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF003");
        error.Message.ShouldContain(diagnostic.GetMessage());
    }

    // 6. An empty appsettings.json.
    [Test]
    public void Empty_appsettings()
    {
        (string, string)[] files = [("appsettings.json", "")];
        Exception? runtime = null;
        try
        {
            Load("Production", files);
        }
        catch (Exception ex)
        {
            runtime = ex;
        }

        var diagnostics = Run(Source, files);
        (runtime is null).ShouldBe(diagnostics.Count == 0);
    }

    // 7. An Operations entry in another case than the name.
    [Test]
    public void Operations_entry_in_another_case()
    {
        const string source = Usings + "namespace Shop { public class Orders { [PerformanceLogging(ThresholdCritical = 1)] public void Pay() { } } }";
        (string, string)[] files = [("perflogging.json", """{ "Operations": { "orders.PAY": { "WarningSeconds": 2 } } }""")];
        Run(source, files).Select(d => d.Id).ShouldBe(["PERF001"]);
    }
}
