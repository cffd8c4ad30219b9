using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

public class WovenHotPathTests
{
    [Test]
    public void A_woven_call_under_threshold_with_its_level_disabled_allocates_nothing()
    {
        using var harness = new RuntimeHarness(minimumLevel: LogLevel.Warning);
        var calculator = new Calculator();
        for (var i = 0; i < 100; i++)
        {
            calculator.Add(i, 1);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += calculator.Add(i, 1);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBe(0);
        sum.ShouldBe(50_005_000);
        harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void A_woven_completed_task_under_threshold_allocates_nothing_beyond_the_call()
    {
        using var harness = new RuntimeHarness(minimumLevel: LogLevel.Warning);
        var service = new AsyncService();
        var completed = Task.CompletedTask;
        for (var i = 0; i < 100; i++)
        {
            service.NotAsyncTask(completed);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            service.NotAsyncTask(completed).IsCompleted.ShouldBeTrue();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
