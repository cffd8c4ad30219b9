using Microsoft.Extensions.Configuration;
using PerfLogging.Configuration;

namespace PerfLogging.Tests.Configuration;

public class DefaultsTests
{
    [Test]
    public void New_options_hold_the_seed_thresholds()
    {
        var options = new PerformanceLoggingOptions();

        options.Enabled.ShouldBeTrue();
        options.Thresholds.WarningSeconds.ShouldBe(1.0);
        options.Thresholds.CriticalSeconds.ShouldBe(5.0);
        options.Thresholds.MemoryWarningMb.ShouldBe(100);
        options.Thresholds.MemoryCriticalMb.ShouldBe(500);
    }

    [TestCase("fast", 0.1, 0.5)]
    [TestCase("normal", 1.0, 5.0)]
    [TestCase("slow", 10.0, 30.0)]
    [TestCase("FAST", 0.1, 0.5)]
    public void New_options_hold_the_built_in_profiles(string name, double warning, double critical)
    {
        var profile = new PerformanceLoggingOptions().Profiles[name];

        profile.WarningSeconds.ShouldBe(warning);
        profile.CriticalSeconds.ShouldBe(critical);
    }

    [Test]
    public void New_options_hold_exactly_three_profiles_and_no_operations()
    {
        var options = new PerformanceLoggingOptions();

        options.Profiles.Keys.ShouldBe(["fast", "normal", "slow"], ignoreOrder: true);
        options.Operations.ShouldBeEmpty();
    }

    [Test]
    public void New_options_hold_the_seed_metrics_levels_and_fields()
    {
        var options = new PerformanceLoggingOptions();

        options.Metrics.IncludeMemoryUsage.ShouldBeFalse();
        options.Metrics.IncludeCpuUsage.ShouldBeFalse();
        options.Metrics.IncludeFunctionArgs.ShouldBeFalse();
        options.Metrics.IncludeFunctionResult.ShouldBeFalse();
        options.Metrics.MaxArgLength.ShouldBe(200);
        options.Metrics.MaxResultLength.ShouldBe(200);
        options.LogLevels.Success.ShouldBe("Information");
        options.LogLevels.Warning.ShouldBe("Warning");
        options.LogLevels.Critical.ShouldBe("Critical");
        options.LogLevels.Error.ShouldBe("Error");
        options.ContextPrefix.ShouldBe("perf_");
        options.OperationField.ShouldBe("operation");
        options.AutoOperationNaming.ShouldBeTrue();
    }

    [Test]
    public void Operations_and_profiles_are_keyed_case_insensitively()
    {
        var options = new PerformanceLoggingOptions();
        options.Operations["Checkout"] = new OperationOptions { WarningSeconds = 0.5 };

        options.Operations.ContainsKey("checkout").ShouldBeTrue();
        options.Profiles.ContainsKey("Slow").ShouldBeTrue();
    }

    [Test]
    public void Clone_shares_no_mutable_state()
    {
        var options = new PerformanceLoggingOptions();
        var copy = options.Clone();

        copy.Profiles["fast"].WarningSeconds = 9;
        copy.Thresholds.WarningSeconds = 3;

        options.Profiles["fast"].WarningSeconds.ShouldBe(0.1);
        options.Thresholds.WarningSeconds.ShouldBe(1.0);
    }

    [Test]
    public void The_repository_perflogging_json_holds_exactly_the_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Support.Repository.Root, "perflogging.json"))
            .Build();

        var loaded = PerformanceLoggingConfiguration.Load(configuration);

        System.Text.Json.JsonSerializer.Serialize(loaded).ShouldBe(System.Text.Json.JsonSerializer.Serialize(new PerformanceLoggingOptions()));
    }
}
