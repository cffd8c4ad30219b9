using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;
using PerfLogging.Runtime;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Runtime;

public class ContainmentTests
{
    [TearDown]
    public void TearDown()
    {
        ResourceReadings.HeapBytes = static () => GC.GetTotalMemory(false);
        ResourceReadings.ProcessorTime = static () => Environment.CpuUsage.TotalTime;
    }

    [TestCase(ThrowingLoggerProvider.Fault.IsEnabled, "LoggerIsEnabled")]
    [TestCase(ThrowingLoggerProvider.Fault.Log, "LoggerLog")]
    public void A_throwing_provider_changes_neither_result_nor_exception_and_is_reported_once(ThrowingLoggerProvider.Fault fault, string kindName)
    {
        var kind = Enum.Parse<SelfDiagnosticKind>(kindName);
        using var harness = new RuntimeHarness(extraProviders: new ThrowingLoggerProvider(fault));
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));
        var thrown = new InvalidOperationException("original");

        for (var i = 0; i < 3; i++)
        {
            Woven.Call(descriptor, () => 21 * 2).ShouldBe(42);
            Should.Throw<InvalidOperationException>(() => Woven.Call<int>(descriptor, () => throw thrown)).ShouldBeSameAs(thrown);
        }

        SelfDiagnostics.Reported.Keys.ShouldContain(kind);
        harness.Collector.GetSnapshot().Count(r => r.Category == SelfDiagnostics.Category && r.Id.Name == kind.ToString()).ShouldBe(1);
    }

    [Test]
    public void A_meter_listener_that_throws_changes_nothing_for_the_caller_and_the_record_is_still_written()
    {
        using var harness = new RuntimeHarness();
        using var listener = ThrowingDurationListener(() => new InvalidOperationException("listener"));
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));

        Woven.Call(descriptor, () => 7).ShouldBe(7);
        Woven.Call(descriptor, () => 8).ShouldBe(8);

        harness.Records.Count.ShouldBe(2);
        harness.Records.ShouldAllBe(r => r.Level == LogLevel.Information && r.Id.Id == 1);
        harness.Collector.GetSnapshot().Count(r => r.Category == SelfDiagnostics.Category && r.Id.Name == nameof(SelfDiagnosticKind.Metrics)).ShouldBe(1);
        TrackingSuppression.InSuppressedFlow.ShouldBeFalse();
    }

    [Test]
    public void A_failure_whose_message_throws_is_reported_without_reaching_the_caller()
    {
        using var harness = new RuntimeHarness();
        using var listener = ThrowingDurationListener(() => new UnprintableException());

        Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () => 7).ShouldBe(7);

        SelfDiagnostics.Reported[SelfDiagnosticKind.Metrics].ShouldEndWith("UnprintableException: (its message could not be read: NotSupportedException)");
        TrackingSuppression.InSuppressedFlow.ShouldBeFalse();
    }

    [Test]
    public void Failing_memory_and_cpu_probes_leave_their_fields_empty_and_the_call_unchanged()
    {
        using var harness = new RuntimeHarness();
        ResourceReadings.HeapBytes = static () => throw new PlatformNotSupportedException("no heap");
        ResourceReadings.ProcessorTime = static () => throw new PlatformNotSupportedException("no cpu");
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeMemory = true, IncludeCpu = true });

        Woven.Call(descriptor, () => 5).ShouldBe(5);
        Woven.Call(descriptor, () => 6).ShouldBe(6);

        harness.Records.Count.ShouldBe(2);
        harness.Records[0].Field("memory_delta_mb").ShouldBeNull();
        harness.Records[0].Field("cpu_percent").ShouldBeNull();
        SelfDiagnostics.Reported.Keys.ShouldBe([SelfDiagnosticKind.MemoryProbe, SelfDiagnosticKind.CpuProbe], ignoreOrder: true);
    }

    [Test]
    public void A_disposed_logger_factory_does_not_break_calls()
    {
        using var harness = new RuntimeHarness();
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));
        harness.Factory.Dispose();

        Woven.Call(descriptor, () => 9).ShouldBe(9);
    }

    private static MeterListener ThrowingDurationListener(Func<Exception> failure)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PerformanceMeter.MeterName && instrument.Name == PerformanceMeter.DurationInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => throw failure());
        listener.Start();
        return listener;
    }

    private sealed class UnprintableException : Exception
    {
        public override string Message => throw new NotSupportedException("message");
    }
}
