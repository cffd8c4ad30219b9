extern alias unwoven;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>
/// The runtime observes without consuming, re-entering or leaking into the code it observes: each test first
/// asserts the unwoven twin, then the woven method with everything that could go wrong switched on.
/// </summary>
public class ContainmentTwinTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: true);

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static IEnumerable<int> OneShot(int to, Action? onEach = null)
    {
        for (var i = 1; i <= to; i++)
        {
            onEach?.Invoke();
            yield return i;
        }
    }

    [Test]
    public void A_one_shot_iterator_argument_is_not_drained()
    {
        Twin.Containment.Sum(OneShot(5)).ShouldBe(15);

        Containment.Sum(OneShot(5)).ShouldBe(15);
        var summary = _harness.Single().Field("args_summary")!;
        summary.ShouldStartWith("items=<");
        summary.ShouldNotContain("1, 2");
    }

    [Test]
    public void A_lazy_query_runs_once_as_unwoven()
    {
        var runs = 0;
        var query = OneShot(3, () => runs++).Select(i => i * 10);
        Twin.Containment.Sum(query).ShouldBe(60);
        var twinRuns = runs;
        runs = 0;

        Containment.Sum(query).ShouldBe(60);
        runs.ShouldBe(twinRuns);
        runs.ShouldBe(3);
    }

    [Test]
    public void Queryables_and_consuming_enumerables_are_named_never_enumerated()
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<int> { 1, 2 };
        queue.CompleteAdding();

        Containment.Sum(new[] { 1, 2 }.AsQueryable().Where(i => i > 0)).ShouldBe(3);
        Containment.Sum(queue.GetConsumingEnumerable()).ShouldBe(3);

        _harness.Records.Select(r => r.Field("args_summary")).ShouldAllBe(s => s!.StartsWith("items=<", StringComparison.Ordinal));
    }

    [Test]
    public void Materialised_collections_are_listed()
    {
        Containment.Sum(new List<int> { 1, 2, 3 }).ShouldBe(6);
        Containment.Count(new HashSet<int> { 4 }).ShouldBe(1);

        _harness.Records.Select(r => r.Field("args_summary")).ShouldBe(["items=[1, 2, 3]", "items=[4]"]);
    }

    [Test]
    public void A_woven_ToString_called_by_formatting_writes_no_record_and_counts_in_no_metric()
    {
        Twin.Containment.Describe(new Twin.Price(5)).ShouldBe("paid 5");
        using var meter = new MeterCounter("Price.ToString");

        Containment.Describe(new Price(5)).ShouldBe("paid 5");

        var record = _harness.Single();
        record.Field("operation_name").ShouldBe("Containment.Describe");
        record.Field("args_summary").ShouldBe("price=5.00 EUR");
        meter.Count.ShouldBe(0);
        new Price(2).ToString().ShouldBe("2.00 EUR");
        _harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void A_scope_returned_by_a_woven_method_stays_the_callers()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Checkout");
        using (Twin.Containment.BeginCorrelation(logger, "twin"))
        {
            logger.LogInformation("twin inside");
        }

        using (Containment.BeginCorrelation(logger, "woven"))
        {
            logger.LogInformation("woven inside");
        }

        logger.LogInformation("after");
        Correlation("twin inside").ShouldBe("twin");
        Correlation("woven inside").ShouldBe("woven");
        _harness.Records.Single(r => r.Message == "after").Scopes.ShouldBeEmpty();
    }

    [Test]
    public void A_scope_disposed_by_a_woven_method_stays_disposed()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Checkout");
        var twin = logger.BeginScope(new Dictionary<string, object?> { ["correlation"] = "twin" });
        Twin.Containment.EndCorrelation(twin);
        logger.LogInformation("after twin");

        var woven = logger.BeginScope(new Dictionary<string, object?> { ["correlation"] = "woven" });
        Containment.EndCorrelation(woven);
        logger.LogInformation("after woven");

        _harness.Records.Single(r => r.Message == "after twin").Scopes.ShouldBeEmpty();
        _harness.Records.Single(r => r.Message == "after woven").Scopes.ShouldBeEmpty();
    }

    [Test]
    public void A_timer_started_inside_a_woven_method_does_not_carry_the_operation()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Timers");
        using var ticked = new ManualResetEventSlim();

        using (Containment.StartTimer(logger, ticked))
        {
            ticked.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        }

        var tick = _harness.Records.Single(r => r.Message == "tick");
        tick.Scopes.ShouldBeEmpty();
        tick.Field("operation").ShouldBeNull();
    }

    [Test]
    public void Records_written_inside_a_woven_method_get_the_operation_by_enrichment()
    {
        var logger = _harness.Factory.CreateLogger("Shop.Checkout");

        Containment.Log(logger, "inside");

        var inside = _harness.Records.Single(r => r.Message == "inside");
        inside.Field("operation").ShouldBe("Containment.Log");
        inside.Scopes.ShouldBeEmpty();
    }

    [Test]
    public async Task A_provider_that_ships_records_through_woven_async_code_does_not_feed_itself()
    {
        _harness.Dispose();
        Shipping.Reset();
        var provider = new ShippingProvider();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, provider);

        Containment.Sum([1, 2]).ShouldBe(3);
        await provider.Drain();
        await Task.Delay(200);
        await provider.Drain();

        // One record, shipped once (plus the one self-diagnostic record about it); the shipping code, before and after
        // its await, wrote nothing and so shipped nothing more.
        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(["Containment.Sum"]);
        provider.Received.ShouldBeLessThanOrEqualTo(2);
        Shipping.Shipped.ShouldBe(provider.Received);
        SelfDiagnostics.Reported.Keys.ShouldContain(SelfDiagnosticKind.Reentrancy);
    }

    [Test]
    public async Task A_caller_that_suppressed_flow_keeps_it_suppressed_and_its_provider_still_cannot_feed_itself()
    {
        _harness.Dispose();
        Shipping.Reset();
        var provider = new ShippingProvider();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, provider);
        bool twinSuppressed;
        using (ExecutionContext.SuppressFlow())
        {
            Twin.Containment.Sum([1, 2]).ShouldBe(3);
            twinSuppressed = ExecutionContext.IsFlowSuppressed();
        }

        bool suppressed;
        using (ExecutionContext.SuppressFlow())
        {
            Containment.Sum([1, 2]).ShouldBe(3);
            suppressed = ExecutionContext.IsFlowSuppressed();
        }

        await provider.Drain();
        await Task.Delay(200);
        await provider.Drain();

        twinSuppressed.ShouldBeTrue();
        suppressed.ShouldBe(twinSuppressed);
        _harness.Records.Select(r => r.Field("operation_name")).ShouldBe(["Containment.Sum"]);
        provider.Received.ShouldBeLessThanOrEqualTo(2);
        Shipping.Shipped.ShouldBe(provider.Received);
    }

    [Test]
    public void A_provider_that_leaves_its_own_execution_context_current_hands_the_caller_back_its_own()
    {
        // The provider sets an async-local while writing and does not restore it. PerfLogging puts the caller's
        // execution context back, and the async-local's change handler hears of it, as after ExecutionContext.Restore.
        var changes = new List<string>();
        var local = new AsyncLocal<string?>(change => changes.Add($"{change.PreviousValue}->{change.CurrentValue}{(change.ThreadContextChanged ? " (context)" : "")}"));
        _harness.Dispose();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, new ContextLeakingProvider(local));
        local.Value = "caller";
        changes.Clear();

        Twin.Containment.Sum([1, 2]).ShouldBe(3);
        var twinValue = local.Value;
        changes.ShouldBeEmpty();

        Containment.Sum([1, 2]).ShouldBe(3);

        _harness.Single().Field("operation_name").ShouldBe("Containment.Sum");
        local.Value.ShouldBe(twinValue);
        changes.ShouldBe(["caller->provider", "provider->caller (context)"]);
    }

    [Test]
    public void A_provider_that_installs_a_SynchronizationContext_leaves_the_callers_current()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(configure: null, LogLevel.Trace, enrich: false, new SynchronizationContextProvider());
        var original = SynchronizationContext.Current;
        try
        {
            Twin.Containment.Sum([1, 2]).ShouldBe(3);
            var twin = SynchronizationContext.Current;
            twin.ShouldBeSameAs(original);

            Containment.Sum([1, 2]).ShouldBe(3);

            _harness.Single().Field("operation_name").ShouldBe("Containment.Sum");
            SynchronizationContext.Current.ShouldBeSameAs(twin);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(original);
        }
    }

    [Test]
    public void The_in_place_context_switch_is_the_one_in_use_on_this_runtime() =>
        // The probe found the thread's context field and checked it against the public API; the child-process tests
        // (RecursionTests) run the same containment with the public API.
        global::PerfLogging.Runtime.ContextSlot.Available.ShouldBeTrue();

    [Test]
    public void A_throwing_ActivityListener_neither_breaks_the_call_nor_leaves_a_current_activity()
    {
        _harness.Dispose();
        _harness = new RuntimeHarness(o => o.Tracing.Enabled = true, LogLevel.Trace, enrich: false);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PerfLogging",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ => throw new InvalidOperationException("listener start"),
            ActivityStopped = _ => throw new InvalidOperationException("listener stop"),
        };
        ActivitySource.AddActivityListener(listener);
        var before = Activity.Current;

        Containment.Sum([1, 2]).ShouldBe(3);

        Activity.Current.ShouldBe(before);
        _harness.Single().Field("success").ShouldBe("True");
        SelfDiagnostics.Reported.Keys.ShouldContain(SelfDiagnosticKind.Tracing);
    }

    [Test]
    public async Task An_inline_continuation_of_another_request_does_not_see_this_operation_as_parent()
    {
        var released = new TaskCompletionSource();
        Task other;
        using (PerformanceContext.BeginRequest("req_b"))
        {
            other = Continue(released.Task);
        }

        using (PerformanceContext.BeginRequest("req_a"))
        {
            Woven.CallVoid(Support.OrderService.Describe(nameof(Support.OrderService.Ship)), released.SetResult);
        }

        await other;
        var inline = _harness.Records.Single(r => r.Field("operation_name") == "Shipping.Check");
        inline.Field("request_id").ShouldBe("req_b");
        inline.Field("parent_operation").ShouldBeNull();
        _harness.Records.Single(r => r.Field("operation_name") == "OrderService.Ship").Field("request_id").ShouldBe("req_a");

        static async Task Continue(Task released)
        {
            await released;
            Shipping.Check("inline").ShouldBeTrue();
        }
    }

    private string? Correlation(string message) =>
        _harness.Records.Single(r => r.Message == message).Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(s => s).Where(p => p.Key == "correlation").Select(p => p.Value as string).SingleOrDefault();

    /// <summary>Ships every record through woven async code, as a network sink would.</summary>
    private sealed class ShippingProvider : TestLoggerProvider
    {
        private readonly List<Task> _shipping = [];
        private int _received;

        public int Received => Volatile.Read(ref _received);

        public async Task Drain()
        {
            Task[] pending;
            lock (_shipping)
            {
                pending = [.. _shipping];
            }

            await Task.WhenAll(pending);
        }

        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref _received);
            var shipping = Shipping.ShipAsync(formatter(state, exception));
            lock (_shipping)
            {
                _shipping.Add(shipping);
            }
        }
    }

    /// <summary>Installs a synchronization context of its own while writing a record, and leaves it installed.</summary>
    private sealed class SynchronizationContextProvider : TestLoggerProvider
    {
        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
    }

    /// <summary>Sets an async-local while writing a record, and leaves it set.</summary>
    private sealed class ContextLeakingProvider(AsyncLocal<string?> local) : TestLoggerProvider
    {
        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            local.Value = "provider";
    }

    /// <summary>Counts duration measurements of one operation on the PerfLogging meter.</summary>
    private sealed class MeterCounter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly string _operation;
        private int _count;

        public MeterCounter(string operation)
        {
            _operation = operation;
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "PerfLogging" && instrument.Name == "perflogging.operation.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "operation" && (string?)tag.Value == _operation)
                    {
                        Interlocked.Increment(ref _count);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
