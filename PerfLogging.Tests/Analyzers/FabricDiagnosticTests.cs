using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Analyzers;

public class FabricDiagnosticTests
{
    private const string Services = """
        namespace Shop.Services { public class OrderService { public void Submit() { } internal void Audit() { } } }
        namespace Shop.Data { public class OrderRepository { public int Find() => 1; } }

        """;

    private static IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> RunFabric(string fabric) =>
        Run(Services + "namespace Shop { using PerfLogging.Fabrics;\n" + fabric + "\n}");

    private static string Source(string fabric) => Services + "namespace Shop { using PerfLogging.Fabrics;\n" + fabric + "\n}";

    [Test]
    public void Rules_that_select_methods_give_no_diagnostic() =>
        RunFabric("""
            [PerformanceLoggingRule(Namespace = "Shop.Services", Profile = "normal")]
            [PerformanceLoggingRule(Namespace = "Shop.*", TypeName = "*Repository", ThresholdWarning = 2, ThresholdCritical = 10)]
            [PerformanceLoggingRule(Namespace = "**", MethodName = "Aud?t", Visibility = MethodVisibility.Internal)]
            internal sealed class Fabric : ProjectFabric { }
            """).ShouldBeEmpty();

    [Test]
    public void PERF007_a_rule_that_matches_no_method_is_a_warning_at_the_rule()
    {
        const string fabric = """
            [PerformanceLoggingRule(Namespace = "Shop.Servces")]
            internal sealed class Fabric : ProjectFabric { }
            """;

        var diagnostic = RunFabric(fabric).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF007");
        diagnostic.Where().ShouldBe(At("Test.cs", Source(fabric), "PerformanceLoggingRule("));
        diagnostic.GetMessage().ShouldBe(
            "The fabric rule [PerformanceLoggingRule(Namespace = \"Shop.Servces\")] matches no method. " +
            "Check its Namespace, TypeName, MethodName and Visibility against the code, or remove the rule.");
    }

    [Test]
    public void PERF007_visibility_counts_private_methods_are_not_public() =>
        RunFabric("""
            [PerformanceLoggingRule(Namespace = "Shop.Services", MethodName = "Audit")]
            internal sealed class Fabric : ProjectFabric { }
            """).ShouldHaveSingleItem().Id.ShouldBe("PERF007");

    [Test]
    public void PERF007_a_namespace_fabric_is_scoped_to_its_namespace() =>
        Run(Services + """
            namespace Shop.Payments { using PerfLogging.Fabrics;
            [PerformanceLoggingRule(TypeName = "Order*")]
            internal sealed class Fabric : NamespaceFabric { } }
            """).ShouldHaveSingleItem().GetMessage().ShouldContain("matches no method in namespace 'Shop.Payments'");

    [TestCase("Namespace = \"Shop..Data\"", "'Shop..Data' is not a valid Namespace glob: a segment between dots is empty.")]
    [TestCase("Namespace = \"Shop.Da**\"", "'Shop.Da**' is not a valid Namespace glob: '**' must be a whole segment, not part of 'Da**'.")]
    [TestCase("TypeName = \"Order.Service\"", "'Order.Service' is not a valid TypeName glob: '.' is not allowed")]
    [TestCase("MethodName = \"[Gg]et\"", "'[Gg]et' is not a valid MethodName glob: '[' is not allowed")]
    [TestCase("MethodName = \"\"", "'' is not a valid MethodName glob: it is empty.")]
    public void PERF011_an_invalid_glob_is_an_error_at_the_selector(string selector, string message)
    {
        var fabric = $"[PerformanceLoggingRule({selector})]\ninternal sealed class Fabric : ProjectFabric {{ }}";

        var diagnostic = RunFabric(fabric).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF011");
        diagnostic.Where().ShouldBe(At("Test.cs", Source(fabric), selector));
        diagnostic.GetMessage().ShouldStartWith(message);
    }

    [Test]
    public void PERF001_and_PERF002_apply_to_rules()
    {
        const string fabric = """
            [PerformanceLoggingRule(Namespace = "Shop.Services", ThresholdWarning = 9)]
            [PerformanceLoggingRule(Namespace = "Shop.Data", Profile = "slo")]
            internal sealed class Fabric : ProjectFabric { }
            """;

        var diagnostics = RunFabric(fabric);

        diagnostics.Select(d => (d.Id, d.Where())).ShouldBe(
        [
            ("PERF001", At("Test.cs", Source(fabric), "ThresholdWarning = 9")),
            ("PERF002", At("Test.cs", Source(fabric), "Profile = \"slo\"")),
        ]);
        diagnostics[0].GetMessage().ShouldStartWith("'ThresholdWarning' (9 s) is above 'Thresholds:CriticalSeconds' (5 s) on 'Fabric rule'");
        diagnostics[1].GetMessage().ShouldContain("Did you mean 'slow'?");
    }
}
