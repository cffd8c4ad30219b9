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
        result.Output.ShouldContain("    checkout   enabled True, warning 0.5 s, critical 2 s");
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
}
