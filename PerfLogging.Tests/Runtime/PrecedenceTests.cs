using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PerfLogging.Configuration;
using PerfLogging.Runtime;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Runtime;

public class PrecedenceTests
{
    private static (string Warning, string Critical) ThresholdsOf(Action<PerformanceLoggingOptions> configure, PerformanceAspectAttribute aspect)
    {
        using var harness = new RuntimeHarness(configure);
        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship), aspect), () => { });
        var record = harness.Single();
        return (record.Field("warning_threshold")!, record.Field("critical_threshold")!);
    }

    [Test]
    public void Without_settings_the_configuration_defaults_apply() =>
        ThresholdsOf(o => o.Thresholds.WarningSeconds = 2, new PerformanceLoggingAttribute()).ShouldBe(("2", "5"));

    [Test]
    public void A_profile_overrides_the_defaults() =>
        ThresholdsOf(_ => { }, new PerformanceProfileAttribute("fast")).ShouldBe(("0.1", "0.5"));

    [Test]
    public void A_profile_defined_in_configuration_is_found_case_insensitively() =>
        ThresholdsOf(o => o.Profiles["api"] = new ProfileOptions { WarningSeconds = 0.05, CriticalSeconds = 0.2 }, new PerformanceProfileAttribute("API"))
            .ShouldBe(("0.05", "0.2"));

    [Test]
    public void An_operations_entry_overrides_the_profile() =>
        ThresholdsOf(
            o => o.Operations["OrderService.Ship"] = new OperationOptions { WarningSeconds = 0.3 },
            new PerformanceProfileAttribute("fast")).ShouldBe(("0.3", "0.5"));

    [Test]
    public void An_explicit_attribute_threshold_overrides_the_operations_entry() =>
        ThresholdsOf(
            o => o.Operations["OrderService.Ship"] = new OperationOptions { WarningSeconds = 0.3, CriticalSeconds = 3 },
            new PerformanceProfileAttribute("fast") { ThresholdCritical = 4 }).ShouldBe(("0.3", "4"));

    [Test]
    public void An_unknown_profile_falls_back_to_the_defaults() =>
        ThresholdsOf(_ => { }, new PerformanceProfileAttribute("turbo")).ShouldBe(("1", "5"));

    [Test]
    public void Disabled_logging_records_nothing()
    {
        using var harness = new RuntimeHarness(o => o.Enabled = false);

        Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () => 5).ShouldBe(5);

        harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void Tracking_switched_off_and_on_again_takes_effect_on_the_next_call()
    {
        using var harness = new RuntimeHarness();
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));

        harness.Options.Enabled = false;
        PerformanceRuntime.UpdateOptions(harness.Options);
        Woven.Call(descriptor, () => 1).ShouldBe(1);
        harness.Records.ShouldBeEmpty();

        harness.Options.Enabled = true;
        PerformanceRuntime.UpdateOptions(harness.Options);
        Woven.Call(descriptor, () => 2).ShouldBe(2);
        harness.Single().Field("operation_name").ShouldBe("OrderService.Submit");

        PerformanceLogging.Configure(harness.Factory, new PerformanceLoggingOptions { Enabled = false }, harness.Time);
        Woven.Call(descriptor, () => 3).ShouldBe(3);
        harness.Records.Count.ShouldBe(1);
    }

    [Test]
    public void A_disabled_operations_entry_records_nothing_for_that_operation_only()
    {
        using var harness = new RuntimeHarness(o => o.Operations["OrderService.Ship"] = new OperationOptions { Enabled = false });

        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => { });
        Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () => 1);

        harness.Single().Field("operation_name").ShouldBe("OrderService.Submit");
    }

    [Test]
    public async Task A_reload_changes_the_threshold_of_the_next_call_without_a_restart()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """{ "Thresholds": { "WarningSeconds": 10, "CriticalSeconds": 20 } }""");
        var collector = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddPerformanceLoggingJsonFile(file);
        builder.Logging.AddProvider(new FakeLoggerProvider(collector));
        builder.Services.AddPerformanceLogging(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var descriptor = OrderService.Describe(nameof(OrderService.Ship));
        try
        {
            Woven.CallVoid(descriptor, () => { });
            File.WriteAllText(file, """{ "Thresholds": { "WarningSeconds": 0, "CriticalSeconds": 20 } }""");
            ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Reload();
            Woven.CallVoid(descriptor, () => Thread.Sleep(2));
        }
        finally
        {
            await host.StopAsync();
        }

        var records = collector.GetSnapshot().Where(r => r.Category == typeof(OrderService).FullName).ToList();
        records.Select(r => r.GetStructuredStateValue("warning_threshold")).ShouldBe(["10", "0"]);
        records[1].Level.ShouldBe(LogLevel.Warning);
    }
}
