using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Tests.Analyzers;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Configuration;

public class ReloadTests
{
    private static (IConfigurationRoot Configuration, ServiceProvider Services, FakeLogCollector Log) Create(string file)
    {
        var configuration = new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build();
        var collector = new FakeLogCollector();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector)))
            .AddPerformanceLoggingOptions(configuration).Services
            .BuildServiceProvider();
        return (configuration, services, collector);
    }

    [Test]
    public void A_reload_to_invalid_values_keeps_the_last_valid_options_and_logs_one_error()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """{ "Thresholds": { "WarningSeconds": 0.5 } }""");
        var (configuration, services, collector) = Create(file);
        using var scope = services;
        var monitor = services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>();
        monitor.CurrentValue.Thresholds.WarningSeconds.ShouldBe(0.5);

        File.WriteAllText(file, """{ "Thresholds": { "WarningSeconds": 9 } }""");
        configuration.Reload();

        monitor.CurrentValue.Thresholds.WarningSeconds.ShouldBe(0.5);
        var error = collector.GetSnapshot().ShouldHaveSingleItem(string.Join("\n", collector.GetSnapshot().Select(r => r.Message)));
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain("the last valid options stay in effect");
        error.Message.ShouldContain("'Thresholds:WarningSeconds' (9 s) is above 'Thresholds:CriticalSeconds' (5 s)");

        File.WriteAllText(file, """{ "Thresholds": { "WarningSeconds": 2 } }""");
        configuration.Reload();

        monitor.CurrentValue.Thresholds.WarningSeconds.ShouldBe(2);
    }

    [Test]
    public void A_reload_to_malformed_json_keeps_the_last_values_and_logs_one_error()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """{ "Thresholds": { "WarningSeconds": 0.5 } }""");
        var (configuration, services, collector) = Create(file);
        using var scope = services;
        var monitor = services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>();
        _ = monitor.CurrentValue;

        File.WriteAllText(file, """{ "Thresholds": { "WarningSeconds": """);
        configuration.Reload();

        monitor.CurrentValue.Thresholds.WarningSeconds.ShouldBe(0.5);
        configuration["PerformanceLogging:Thresholds:WarningSeconds"].ShouldBe("0.5");
        var error = collector.GetSnapshot().ShouldHaveSingleItem();
        error.Message.ShouldContain("could not be reloaded, the last valid options stay in effect");
    }

    [Test]
    public void A_reload_error_names_the_line_and_column_the_builds_PERF004_names()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """{ "Enabled": true }""");
        var (configuration, services, collector) = Create(file);
        using var scope = services;
        _ = services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>().CurrentValue;

        // The document PERF004_points_at_the_offending_character locates at perflogging.json(3,3).
        File.WriteAllText(file, "{\n  \"Enabled\": true\n  \"Thresholds\": {}\n}");
        configuration.Reload();

        collector.GetSnapshot().ShouldHaveSingleItem().Message.ShouldStartWith(
            "'perflogging.json' at line 3, column 3 could not be reloaded, the last valid options stay in effect: " +
            "'\"' is invalid after a value. Expected either ',', '}', or ']'. Fix the JSON; the next valid save is picked up.");
    }

    [TestCase("{\n  \"OperationField\": \"opération\" \"Enabled\": true\n}")]
    [TestCase("{\n  \"OperationField\": \"操作\" \"Enabled\": true\n}")]
    [TestCase("{ /* é */ \"Enabled\": true \"Thresholds\": {} }")]
    [TestCase("\uFEFF{\r\n  \"Enabled\": true\r\n  \"Thresholds\": {}\r\n}")]
    [TestCase("{\n  \"Enabled\": true,\n  \"Enabled\": false\n}")]
    [TestCase("{ \"Thresholds\": { \"WarningSeconds\": 1 },\n  \"thresholds\": { \"warningseconds\": 2 } }")]
    public void A_reload_error_names_the_position_PERF004_names_for_the_same_document(string document)
    {
        var perf004 = AnalyzerRunner.Run("class Plain { }", ("perflogging.json", document.TrimStart('\uFEFF'))).ShouldHaveSingleItem();
        perf004.Id.ShouldBe("PERF004");
        var position = perf004.Where()["perflogging.json(".Length..^1].Split(',');

        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", """{ "Enabled": true }""");
        var (configuration, services, collector) = Create(file);
        using var scope = services;
        _ = services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>().CurrentValue;
        File.WriteAllText(file, document);
        configuration.Reload();

        collector.GetSnapshot().ShouldHaveSingleItem().Message.ShouldStartWith($"'perflogging.json' at line {position[0]}, column {position[1]} could not be reloaded");
    }
}
