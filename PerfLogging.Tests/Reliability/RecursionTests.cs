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

    [TestCase("")]
    [TestCase("--public-context-api")]
    public void A_provider_shipping_records_through_woven_async_code_gets_each_record_once(string contextApi)
    {
        // The flag that marks a provider's async work travels in the execution context: switched in place (the default)
        // or through ExecutionContext.Restore (the fallback), the provider receives the record and the one
        // self-diagnostic about the untracked calls, and ships each once.
        var result = ProcessRunner.Run("dotnet", [Program, "Ship", contextApi], timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldBe(0, result.Error);
        var counts = result.Output.Trim().Split(' ').Select(p => int.Parse(p.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        counts[0].ShouldBeInRange(1, 2, result.Output);
        counts[1].ShouldBe(counts[0], result.Output);
    }

    [TestCase("")]
    [TestCase("--public-context-api")]
    public void A_provider_leaving_its_own_execution_context_current_hands_the_caller_back_its_own(string contextApi)
    {
        var result = ProcessRunner.Run("dotnet", [Program, "ContextLeak", contextApi], timeout: TimeSpan.FromMinutes(1));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Trim().ShouldBe("value=caller changes=caller->provider, provider->caller (context)");
    }
}
