using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Runtime;

public class ContextTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void Performance_context_fields_of_type_and_method_are_structured_properties()
    {
        Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () => 1);

        _harness.Single().Field("component").ShouldBe("orders");
        _harness.Single().Field("layer").ShouldBe("service");
    }

    [Test]
    public void A_provider_reading_a_kept_state_after_the_request_and_the_activity_ended_reads_the_records_context()
    {
        // A batching provider keeps the state and reads it later: the context is the one the record was written in.
        _harness.Dispose();
        var kept = new StateCaptureProvider();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, kept);
        var outer = OrderService.Describe(nameof(OrderService.Submit));
        var inner = OrderService.Describe(nameof(OrderService.Ship));
        using var source = new ActivitySource("ContextTests.Kept");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        string spanId;
        using (PerformanceContext.BeginRequest("req_kept", [new("tenant", "acme")]))
        {
            using var activity = source.StartActivity("work")!;
            traceId = activity.TraceId.ToString();
            spanId = activity.SpanId.ToString();
            Woven.Call(outer, () => Woven.Call(inner, () => 1));
        }

        Activity.Current.ShouldBeNull();
        var read = kept.States.Select(state => state.Where(p => p.Key is "operation_name" or "request_id" or "tenant" or "parent_operation" or "trace_id" or "span_id")
            .Select(p => $"{p.Key}={p.Value}")).Select(fields => string.Join(" ", fields)).ToList();
        read.ShouldBe(
        [
            $"operation_name=OrderService.Ship request_id=req_kept tenant=acme parent_operation=OrderService.Submit trace_id={traceId} span_id={spanId}",
            $"operation_name=OrderService.Submit request_id=req_kept tenant=acme trace_id={traceId} span_id={spanId}",
        ]);
        _harness.Records.Select(r => r.Field("request_id")).ShouldBe(["req_kept", "req_kept"]);
    }

    [Test]
    public void The_request_id_and_request_fields_appear_on_records_inside_the_request_only()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Ship));
        using (PerformanceContext.BeginRequest("req_123", [new("tenant", "acme")]))
        {
            PerformanceContext.RequestId.ShouldBe("req_123");
            Woven.CallVoid(descriptor, () => { });
        }

        Woven.CallVoid(descriptor, () => { });

        PerformanceContext.RequestId.ShouldBeNull();
        _harness.Records[0].Field("request_id").ShouldBe("req_123");
        _harness.Records[0].Field("tenant").ShouldBe("acme");
        _harness.Records[1].Field("request_id").ShouldBeNull();
    }

    [Test]
    public async Task The_request_id_flows_into_async_completion()
    {
        var source = new TaskCompletionSource();
        Task returned;
        using (PerformanceContext.BeginRequest("req_async"))
        {
            returned = Woven.CallTask(OrderService.Describe(nameof(OrderService.Ship)), async () => await source.Task);
        }

        source.SetResult();
        await returned;

        _harness.Single().Field("request_id").ShouldBe("req_async");
    }

    [Test]
    public void A_nested_operation_knows_its_parent_and_the_parent_is_restored_after()
    {
        var outer = OrderService.Describe(nameof(OrderService.Submit));
        var inner = OrderService.Describe(nameof(OrderService.Ship));
        string? during = null;

        Woven.Call(outer, () =>
        {
            Woven.CallVoid(inner, () => during = PerformanceContext.CurrentOperation);
            PerformanceContext.CurrentOperation.ShouldBe("OrderService.Submit");
            return 1;
        });

        during.ShouldBe("OrderService.Ship");
        PerformanceContext.CurrentOperation.ShouldBeNull();
        var innerRecord = _harness.Records.Single(r => r.Field("operation_name") == "OrderService.Ship");
        innerRecord.Field("parent_operation").ShouldBe("OrderService.Submit");
        _harness.Records.Single(r => r.Field("operation_name") == "OrderService.Submit").Field("parent_operation").ShouldBeNull();
    }

    [Test]
    public void Records_written_inside_an_operation_carry_the_operation_field_through_enrichment_not_a_scope()
    {
        using var harness = Enriched();
        var logger = harness.Factory.CreateLogger("Shop.Inner");

        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => logger.LogInformation("inside"));
        logger.LogInformation("outside");

        var inside = harness.Records.Single(r => r.Message == "inside");
        inside.Field("operation").ShouldBe("OrderService.Ship");
        inside.Scopes.ShouldBeEmpty();
        harness.Records.Single(r => r.Message == "outside").Field("operation").ShouldBeNull();
        var own = harness.Records.Single(r => r.Field("operation_name") == "OrderService.Ship");
        own.Field("operation").ShouldBeNull();
        own.Scopes.ShouldBeEmpty();
    }

    [Test]
    public void The_operation_field_name_comes_from_configuration()
    {
        using var harness = Enriched(o => o.OperationField = "op");
        var logger = harness.Factory.CreateLogger("Shop.Inner");

        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => logger.LogInformation("inside"));

        harness.Records.Single(r => r.Message == "inside").Field("op").ShouldBe("OrderService.Ship");
    }

    [Test]
    public void Without_enrichment_records_inside_an_operation_simply_lack_the_field()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Inner");

        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => logger.LogInformation("inside"));

        var inside = _harness.Records.Single(r => r.Message == "inside");
        inside.Field("operation").ShouldBeNull();
        inside.Scopes.ShouldBeEmpty();
    }

    private RuntimeHarness Enriched(Action<PerfLogging.Configuration.PerformanceLoggingOptions>? configure = null)
    {
        _harness.Dispose();
        return new RuntimeHarness(configure, LogLevel.Trace, enrich: true);
    }

    [Test]
    public void The_current_activity_trace_id_is_recorded()
    {
        using var activity = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start();

        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => { });

        _harness.Single().Field("trace_id").ShouldBe(activity.TraceId.ToString());
        _harness.Single().Field("span_id").ShouldBe(activity.SpanId.ToString());
    }

    [Test]
    public void A_manual_operation_goes_through_the_same_pipeline()
    {
        using (PerformanceTracker.Start("import"))
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(2));
        }

        var record = _harness.Single();
        record.Category.ShouldBe(PerformanceTracker.Category);
        record.Field("operation_name").ShouldBe("import");
        record.Level.ShouldBe(LogLevel.Warning);
    }

    [Test]
    public void A_manual_operation_can_fail_with_settings_and_is_recorded_once()
    {
        using (var operation = PerformanceTracker.Start("export", new PerformanceLoggingAttribute { Profile = "slow" }))
        {
            operation.Fail(new IOException("full"));
        }

        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Error);
        record.Field("warning_threshold").ShouldBe("10");
    }

    [Test]
    public void An_unconfigured_runtime_runs_the_call_records_its_duration_and_writes_no_logs()
    {
        PerformanceLogging.Reset();
        var durations = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == PerfLogging.Runtime.PerformanceMeter.DurationInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                durations += tag is { Key: "operation", Value: "unconfigured_probe" } ? 1 : 0;
            }
        });
        listener.Start();

        Woven.Call(OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute("unconfigured_probe")), () => 3).ShouldBe(3);

        durations.ShouldBe(1);
        _harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void Configure_rejects_invalid_options_listing_the_problems()
    {
        var options = new PerfLogging.Configuration.PerformanceLoggingOptions();
        options.Thresholds.CriticalSeconds = -1;

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => PerformanceLogging.Configure(_harness.Factory, options))
            .Message.ShouldContain("'Thresholds:CriticalSeconds' is -1 s");
    }
}
