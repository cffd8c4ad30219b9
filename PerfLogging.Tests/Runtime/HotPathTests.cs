using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PerfLogging.Runtime;
using PerfLogging.Tests.Support;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Runtime;

public class HotPathTests
{
    [Test]
    public void A_call_under_threshold_with_its_level_disabled_allocates_nothing()
    {
        using var harness = new RuntimeHarness(minimumLevel: LogLevel.Warning);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));
        Run(descriptor, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Run(descriptor, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        sum.ShouldBe(10_000);
        allocated.ShouldBe(0);
        harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void A_completed_task_under_threshold_with_its_level_disabled_allocates_nothing()
    {
        using var harness = new RuntimeHarness(minimumLevel: LogLevel.Warning);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));
        var completed = Task.FromResult(1);
        RunTask(descriptor, completed, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        RunTask(descriptor, completed, 10_000);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Test]
    public void A_disabled_operation_allocates_nothing()
    {
        using var harness = new RuntimeHarness(o => o.Enabled = false);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));
        Run(descriptor, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(descriptor, 10_000);

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Test]
    public void Eight_threads_of_ten_thousand_calls_record_exactly_eighty_thousand_durations()
    {
        using var harness = new RuntimeHarness(minimumLevel: LogLevel.Warning);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute("concurrency_probe"));
        long measurements = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PerformanceMeter.MeterName && instrument.Name == PerformanceMeter.DurationInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: PerformanceMeter.OperationTag, Value: "concurrency_probe" })
                {
                    Interlocked.Increment(ref measurements);
                }
            }
        });
        listener.Start();

        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() => Run(descriptor, 10_000))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Interlocked.Read(ref measurements).ShouldBe(80_000);
    }

    [Test]
    public void The_histogram_is_tagged_with_operation_and_outcome_in_seconds_and_crossings_and_failures_are_counted()
    {
        using var harness = new RuntimeHarness();
        var descriptor = OrderService.Describe(nameof(OrderService.Ship), new PerformanceLoggingAttribute("histogram_probe"));
        var seen = new List<(double Value, string? Outcome, string? Unit)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PerformanceMeter.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (map.GetValueOrDefault(PerformanceMeter.OperationTag) == "histogram_probe")
            {
                seen.Add((value, map.GetValueOrDefault(PerformanceMeter.OutcomeTag), instrument.Unit));
            }
        });
        var counted = new List<(string Instrument, string? Tag)>();
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (map.GetValueOrDefault(PerformanceMeter.OperationTag) == "histogram_probe")
            {
                counted.Add((instrument.Name, map.GetValueOrDefault(PerformanceMeter.ThresholdTag) ?? map.GetValueOrDefault(PerformanceMeter.ErrorTypeTag)));
            }
        });
        listener.Start();

        Woven.CallVoid(descriptor, () => harness.Time.Advance(TimeSpan.FromSeconds(2)));
        Should.Throw<InvalidOperationException>(() => Woven.CallVoid(descriptor, () => throw new InvalidOperationException()));

        seen.ShouldBe([(2.0, "warning", "s"), (0.0, "error", "s")]);
        counted.ShouldBe(
        [
            (PerformanceMeter.ThresholdInstrument, "warning"),
            (PerformanceMeter.FailureInstrument, "System.InvalidOperationException"),
        ]);
    }

    private static int Run(OperationDescriptor descriptor, int calls)
    {
        var sum = 0;
        for (var i = 0; i < calls; i++)
        {
            OperationScope.Start(descriptor, out var scope);
            int result;
            try
            {
                result = 1;
            }
            catch (Exception ex) when (scope.Filter(ex))
            {
                result = 0;
            }

            sum += scope.Complete(result);
        }

        return sum;
    }

    private static void RunTask(OperationDescriptor descriptor, Task<int> completed, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            OperationScope.Start(descriptor, out var scope);
            scope.CompleteTask(completed);
        }
    }
}
