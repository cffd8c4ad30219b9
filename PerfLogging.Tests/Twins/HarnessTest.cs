using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Twins;

/// <summary>A twin test with the runtime configured for each test (fake clock, fake log collector) and reset after it.</summary>
public abstract class HarnessTest
{
    private protected RuntimeHarness Harness { get; set; } = null!;

    [SetUp]
    public void ConfigureRuntime() => Harness = new RuntimeHarness();

    [TearDown]
    public void ResetRuntime() => Harness.Dispose();
}
