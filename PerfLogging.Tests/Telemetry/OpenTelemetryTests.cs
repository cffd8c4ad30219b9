using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Telemetry;

/// <summary>The PerfLogging meter and ActivitySource through the OpenTelemetry SDK and its in-memory exporter.</summary>
public class OpenTelemetryTests
{
    private static RuntimeHarness Harness(bool tracing) => new(o => o.Tracing.Enabled = tracing);

    [Test]
    public async Task Woven_calls_are_histogram_points_in_seconds_tagged_by_operation_and_outcome()
    {
        var metrics = new List<Metric>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter("PerfLogging").AddInMemoryExporter(metrics).Build();
        using var harness = Harness(tracing: false);
        PerformanceLogging.Configure(harness.Factory, harness.Options);

        new Calculator().Add(1, 2);
        new Calculator().Add(3, 4);
        await new AsyncService().ComputeAsync(1);
        Should.Throw<InvalidOperationException>(() => new Failures().Raise(1));
        meterProvider.ForceFlush();

        var duration = metrics.Single(m => m.Name == "perflogging.operation.duration");
        duration.Unit.ShouldBe("s");
        duration.MetricType.ShouldBe(MetricType.Histogram);
        var points = new List<(string Operation, string Outcome, long Count, double Sum, double[] Bounds)>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            var bounds = new List<double>();
            foreach (var bucket in point.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }

            points.Add(((string)tags["operation"]!, (string)tags["outcome"]!, point.GetHistogramCount(), point.GetHistogramSum(), [.. bounds]));
        }

        points.Select(p => (p.Operation, p.Outcome, p.Count)).ShouldBe(
            [("Calculator.Add", "success", 2), ("AsyncService.ComputeAsync", "success", 1), ("Failures.Raise", "error", 1)],
            ignoreOrder: true);
        points.Single(p => p.Operation == "AsyncService.ComputeAsync").Sum.ShouldBeGreaterThan(0.015);
        points[0].Bounds.Take(3).ShouldBe([0.0001, 0.00025, 0.0005]);
        points[0].Bounds.ShouldContain(60);
        metrics.Single(m => m.Name == "perflogging.operation.failures").MetricType.ShouldBe(MetricType.LongSum);
    }

    [Test]
    public async Task With_tracing_on_each_woven_call_is_a_span_with_the_record_tags_and_an_error_status_on_failure()
    {
        var spans = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource("PerfLogging").AddInMemoryExporter(spans).Build();
        using var harness = Harness(tracing: true);
        PerformanceLogging.Configure(harness.Factory, harness.Options);

        using (PerformanceContext.BeginRequest("req_9"))
        {
            new Calculator().Factorial(2);
            await new AsyncService().ComputeAsync(2);
            Should.Throw<InvalidOperationException>(() => new Failures().Raise(1));
        }

        tracerProvider.ForceFlush();
        spans.Select(s => s.DisplayName).ShouldBe(
            ["Calculator.Factorial", "Calculator.Factorial", "AsyncService.ComputeAsync", "Failures.Raise"]);
        var inner = spans[0];
        var outer = spans[1];
        inner.ParentSpanId.ShouldBe(outer.SpanId);
        inner.TraceId.ShouldBe(outer.TraceId);
        outer.GetTagItem("operation_name").ShouldBe("Calculator.Factorial");
        outer.GetTagItem("class_name").ShouldBe("Calculator");
        outer.GetTagItem("success").ShouldBe(true);
        outer.GetTagItem("warning_threshold").ShouldBe(1.0);
        outer.GetTagItem("request_id").ShouldBe("req_9");
        spans[2].Duration.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(15));
        var failed = spans[3];
        failed.Status.ShouldBe(ActivityStatusCode.Error);
        failed.StatusDescription.ShouldBe("failed with 2");
        failed.GetTagItem("error_type").ShouldBe("InvalidOperationException");

        var record = harness.Records.First(r => r.Field("operation_name") == "Failures.Raise");
        record.Field("span_id").ShouldBe(failed.SpanId.ToString());
        Activity.Current.ShouldBeNull();
    }

    [Test]
    public void With_tracing_off_no_span_is_started()
    {
        var spans = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource("PerfLogging").AddInMemoryExporter(spans).Build();
        using var harness = Harness(tracing: false);

        new Calculator().Add(1, 1);
        tracerProvider.ForceFlush();

        spans.ShouldBeEmpty();
    }

    [Test]
    public async Task A_span_lasts_as_long_as_its_operation_not_as_long_as_recording_it()
    {
        var spans = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource("PerfLogging").AddInMemoryExporter(spans).Build();
        using var harness = Harness(tracing: true);
        PerformanceLogging.Configure(harness.Factory, harness.Options);

        // A slow metrics listener runs between the operation's end and the span's stop.
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "PerfLogging")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Thread.Sleep(200));
        listener.Start();

        await new AsyncService().ComputeAsync(1);
        tracerProvider.ForceFlush();

        var span = spans.Single();
        var seconds = double.Parse(harness.Single().Field("duration_seconds")!, System.Globalization.CultureInfo.InvariantCulture);
        span.Duration.TotalSeconds.ShouldBe(seconds, tolerance: 0.001);
    }

    [Test]
    public void A_span_ends_after_every_child_that_ended_inside_its_operation()
    {
        var spans = new List<Activity>();
        using var childSource = new ActivitySource("Tests.Child");
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource("PerfLogging").AddSource("Tests.Child").AddInMemoryExporter(spans).Build();
        using var harness = Harness(tracing: true);
        PerformanceLogging.Configure(harness.Factory, harness.Options);

        var late = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            spans.Clear();
            Algorithms.GetOrAdd(new Dictionary<int, List<int>>(), i, _ =>
            {
                using var child = childSource.StartActivity("child");
                Thread.SpinWait(1000);
                return new List<int>();
            });
            tracerProvider.ForceFlush();

            var parent = spans.Single(s => s.Source.Name == "PerfLogging");
            var child = spans.Single(s => s.Source.Name == "Tests.Child");
            child.ParentSpanId.ShouldBe(parent.SpanId);
            if (child.StartTimeUtc + child.Duration > parent.StartTimeUtc + parent.Duration)
            {
                late.Add($"call {i}: the child ends {(child.StartTimeUtc + child.Duration - parent.StartTimeUtc - parent.Duration).TotalMicroseconds} us after its parent");
            }
        }

        late.ShouldBeEmpty();
    }
}
