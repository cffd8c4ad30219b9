using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Twins;

/// <summary>
/// Adversarial probes of containment: code PerfLogging calls (formatting, listeners, providers) that reaches woven
/// code through async work it starts, flows that resume inline while PerfLogging calls out, and ambient identity.
/// </summary>
[NonParallelizable]
public class ContainmentProbeTests
{
    private const int Budget = 20;

    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        Relay.Reset(Budget);
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: true);
    }

    [TearDown]
    public void TearDown()
    {
        _harness.Dispose();
        Relay.Reset(0);
    }

    /// <summary>Waits until every chain Relay started has delivered and no new one starts.</summary>
    private static async Task Settle()
    {
        for (var i = 0; i < 40; i++)
        {
            var started = Relay.Started;
            await Task.Delay(100);
            if (started == Relay.Started && Relay.Delivered == Relay.Started)
            {
                return;
            }
        }
    }

    private List<string?> RelayRecords() =>
        _harness.Records.Select(r => r.Field("operation_name")).Where(n => n?.StartsWith("Relay.", StringComparison.Ordinal) == true).ToList();

    // ---- (1)/(3) formatting: a ToString that starts async woven work ----

    [Test]
    public async Task A_ToString_that_starts_async_woven_work_does_not_feed_itself()
    {
        Vouchers.Redeem(new Voucher("V1")).ShouldBe(2);
        await Settle();

        // Formatting the argument starts one delivery; the delivery formats the voucher again (IncludeArgs), which
        // must not start another, and the delivery itself is reached from formatting: untracked.
        RelayRecords().ShouldBeEmpty();
        Relay.Started.ShouldBe(1);
    }

    // ---- (3) MeterListener / ActivityListener / IsEnabled that start async woven work ----

    [Test]
    public async Task A_MeterListener_that_exports_through_async_woven_work_does_not_feed_itself()
    {
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "PerfLogging" && instrument.Name == "perflogging.operation.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "operation" && tag.Value is string name && (name == "Containment.Sum" || name.StartsWith("Relay.", StringComparison.Ordinal)))
                {
                    Relay.Start(name);
                }
            }
        });
        listener.Start();

        Containment.Sum([1, 2]).ShouldBe(3);
        await Settle();

        RelayRecords().ShouldBeEmpty();
        Relay.Started.ShouldBe(1);
    }

    [Test]
    public async Task An_ActivityListener_that_exports_through_async_woven_work_does_not_feed_itself()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(o => o.Tracing.Enabled = true, LogLevel.Trace, enrich: false);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PerfLogging",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Relay.Start(activity.OperationName),
        };
        ActivitySource.AddActivityListener(listener);

        Containment.Sum([1, 2]).ShouldBe(3);
        await Settle();

        RelayRecords().ShouldBeEmpty();
        Relay.Started.ShouldBe(1);
    }

    [Test]
    public async Task A_callers_continuation_resumed_inline_by_a_provider_is_tracked()
    {
        _harness.Dispose();
        var written = new TaskCompletionSource();
        var provider = new SignallingProvider("Containment.Sum", written);
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, provider);

        var waiter = AcknowledgeAfter(written.Task);
        Containment.Sum([1, 2]).ShouldBe(3);
        (await waiter).ShouldBe(4);

        // The caller's own flow, resumed by the provider completing its signal, is not PerfLogging's call-out.
        _harness.Records.Select(r => r.Field("operation_name")).ShouldContain("Inbox.Acknowledge");

        static async Task<int> AcknowledgeAfter(Task signal)
        {
            await signal;
            return Inbox.Acknowledge("next");
        }
    }

    [Test]
    public async Task A_provider_that_ships_through_async_woven_work_does_not_feed_itself_when_the_caller_suppressed_flow()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, new RelayingProvider());

        using (ExecutionContext.SuppressFlow())
        {
            Containment.Sum([1, 2]).ShouldBe(3);
        }

        await Settle();

        // The record of Sum, and the one self-diagnostic record saying the shipping code ran untracked.
        RelayRecords().ShouldBeEmpty();
        Relay.Started.ShouldBe(2);
    }

    // ---- (5) ambient identity: parent_operation and the enriched operation field ----

    [Test]
    public void A_request_begun_inside_a_synchronous_operation_keeps_it_as_the_parent()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Inbox");

        Inbox.Handle("msg_1", logger).ShouldBe(5);

        var process = _harness.Records.Single(r => r.Field("operation_name") == "Inbox.Process");
        process.Field("request_id").ShouldBe("msg_1");
        process.Field("parent_operation").ShouldBe("Inbox.Handle");
        _harness.Records.Single(r => r.Message == "handling msg_1").Field("operation").ShouldBe("Inbox.Handle");
    }

    [Test]
    public async Task Nested_sync_and_async_operations_across_an_await_have_the_right_parents()
    {
        (await Outbox.RouteAsync("m1")).ShouldBe(4);

        string? Parent(string name, int index = 0) =>
            _harness.Records.Where(r => r.Field("operation_name") == name).ElementAt(index).Field("parent_operation");
        Parent("Inbox.Acknowledge").ShouldBe("Outbox.RouteAsync");
        Parent("Inbox.Dispatch").ShouldBe("Outbox.RouteAsync");
        Parent("Inbox.Process").ShouldBe("Inbox.Dispatch");
        Parent("Outbox.RouteAsync").ShouldBeNull();
    }

    // ---- (4) throwing ActivityListener with an async failure ----

    [Test]
    public async Task A_throwing_ActivityListener_leaves_the_async_failure_and_Activity_Current_as_they_were()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(o => o.Tracing.Enabled = true, LogLevel.Trace, enrich: false);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PerfLogging",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => throw new InvalidOperationException("listener stop"),
        };
        ActivitySource.AddActivityListener(listener);
        using var user = new Activity("user.request").Start();

        var pending = Outbox.FailLaterAsync("boom");
        Activity.Current.ShouldBe(user);
        (await Should.ThrowAsync<InvalidOperationException>(pending)).Message.ShouldBe("boom");
        Activity.Current.ShouldBe(user);
        _harness.Single().Field("success").ShouldBe("False");
    }

    // ---- (3) the caller's execution context ----

    [Test]
    public void A_provider_that_changes_an_AsyncLocal_does_not_change_the_callers_even_when_the_caller_suppressed_flow()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, new MarkingProvider());
        Marker.Value = "caller";

        Containment.Sum([1, 2]).ShouldBe(3);
        Marker.Value.ShouldBe("caller");

        using (ExecutionContext.SuppressFlow())
        {
            Containment.Sum([1, 2]).ShouldBe(3);
            Marker.Value.ShouldBe("caller");
        }
    }

    [Test]
    public void Writing_a_record_does_not_keep_the_callers_AsyncLocal_values_alive()
    {
        var alive = WriteInsideAFlowHolding();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The flow has ended; only PerfLogging could still reference what it held.
        alive.IsAlive.ShouldBeFalse();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WriteInsideAFlowHolding()
    {
        WeakReference? weak = null;
        var worker = new Thread(() =>
        {
            weak = HoldWhileWriting();

            // The thread lives on (as a pool thread would), idle.
            Parked.Wait();
        });
        Parked.Reset();
        worker.Start();
        while (weak is null || worker.ThreadState == System.Threading.ThreadState.Running)
        {
            Thread.Sleep(10);
        }

        s_parkedThread = worker;
        return weak;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference HoldWhileWriting()
    {
        var payload = new byte[1024];
        Held.Value = payload;
        Containment.Sum([1, 2]).ShouldBe(3);
        Held.Value = null;
        return new WeakReference(payload);
    }

    [Test]
    public void A_record_kept_by_a_provider_does_not_keep_the_callers_activity_alive()
    {
        // A batching exporter keeps each record's state and reads it at export time: it gets the trace ids, not the
        // activity with its tags, custom properties and parents.
        var kept = new StateCaptureProvider();
        using var harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, kept);
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var (activity, traceId) = CallInsideAnActivityHolding();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        activity.IsAlive.ShouldBeFalse();
        kept.States.ShouldHaveSingleItem().Single(p => p.Key == "trace_id").Value.ShouldBe(traceId);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Activity, string TraceId) CallInsideAnActivityHolding()
    {
        var activity = new Activity("user.request");
        activity.SetCustomProperty("payload", new byte[1024]);
        activity.Start();
        Containment.Count([1, 2]).ShouldBe(2);
        activity.Stop();
        Activity.Current = null;
        return (new WeakReference(activity), activity.TraceId.ToString());
    }

    private static readonly AsyncLocal<object?> Held = new();
    private static readonly ManualResetEventSlim Parked = new();
    private static Thread? s_parkedThread;
    private static readonly AsyncLocal<string?> Marker = new();

    [OneTimeTearDown]
    public void ReleaseParkedThread()
    {
        Parked.Set();
        s_parkedThread?.Join();
    }

    /// <summary>A provider that sets an AsyncLocal of the application while it writes (and does not restore it).</summary>
    private sealed class MarkingProvider : TestLoggerProvider
    {
        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Marker.Value = "provider";
    }

    // ---- (2) JSON console output ----

    [Test]
    public void The_json_console_prints_the_same_performance_block_with_enrichment_on()
    {
        var plain = JsonLines(enrich: false, _ => Containment.Count([1, 2, 3]));
        var enriched = JsonLines(enrich: true, _ => Containment.Count([1, 2, 3]));

        var a = plain.ShouldHaveSingleItem().GetProperty("performance");
        var b = enriched.ShouldHaveSingleItem().GetProperty("performance");
        Strip(b).ShouldBe(Strip(a));
        enriched[0].GetProperty("context").GetProperty("operation").GetString().ShouldBe("Containment.Count");
    }

    [Test]
    public void The_json_console_does_not_print_an_application_record_as_a_performance_record()
    {
        // An application's own job log that happens to use the same field names as PerfLogging's records.
        var lines = JsonLines(enrich: false, factory =>
            factory.CreateLogger("Jobs").LogInformation("Job {operation_name} done in {duration_seconds} s", "nightly", 1.5));

        lines.ShouldHaveSingleItem().TryGetProperty("performance", out _).ShouldBeFalse();
    }

    private static string Strip(JsonElement performance) =>
        string.Join(",", performance.EnumerateObject()
            .Where(p => p.Name is not ("start_time" or "end_time" or "duration_seconds" or "exceeded_warning" or "exceeded_critical"))
            .Select(p => $"{p.Name}={p.Value.ValueKind}:{p.Value}"));

    private List<JsonElement> JsonLines(bool enrich, Action<ILoggerFactory> act)
    {
        _harness.Dispose();
        var output = new StringWriter();
        var services = new ServiceCollection().AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace).AddPerformanceJsonConsole(o => o.Output = output);
            if (enrich)
            {
                b.EnableEnrichment();
                b.Services.AddLogEnricher<PerfLogging.Runtime.PerformanceLogEnricher>();
            }
        }).BuildServiceProvider();
        try
        {
            var factory = services.GetRequiredService<ILoggerFactory>();
            PerformanceLogging.Configure(factory, new PerfLogging.Configuration.PerformanceLoggingOptions());
            act(factory);
        }
        finally
        {
            PerformanceLogging.Reset();
            services.Dispose();
            _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: true);
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    /// <summary>A provider whose IsEnabled refreshes its settings in the background through woven async code.</summary>
    private sealed class RefreshingProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            Relay.Start("refresh");
            return false;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Completes a signal when the record of one operation is written (as a test sink or a waiter would).</summary>
    private sealed class SignallingProvider(string operation, TaskCompletionSource written) : TestLoggerProvider
    {
        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> fields && fields.Any(f => f.Key == "operation_name" && (string?)f.Value == operation))
            {
                written.TrySetResult();
            }
        }
    }

    /// <summary>Ships every record through woven async code.</summary>
    private sealed class RelayingProvider : TestLoggerProvider
    {
        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Relay.Start(formatter(state, exception));
    }
}
