using System.Text.Json;
using PerfLogging.Tests.Support;
using Shop.Data;
using Shop.Nightly.Jobs;
using Shop.Nightly.Jobs.Deep;
using Shop.Payments;
using Shop.Payments.Refunds;
using Shop.Services;
using OrderService = Shop.Services.OrderService;
using Shop.Services.Billing;

namespace PerfLogging.Tests.Weaving;

/// <summary>Fabrics select methods across namespaces; the result is checked by calling every method.</summary>
public class FabricTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static readonly string[] Woven =
    [
        "OrderService.Submit", "OrderService.Priority", "OrderService.Lines", "OrderService.SaveAsync", "OrderService.Bill",
        "ReportService.Build", "InvoiceService.Total", "OrderRepository.Find", "PaymentService.Charge", "LedgerService.Post", "LedgerService.Close", "RefundService.Refund",
        "CleanupJob.RunOnce", "CleanupJob.RunHidden",
    ];

    [Test]
    public async Task Exactly_the_selected_methods_are_logged()
    {
        var orders = new OrderService { Count = 1 };
        orders.Submit(1).ShouldBe(3);
        orders.Audit().ShouldBe(1);
        orders.Priority();
        orders.Excluded();
        orders.Lines().ToList();
        (await orders.SaveAsync()).ShouldBe(4);
        orders.Bill(1).ShouldBe(new Receipt(1, 9.5m));
        _ = orders.Count;
        new ReportService().Build();
        new HealthCheck().Ping();
        new InvoiceService().Total(10);
        new OrderRepository().Find(1);
        new CustomerCache().Get();
        new PaymentService().Charge("acme", "4111");
        new PaymentService().Settle();
        new LedgerService().Post(5);
        new LedgerService().Close();
        new RefundService().Refund(1);
        var job = new CleanupJob();
        job.RunOnce();
        job.RunHidden();
        job.Other();
        new DeepJob().RunDeep();

        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(Woven);
    }

    [Test]
    public void Method_attribute_overrides_the_project_fabric_rule()
    {
        new OrderService().Priority();

        Thresholds().ShouldBe(("0.3", "5"));
    }

    [Test]
    public void Type_attribute_overrides_the_project_fabric_rule()
    {
        new ReportService().Build();

        Thresholds().ShouldBe(("10", "30"));
    }

    [Test]
    public void Project_fabric_rules_apply_their_profile_and_thresholds()
    {
        new OrderService().Submit(1);
        new OrderRepository().Find(1);

        _harness.Records.Select(r => (r.Field("warning_threshold"), r.Field("critical_threshold"))).ShouldBe([("1", "5"), ("2", "10")]);
    }

    [Test]
    public void Namespace_fabric_overrides_the_project_fabric_and_both_merge()
    {
        new PaymentService().Charge("acme", "4111");

        var record = _harness.Single();
        (record.Field("warning_threshold"), record.Field("critical_threshold")).ShouldBe(("10", "30"));
        record.Field("args_summary").ShouldBe("account=\"acme\", card=***");
        record.Field("result_summary").ShouldBe("\"charged acme\"");
    }

    [Test]
    public void Type_attribute_overrides_the_namespace_fabric_and_method_attribute_overrides_both()
    {
        new LedgerService().Post(5);
        new LedgerService().Close();

        _harness.Records.Select(r => (r.Field("warning_threshold"), r.Field("critical_threshold"), r.Field("args_summary")))
            .ShouldBe([("1", "5", "amount=5"), ("1", "7", null)]);
    }

    [Test]
    public void Fabrics_are_removed_from_the_output_assembly()
    {
        var assembly = typeof(OrderService).Assembly;

        assembly.GetType("Shop.Fabric").ShouldBeNull();
        assembly.GetType("Shop.Payments.Fabric").ShouldBeNull();
        assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldContain("PerfLogging.Aspects");
        assembly.GetTypes().SelectMany(t => t.GetCustomAttributesData()).ShouldNotContain(a => a.AttributeType.Name == "PerformanceLoggingRuleAttribute");
    }

    [Test]
    public void The_manifest_lists_exactly_the_woven_methods_and_where_settings_came_from()
    {
        var path = Path.Combine(Repository.Root, "PerfLogging.Tests.FabricTarget", "bin", Repository.BuildConfiguration, "net10.0", "PerfLogging.Tests.FabricTarget.perflogging.json");
        var methods = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("methods").EnumerateArray().ToList();

        methods.Select(m => m.GetProperty("operation").GetString()).Order(StringComparer.Ordinal).ShouldBe(Woven.Order(StringComparer.Ordinal));
        var charge = methods.Single(m => m.GetProperty("operation").GetString() == "PaymentService.Charge").GetProperty("settings");
        charge.GetProperty("Profile").GetProperty("value").GetString().ShouldBe("slow");
        charge.GetProperty("Profile").GetProperty("source").GetString().ShouldBe("namespace fabric Shop.Payments.Fabric, rule 1");
        charge.GetProperty("IncludeResult").GetProperty("source").GetString().ShouldBe("project fabric Shop.Fabric, rule 3");
        var priority = methods.Single(m => m.GetProperty("operation").GetString() == "OrderService.Priority").GetProperty("settings");
        priority.GetProperty("ThresholdWarning").GetProperty("source").GetString().ShouldBe("method attribute");
        priority.GetProperty("Profile").GetProperty("source").GetString().ShouldBe("project fabric Shop.Fabric, rule 1");
    }

    private (string?, string?) Thresholds()
    {
        var record = _harness.Single();
        return (record.Field("warning_threshold"), record.Field("critical_threshold"));
    }
}
