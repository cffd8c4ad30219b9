using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Configuration;

public class BindingTests
{
    private const string Options = """
        "Enabled": false,
        "Thresholds": { "WarningSeconds": 0.25, "CriticalSeconds": 2 },
        "Profiles": { "api": { "WarningSeconds": 0.05, "CriticalSeconds": 0.2 }, "fast": { "WarningSeconds": 0.02 } },
        "Metrics": { "IncludeFunctionArgs": true, "MaxArgLength": 64 },
        "LogLevels": { "Success": "Debug" },
        "ContextPrefix": "p_",
        "Operations": { "checkout": { "Enabled": false, "CriticalSeconds": 9 } }
        """;

    private TempDirectory _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempDirectory();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase(true)]
    [TestCase(false)]
    public void Perflogging_json_binds_with_or_without_the_wrapper(bool wrapped)
    {
        var json = wrapped ? $$"""{ "$schema": "x", "PerformanceLogging": { {{Options}} } }""" : $$"""{ "$schema": "x", {{Options}} }""";
        var file = _folder.Write("perflogging.json", json);

        var options = PerformanceLoggingConfiguration.Load(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build());

        AssertBound(options);
    }

    [Test]
    public void The_PerformanceLogging_section_of_appsettings_binds()
    {
        var file = _folder.Write("appsettings.json", $$"""{ "Logging": { "LogLevel": { "Default": "Warning" } }, "PerformanceLogging": { {{Options}} } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        AssertBound(PerformanceLoggingConfiguration.Load(configuration));
        AssertBound(PerformanceLoggingConfiguration.Load(configuration.GetSection("PerformanceLogging")));
    }

    [Test]
    public void Profiles_from_json_add_to_the_built_in_ones_and_a_built_in_name_is_replaced()
    {
        var file = _folder.Write("perflogging.json", $$"""{ {{Options}} }""");

        var options = PerformanceLoggingConfiguration.Load(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build());

        options.Profiles.Keys.ShouldBe(["fast", "normal", "slow", "api"], ignoreOrder: true);
        options.Profiles["normal"].WarningSeconds.ShouldBe(1.0);
        options.Profiles["slow"].CriticalSeconds.ShouldBe(30.0);

        // Replaced as a whole: the critical threshold it leaves out comes from Thresholds, not from built-in fast (0.5).
        options.Profiles["fast"].WarningSeconds.ShouldBe(0.02);
        options.Profiles["fast"].CriticalSeconds.ShouldBe(2);
    }

    [Test]
    public void A_value_of_the_wrong_type_is_reported_with_its_key()
    {
        var file = _folder.Write("perflogging.json", """{ "Thresholds": { "WarningSeconds": "soon" } }""");

        var error = Should.Throw<OptionsValidationException>(
            () => PerformanceLoggingConfiguration.Load(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build()));

        error.Message.ShouldContain("'Thresholds:WarningSeconds' is \"soon\": PerfLogging reads it as a number. Write a number there.");
    }

    [Test]
    public void Every_value_of_the_wrong_type_is_reported_with_the_rules_the_others_break()
    {
        var file = _folder.Write("perflogging.json", """{ "Enabled": "yes", "Thresholds": { "WarningSeconds": "soon", "CriticalSeconds": -1 }, "Metrics": { "MaxArgLength": "16.5" } }""");

        var error = Should.Throw<OptionsValidationException>(
            () => PerformanceLoggingConfiguration.Load(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build()));

        error.Message.Split('\n').Select(l => l.TrimEnd()).ShouldBe(
        [
            "PerformanceLoggingOptions is invalid (4 problems):",
            "  - 'Enabled' is \"yes\": PerfLogging reads it as true or false. Write true or false there.",
            "  - 'Metrics:MaxArgLength' is \"16.5\": PerfLogging reads it as a whole number. Write a whole number there.",
            "  - 'Thresholds:WarningSeconds' is \"soon\": PerfLogging reads it as a number. Write a number there.",
            "  - 'Thresholds:CriticalSeconds' is -1 s: a threshold cannot be negative. Set it to 0 or more seconds.",
        ]);
    }

    [Test]
    public async Task A_host_with_invalid_options_fails_to_start_listing_every_problem()
    {
        var file = _folder.Write("perflogging.json", """{ "Thresholds": { "WarningSeconds": 6, "CriticalSeconds": 5 }, "LogLevels": { "Error": "Oops" } }""");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddPerformanceLoggingJsonFile(file);
        builder.Services.AddPerformanceLogging(builder.Configuration);
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldStartWith("PerformanceLoggingOptions is invalid (2 problems):");
        error.Message.ShouldContain("'Thresholds:WarningSeconds' (6 s) is above 'Thresholds:CriticalSeconds' (5 s)");
        error.Message.ShouldContain("'LogLevels:Error' is 'Oops'");
    }

    [Test]
    public async Task A_host_with_options_configured_in_code_starts_and_exposes_them()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPerformanceLogging(o => o.Thresholds.WarningSeconds = 0.3);
        using var host = builder.Build();

        await host.StartAsync();

        host.Services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>().CurrentValue.Thresholds.WarningSeconds.ShouldBe(0.3);
        await host.StopAsync();
    }

    [Test]
    public async Task A_host_with_options_configured_in_code_rejects_invalid_ones_on_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPerformanceLogging(o => o.Metrics.MaxResultLength = 0);
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("'Metrics:MaxResultLength' is 0");
    }

    private static void AssertBound(PerformanceLoggingOptions options)
    {
        options.Enabled.ShouldBeFalse();
        options.Thresholds.WarningSeconds.ShouldBe(0.25);
        options.Thresholds.CriticalSeconds.ShouldBe(2);
        options.Thresholds.MemoryWarningMb.ShouldBe(100);
        options.Profiles["api"].WarningSeconds.ShouldBe(0.05);
        options.Profiles["api"].CriticalSeconds.ShouldBe(0.2);
        options.Metrics.IncludeFunctionArgs.ShouldBeTrue();
        options.Metrics.MaxArgLength.ShouldBe(64);
        options.Metrics.MaxResultLength.ShouldBe(200);
        options.LogLevels.Success.ShouldBe("Debug");
        options.LogLevels.Warning.ShouldBe("Warning");
        options.ContextPrefix.ShouldBe("p_");
        options.Operations["CHECKOUT"].Enabled.ShouldBeFalse();
        options.Operations["checkout"].WarningSeconds.ShouldBeNull();
        options.Operations["checkout"].CriticalSeconds.ShouldBe(9);
    }
}
