using Fody;
using Microsoft.CodeAnalysis;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;
using static PerfLogging.Tests.Support.ParityHarness;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// The analyzer checks the thresholds a woven method runs with: every attribute on it, its type's, the fabric rules
/// that select it and the configuration's Operations entry and profile, merged as the weaver and the runtime merge
/// them; the message names the layer each value came from.
/// </summary>
public class EffectiveThresholdTests
{
    private const string Usings = "using PerfLogging; using PerfLogging.Fabrics;\n";

    [Test]
    public void Two_attributes_on_one_method_are_merged_before_the_order_is_checked()
    {
        const string source = Usings + "class S { [PerformanceLogging(ThresholdWarning = 2)] [PerformanceProfile(\"fast\")] void M() { } }";

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.Where().ShouldBe(At("Test.cs", source, "ThresholdWarning = 2"));
        diagnostic.GetMessage().ShouldBe(
            "'ThresholdWarning' (2 s) is above 'Profiles:fast:CriticalSeconds' (0.5 s) on 'S.M': a call must reach the warning threshold before " +
            "the critical one. Make the warning threshold the smaller one. ThresholdWarning comes from the method attribute, " +
            "Profiles:fast:CriticalSeconds from the profile 'fast' (chosen by the method attribute).");
    }

    [Test]
    public void A_profile_typo_in_a_second_attribute_is_reported()
    {
        const string source = Usings + "class S { [PerformanceLogging(ThresholdWarning = 0.1)] [PerformanceProfile(\"fsat\")] void M() { } }";

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF002");
        diagnostic.Where().ShouldBe(At("Test.cs", source, "\"fsat\""));
        diagnostic.GetMessage().ShouldStartWith("Profile 'fsat' on 'S.M' is not defined. Did you mean 'fast'?");
    }

    [Test]
    public void A_fabric_rule_profile_under_an_attribute_threshold_is_reported_at_the_attribute()
    {
        const string source = Usings + """
            namespace Shop { public class Orders { [PerformanceLogging(ThresholdWarning = 2)] public void Pay() { } } }
            [PerformanceLoggingRule(Namespace = "Shop", Profile = "fast")]
            internal sealed class Fabric : ProjectFabric { }
            """;

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.Where().ShouldBe(At("Test.cs", source, "ThresholdWarning = 2"));
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (2 s) is above 'Profiles:fast:CriticalSeconds' (0.5 s) on 'Orders.Pay'");
        diagnostic.GetMessage().ShouldEndWith(
            "ThresholdWarning comes from the method attribute, Profiles:fast:CriticalSeconds from the profile 'fast' " +
            "(chosen by the project fabric Fabric, rule 1).");
    }

    [Test]
    public void A_type_attribute_and_a_fabric_rule_that_conflict_only_together_are_reported_at_the_method()
    {
        const string source = Usings + """
            namespace Shop { [PerformanceLogging(ThresholdCritical = 1)] public class Orders { public void Pay() { } } }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdWarning = 3)]
            internal sealed class Fabric : ProjectFabric { }
            """;

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.Where().ShouldBe(At("Test.cs", source, "Pay()"));
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (3 s) is above 'ThresholdCritical' (1 s) on 'Orders.Pay'");
        diagnostic.GetMessage().ShouldEndWith(
            "ThresholdWarning comes from the project fabric Fabric, rule 1, ThresholdCritical from the type attribute.");
    }

    [Test]
    public void An_Operations_entry_below_an_attribute_threshold_is_reported_and_the_runtime_resolves_the_same_values()
    {
        const string source = Usings + "namespace Shop { public class OrderService { [PerformanceLogging(ThresholdWarning = 0.2)] public void Ship() { } } }";
        const string json = """{ "Operations": { "OrderService.Ship": { "CriticalSeconds": 0.1 } } }""";

        var diagnostic = Run(source, ("perflogging.json", json)).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.Where().ShouldBe(At("Test.cs", source, "ThresholdWarning = 0.2"));
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (0.2 s) is above 'Operations:OrderService.Ship:CriticalSeconds' (0.1 s) on 'OrderService.Ship'");
        diagnostic.GetMessage().ShouldEndWith("ThresholdWarning comes from the method attribute, Operations:OrderService.Ship:CriticalSeconds from the Operations entry.");

        // The runtime resolves the same layers: the attribute's warning threshold and the entry's critical one.
        using var harness = new RuntimeHarness(o => o.Operations["OrderService.Ship"] = new OperationOptions { CriticalSeconds = 0.1 });
        var operation = OrderService.Describe(nameof(OrderService.Ship), new PerformanceLoggingAttribute { ThresholdWarning = 0.2 }).Current;
        (operation.Name, operation.WarningSeconds, operation.CriticalSeconds).ShouldBe(("OrderService.Ship", 0.2, 0.1));
    }

    [Test]
    public void Generic_methods_find_their_Operations_entry_by_the_name_the_runtime_uses()
    {
        const string source = Usings + "public class Repo<TItem> { [PerformanceLogging(ThresholdCritical = 2)] public void Find<TKey>() { } }";

        Run(source, ("perflogging.json", """{ "Operations": { "Repo<TItem>.Find<TKey>": { "WarningSeconds": 3 } } }"""))
            .ShouldHaveSingleItem().GetMessage().ShouldStartWith("'Operations:Repo<TItem>.Find<TKey>:WarningSeconds' (3 s) is above 'ThresholdCritical' (2 s)");
        Run(source, ("perflogging.json", """{ "Operations": { "Repo.Find": { "WarningSeconds": 3 } } }""")).ShouldBeEmpty();
    }

    [Test]
    public void A_blank_operation_name_falls_back_to_the_default_one_and_a_name_with_a_colon_has_no_entry()
    {
        const string json = """{ "Operations": { "Svc.Run": { "WarningSeconds": 3 }, "pay": { "charge": { "WarningSeconds": 0.1 } } } }""";

        Run(Usings + "public class Svc { [PerformanceLogging(OperationName = \" \", ThresholdCritical = 2)] public void Run() { } }", ("perflogging.json", json))
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ShouldBe(["PERF001"]);
        Run(Usings + "public class Svc { [PerformanceLogging(OperationName = \"pay:charge\", ThresholdCritical = 0.5)] public void Run() { } }", ("perflogging.json", json))
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ShouldBe(["PERF001"]);
    }

    [Test]
    public void Project_fabrics_rank_in_declaration_order_as_in_the_weaver()
    {
        const string source = Usings + """
            namespace Shop { public class Orders { public void Pay() { } } }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdWarning = 3)]
            internal sealed class ZFabric : ProjectFabric { }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdWarning = 0.1, ThresholdCritical = 2)]
            internal sealed class AFabric : ProjectFabric { }
            """;

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (3 s) is above 'ThresholdCritical' (2 s) on 'Orders.Pay'");
    }

    [TestCase("[ConditionalPerformanceLogging(false)] public void Pay() { }", "")]
    [TestCase("public void Pay() { }", "[ConditionalPerformanceLogging(false)]")]
    public void A_method_the_weaver_leaves_alone_is_not_checked(string method, string typeAttribute)
    {
        var source = Usings + $$"""
            namespace Shop { {{typeAttribute}} public class Orders { {{method}} } }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdWarning = 3)]
            internal sealed class Fabric : ProjectFabric { }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdCritical = 2)]
            internal sealed class Fabric2 : ProjectFabric { }
            """;

        Run(source).Where(d => d.Id == "PERF001").ShouldBeEmpty();
    }

    [Test]
    public void An_excluded_method_with_its_own_attribute_still_merges_its_type_attribute_as_the_weaver_does()
    {
        const string source = Usings + """
            namespace Shop { [PerformanceLogging(ThresholdWarning = 3)] public class Orders { [NoPerformanceLogging] [PerformanceLogging(ThresholdCritical = 2)] public void Pay() { } } }
            """;

        var diagnostic = Run(source).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.GetMessage().ShouldEndWith("ThresholdWarning comes from the type attribute, ThresholdCritical from the method attribute.");
    }

    [Test]
    public void The_analyzer_merges_and_names_layers_exactly_as_the_weaving_manifest_does()
    {
        const string source = Usings + """
            namespace Shop { public class Orders { public void Pay() { } } }
            namespace Shop { [PerformanceLoggingRule(ThresholdWarning = 3)] internal sealed class NsFabric : NamespaceFabric { } }
            [PerformanceLoggingRule(Namespace = "Shop", ThresholdWarning = 0.1, ThresholdCritical = 2)]
            internal sealed class Fabric : ProjectFabric { }
            """;

        var settings = WovenSettings(source, "Shop.Orders.Pay()");
        var diagnostic = Run(source).ShouldHaveSingleItem();

        settings.GetProperty("ThresholdWarning").GetProperty("value").GetDouble().ShouldBe(3);
        settings.GetProperty("ThresholdCritical").GetProperty("value").GetDouble().ShouldBe(2);
        var warningSource = settings.GetProperty("ThresholdWarning").GetProperty("source").GetString();
        var criticalSource = settings.GetProperty("ThresholdCritical").GetProperty("source").GetString();
        (warningSource, criticalSource).ShouldBe(("namespace fabric Shop.NsFabric, rule 1", "project fabric Fabric, rule 1"));
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (3 s) is above 'ThresholdCritical' (2 s) on 'Orders.Pay'");
        diagnostic.GetMessage().ShouldEndWith($"ThresholdWarning comes from the {warningSource}, ThresholdCritical from the {criticalSource}.");
    }
}
