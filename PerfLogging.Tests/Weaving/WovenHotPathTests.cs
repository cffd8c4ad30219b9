using Microsoft.Extensions.Logging;
using PerfLogging.Configuration;
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

    [Test]
    public void A_woven_call_logged_to_a_provider_that_does_not_read_the_fields_allocates_nothing()
    {
        // Like LoggerMessage.Define: the record's state is a struct, the operation is ambient without an
        // AsyncLocal write, and the fields are computed only when a provider reads them.
        var provider = new CountingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        PerformanceLogging.Configure(factory, new PerformanceLoggingOptions());
        try
        {
            var calculator = new Calculator();
            for (var i = 0; i < 100; i++)
            {
                calculator.Add(i, 1);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                calculator.Add(i, 1);
            }

            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
            provider.Records.ShouldBe(10_100);
            provider.Scopes.ShouldBe(0);
        }
        finally
        {
            PerformanceLogging.Reset();
        }
    }

    private sealed class CountingLoggerProvider : TestLoggerProvider
    {
        public int Records { get; private set; }

        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Information && eventId.Id == 1)
            {
                Records++;
            }
        }
    }
}
