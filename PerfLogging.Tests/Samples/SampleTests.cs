using System.Diagnostics;
using System.Text.Json;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Samples;

public class SampleTests
{
    private static ProcessRunner.Result RunSample(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Repository.SampleDll, .. arguments]);

    [Test]
    public void With_the_repository_configuration_it_prints_the_effective_thresholds_and_profiles()
    {
        var result = RunSample("--config-only");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("  Default thresholds: warning 1 s, critical 5 s");
        result.Output.ShouldContain("    fast       warning    0.1 s   critical    0.5 s");
        result.Output.ShouldContain("    slow       warning     10 s   critical     30 s");

        // From the sample's appsettings.json, over perflogging.json.
        result.Output.ShouldContain("    api        warning   0.05 s   critical    0.2 s");
        result.Output.ShouldContain("    payment_charge enabled True, warning 0.5 s, critical 2 s");
    }

    [Test]
    public void With_an_invalid_file_it_exits_non_zero_naming_every_problem_without_a_stack_trace()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """
            { "PerformanceLogging": {
                "Thresholds": { "WarningSeconds": 8, "CriticalSeconds": 4 },
                "Profiles": { "batch": { "WarningSeconds": -1, "CriticalSeconds": 1 } },
                "LogLevels": { "Warning": "Loud" } } }
            """);

        var result = RunSample("--config", file);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("PerformanceLoggingOptions is invalid (3 problems):");
        result.Error.ShouldContain("'Thresholds:WarningSeconds' (8 s) is above 'Thresholds:CriticalSeconds' (4 s)");
        result.Error.ShouldContain("'Profiles:batch:WarningSeconds' is -1 s: a threshold cannot be negative.");
        result.Error.ShouldContain("'LogLevels:Warning' is 'Loud': not a log level.");
        (result.Output + result.Error).ShouldNotContain("   at ");
    }

    [Test]
    public void With_malformed_json_it_exits_non_zero_naming_the_file_and_position()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", "{ \"Thresholds\": { \"WarningSeconds\": 1 ");

        var result = RunSample("--config", file);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(file);
        result.Error.ShouldContain("LineNumber: 0");
        (result.Output + result.Error).ShouldNotContain("   at ");
    }

    [Test]
    public void The_order_service_scenario_logs_json_lines_and_prints_the_summary_in_under_ten_seconds()
    {
        var clock = Stopwatch.StartNew();
        var result = RunSample();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));

        result.ExitCode.ShouldBe(0, result.Error);
        var all = result.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var lines = all.Where(l => l.TryGetProperty("performance", out _)).ToList();

        // The application's own record inside an operation carries it through log enrichment, and no performance block.
        var saved = all.Where(l => l.GetProperty("message").GetString()!.StartsWith("Order 1 saved", StringComparison.Ordinal)).ShouldHaveSingleItem();
        saved.GetProperty("context").GetProperty("operation").GetString().ShouldBe("OrderService.PlaceAsync");
        saved.GetProperty("context").GetProperty("request_id").GetString().ShouldBe("req_101");
        var operations = lines.Select(l => l.GetProperty("performance").GetProperty("operation_name").GetString()).Distinct().ToList();
        operations.ShouldBe(
            ["OrderService.Validate", "OrderRepository.Save", "payment_charge", "OrderService.PlaceAsync", "PaymentGateway.LookupLoyalty",
             "OrderRepository.FindAsync", "InventoryService.Reserve", "pricing_refresh", "OrderService.ReconcileAsync", "OrderRepository.Scan",
             "OrderService.CountOpenOrders", "nightly_export"],
            ignoreOrder: true);

        var charge = lines.First(l => l.GetProperty("performance").GetProperty("operation_name").GetString() == "payment_charge");
        charge.GetProperty("performance").GetProperty("args_summary").GetString().ShouldEndWith("cardNumber=***");
        charge.GetProperty("context").GetProperty("component").GetString().ShouldBe("payments");
        charge.GetProperty("context").GetProperty("request_id").GetString().ShouldBe("req_101");
        charge.GetProperty("context").GetProperty("parent_operation").GetString().ShouldBe("OrderService.PlaceAsync");
        lines.Select(l => l.GetProperty("level").GetString()).ShouldContain("Critical");
        lines.Count(l => l.GetProperty("level").GetString() == "Error").ShouldBe(3);

        var save = lines.First(l => l.GetProperty("performance").GetProperty("operation_name").GetString() == "OrderRepository.Save");
        save.GetProperty("performance").GetProperty("warning_threshold").GetDouble().ShouldBe(0.05);
        save.GetProperty("performance").GetProperty("allocated_bytes").GetInt64().ShouldBeGreaterThan(0);

        result.Output.ShouldContain("Operation summary");
        Row(result.Output, "pricing_refresh").ShouldBe(["3", "1", "1", "0"]);
        Row(result.Output, "PaymentGateway.PingFraudService").ShouldBe(["1", "0", "0", "1"]);
        Row(result.Output, "payment_charge").ShouldBe(["7", "0", "0", "1"]);
        result.Output.ShouldNotContain("InventoryService.Available");
    }

    [Test]
    public void The_OpenTelemetry_switch_exports_spans_and_the_duration_histogram_to_the_console()
    {
        var result = RunSample("--Sample:OpenTelemetry=console");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Activity.DisplayName:        payment_charge");
        result.Output.ShouldContain("perflogging.operation.duration");
        result.Output.ShouldContain("    request_id: req_101");
    }

    [Test]
    public void By_default_the_sample_exports_no_telemetry() =>
        RunSample().Output.ShouldNotContain("Activity.DisplayName");

    /// <summary>Calls, warnings, critical and errors of one summary row.</summary>
    private static string[] Row(string output, string operation)
    {
        var cells = output.Split('\n').Single(l => l.StartsWith(operation + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [cells[1], cells[6], cells[7], cells[8]];
    }
}
