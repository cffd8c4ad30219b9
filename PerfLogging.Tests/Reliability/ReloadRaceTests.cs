using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PerfLogging.Configuration;
using PerfLogging.Runtime;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Reliability;

/// <summary>Option updates, Configure and host start/stop serialise: nothing lost, nothing mixed, nothing undone.</summary>
public class ReloadRaceTests
{
    [TearDown]
    public void TearDown() => PerformanceLogging.Reset();

    /// <summary>Configuration <paramref name="i"/>: warning i + 0.25 s, critical i + 0.5 s, so a mixed record is visible.</summary>
    private static PerformanceLoggingOptions Options(int i)
    {
        var options = new PerformanceLoggingOptions();
        options.Thresholds.WarningSeconds = i + 0.25;
        options.Thresholds.CriticalSeconds = i + 0.5;
        return options;
    }

    [Test]
    public void A_thousand_reloads_racing_eight_callers_and_Configure_lose_no_record_and_never_mix_settings()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        PerformanceLogging.Configure(factory, Options(0));
        using var stop = new CancellationTokenSource();
        var calls = new int[8];
        var callers = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var calculator = new Calculator();
            while (!stop.IsCancellationRequested)
            {
                calculator.Add(t, 1);
                calls[t]++;
            }
        })).ToList();
        callers.ForEach(t => t.Start());

        var reloads = new Thread(() =>
        {
            for (var i = 1; i <= 1_000; i++)
            {
                PerformanceRuntime.UpdateOptions(Options(i));
            }
        });
        var configures = new Thread(() =>
        {
            for (var j = 0; j < 50; j++)
            {
                PerformanceLogging.Configure(factory, Options(10_000 + j));
            }
        });
        reloads.Start();
        configures.Start();
        reloads.Join();
        configures.Join();
        PerformanceRuntime.UpdateOptions(Options(20_000));
        Thread.Sleep(50);
        stop.Cancel();
        callers.ForEach(t => t.Join());

        var records = collector.GetSnapshot().Where(r => r.GetStructuredStateValue("operation_name") == "Calculator.Add").ToList();
        records.Count.ShouldBe(calls.Sum());
        foreach (var record in records)
        {
            var warning = double.Parse(record.GetStructuredStateValue("warning_threshold")!, System.Globalization.CultureInfo.InvariantCulture);
            var critical = double.Parse(record.GetStructuredStateValue("critical_threshold")!, System.Globalization.CultureInfo.InvariantCulture);
            (critical - warning).ShouldBe(0.25, $"a record mixed two configurations: warning {warning}, critical {critical}");
        }

        PerformanceRuntime.State.Options.Thresholds.WarningSeconds.ShouldBe(20_000.25);
        PerformanceRuntime.State.LoggerFactory.ShouldBeSameAs(factory);
    }

    [Test]
    public async Task A_reload_after_the_host_stopped_cannot_put_its_disposed_logging_back()
    {
        var source = new Dictionary<string, string?> { ["PerformanceLogging:Thresholds:WarningSeconds"] = "0.5" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPerformanceLogging(configuration.GetSection("PerformanceLogging"));
        using var host = builder.Build();

        await host.StartAsync();
        PerformanceRuntime.State.IsLoggingConfigured.ShouldBeTrue();
        configuration["PerformanceLogging:Thresholds:WarningSeconds"] = "0.75";
        configuration.Reload();
        PerformanceRuntime.State.Options.Thresholds.WarningSeconds.ShouldBe(0.75);

        await host.StopAsync();
        configuration["PerformanceLogging:Thresholds:WarningSeconds"] = "0.9";
        configuration.Reload();

        PerformanceRuntime.State.IsLoggingConfigured.ShouldBeFalse();
    }
}
