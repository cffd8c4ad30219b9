using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Reliability;

/// <summary>
/// A logging provider that calls woven code from IsEnabled, BeginScope or CreateLogger: the calls run untracked
/// instead of recursing. Run in a child process, so a regression (a stack overflow) cannot kill the test host.
/// </summary>
public class RecursionTests
{
    private static readonly string Program = Path.Combine(
        Repository.Root, "PerfLogging.Tests.Recursion", "bin", Repository.BuildConfiguration, "net10.0", "PerfLogging.Tests.Recursion.dll");

    [TestCase("IsEnabled")]
    [TestCase("BeginScope")]
    [TestCase("CreateLogger")]
    public void A_provider_calling_woven_code_does_not_recurse(string fault)
    {
        var result = ProcessRunner.Run("dotnet", [Program, fault], timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldStartWith("calls=3 records=");
        int.Parse(result.Output.Trim().Split("records=")[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(3, 4);
    }
}
