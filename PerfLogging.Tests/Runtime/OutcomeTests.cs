using PerfLogging.Configuration;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Runtime;

public class OutcomeTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void A_call_under_the_warning_threshold_is_logged_at_information_with_every_field()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));

        var result = Woven.Call(descriptor, () =>
        {
            _harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            return 42;
        });

        result.ShouldBe(42);
        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Information);
        record.Category.ShouldBe("PerfLogging.Tests.Support.OrderService");
        record.Id.Id.ShouldBe(1);
        record.Message.ShouldBe("OrderService.Submit completed in 0.250 s");
        record.Field("operation_name").ShouldBe("OrderService.Submit");
        record.Field("duration_seconds").ShouldBe("0.25");
        record.Field("success").ShouldBe("True");
        record.Field("exceeded_warning").ShouldBe("False");
        record.Field("exceeded_critical").ShouldBe("False");
        record.Field("warning_threshold").ShouldBe("1");
        record.Field("critical_threshold").ShouldBe("5");
        record.Field("error_type").ShouldBeNull();
        record.Field("error_message").ShouldBeNull();
        record.Field("function_name").ShouldBe("Submit");
        record.Field("class_name").ShouldBe("OrderService");
        record.Field("module_name").ShouldBe("PerfLogging.Tests.dll");
        record.Field("args_summary").ShouldBeNull();
        record.Field("memory_delta_mb").ShouldBeNull();
        record.Field("cpu_percent").ShouldBeNull();
        record.Field("{OriginalFormat}").ShouldBe("{operation_name} completed in {duration_seconds} s");
    }

    [Test]
    public void Providers_receive_typed_values_for_times_durations_and_flags()
    {
        var capture = new StateCaptureProvider();
        using var harness = new RuntimeHarness(extraProviders: capture);

        Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () =>
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            return 1;
        });

        var state = capture.States.ShouldHaveSingleItem().ToDictionary(p => p.Key, p => p.Value);
        state["start_time"].ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
        state["end_time"].ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, 250, DateTimeKind.Utc));
        state["duration_seconds"].ShouldBe(0.25);
        state["success"].ShouldBe(true);
        state["warning_threshold"].ShouldBe(1.0);
        state["component"].ShouldBe("orders");
    }

    [Test]
    public void Start_and_end_times_follow_a_wall_clock_step_once_the_clock_anchor_is_a_minute_old()
    {
        // Times come from the operation's timestamps and a (wall clock, timestamp) anchor: a wall clock that steps
        // (NTP) without the monotonic clock is picked up when the anchor is renewed.
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var capture = new StateCaptureProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(capture));
        PerformanceLogging.Configure(factory, new PerformanceLoggingOptions(), clock);
        var descriptor = OrderService.Describe(nameof(OrderService.Ship));

        Woven.CallVoid(descriptor, () => clock.Elapse(TimeSpan.FromMilliseconds(250)));
        clock.StepWallClock(TimeSpan.FromMinutes(10));
        clock.Elapse(TimeSpan.FromSeconds(61));
        Woven.CallVoid(descriptor, () => clock.Elapse(TimeSpan.FromMilliseconds(500)));

        var times = capture.States.Select(s => s.ToDictionary(p => p.Key, p => p.Value))
            .Select(s => ((DateTime)s["start_time"]!, (DateTime)s["end_time"]!)).ToList();
        times.ShouldBe(
        [
            (new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 10, 0, 0, 250, DateTimeKind.Utc)),
            (new DateTime(2026, 11, 27, 10, 11, 1, 250, DateTimeKind.Utc), new DateTime(2026, 11, 27, 10, 11, 1, 750, DateTimeKind.Utc)),
        ]);
    }

    [Test]
    public void A_call_over_the_warning_threshold_is_logged_at_warning()
    {
        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => _harness.Time.Advance(TimeSpan.FromSeconds(1.5)));

        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Warning);
        record.Id.Id.ShouldBe(2);
        record.Message.ShouldBe("OrderService.Ship took 1.500 s, over its warning threshold of 1.000 s");
        record.Field("exceeded_warning").ShouldBe("True");
        record.Field("exceeded_critical").ShouldBe("False");
        record.Field("duration_seconds").ShouldBe("1.5");
    }

    [Test]
    public void A_call_over_the_critical_threshold_is_logged_at_critical()
    {
        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => _harness.Time.Advance(TimeSpan.FromSeconds(6)));

        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Critical);
        record.Id.Id.ShouldBe(3);
        record.Message.ShouldBe("OrderService.Ship took 6.000 s, over its critical threshold of 5.000 s");
        record.Field("exceeded_warning").ShouldBe("True");
        record.Field("exceeded_critical").ShouldBe("True");
    }

    [Test]
    public void A_call_of_exactly_the_warning_threshold_is_a_success()
    {
        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => _harness.Time.Advance(TimeSpan.FromSeconds(1)));

        _harness.Single().Level.ShouldBe(LogLevel.Information);
    }

    [Test]
    public void A_failing_call_is_logged_at_error_and_the_original_exception_is_rethrown_with_its_stack_trace()
    {
        var thrown = new InvalidOperationException("card declined");

        var caught = Should.Throw<InvalidOperationException>(() =>
            Woven.Call<int>(OrderService.Describe(nameof(OrderService.Submit)), () =>
            {
                _harness.Time.Advance(TimeSpan.FromMilliseconds(30));
                return Thrower.Throw(thrown);
            }));

        caught.ShouldBeSameAs(thrown);
        caught.StackTrace.ShouldNotBeNull().ShouldContain(nameof(Thrower.Throw));
        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Error);
        record.Id.Id.ShouldBe(4);
        record.Exception.ShouldBeSameAs(thrown);
        record.Message.ShouldBe("OrderService.Submit failed after 0.030 s: InvalidOperationException: card declined");
        record.Field("success").ShouldBe("False");
        record.Field("error_type").ShouldBe("InvalidOperationException");
        record.Field("error_message").ShouldBe("card declined");
    }

    [Test]
    public void LogAndContinue_logs_the_failure_and_returns_default()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { OnError = PerformanceErrorMode.LogAndContinue });

        var result = Woven.Call<int>(descriptor, () => throw new TimeoutException("slow"));

        result.ShouldBe(0);
        _harness.Single().Level.ShouldBe(LogLevel.Error);
        _harness.Single().Field("error_type").ShouldBe("TimeoutException");
    }

    [Test]
    public void Silent_returns_default_and_logs_nothing()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Token), new PerformanceLoggingAttribute { OnError = PerformanceErrorMode.Silent });

        var result = Woven.Call<string>(descriptor, () => throw new TimeoutException("slow"));

        result.ShouldBeNull();
        _harness.Records.ShouldBeEmpty();
    }

    [Test]
    public void Configured_levels_replace_the_defaults()
    {
        _harness.Options.LogLevels.Success = "Debug";
        _harness.Options.LogLevels.Error = "Critical";
        PerformanceLogging.Configure(_harness.Factory, _harness.Options, _harness.Time);
        var descriptor = OrderService.Describe(nameof(OrderService.Ship));

        Woven.CallVoid(descriptor, () => { });
        Should.Throw<ArgumentException>(() => Woven.CallVoid(descriptor, () => throw new ArgumentException("bad")));

        _harness.Records.Select(r => r.Level).ShouldBe([LogLevel.Debug, LogLevel.Critical]);
    }

    [Test]
    public void A_success_level_above_the_lowest_level_is_written_when_only_it_is_enabled()
    {
        // The lowest level (Warning's, Information) is disabled when the call starts; the success level (Warning) is not.
        using var harness = new RuntimeHarness(
            o =>
            {
                o.LogLevels.Success = "Warning";
                o.LogLevels.Warning = "Information";
            },
            minimumLevel: LogLevel.Warning);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit));

        Woven.Call(descriptor, () =>
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            return 42;
        }).ShouldBe(42);

        var record = harness.Single();
        record.Level.ShouldBe(LogLevel.Warning);
        record.Id.Id.ShouldBe(1);
        record.Field("duration_seconds").ShouldBe("0.25");
    }

    [Test]
    public void An_explicit_operation_name_and_logger_name_are_used()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Ship), new PerformanceLoggingAttribute("shipping") { LoggerName = "Shop.Shipping" });

        Woven.CallVoid(descriptor, () => { });

        _harness.Single().Field("operation_name").ShouldBe("shipping");
        _harness.Single().Category.ShouldBe("Shop.Shipping");
    }

    [Test]
    public void Without_the_class_name_the_operation_is_named_after_the_method()
    {
        Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship), new PerformanceLoggingAttribute { IncludeClassName = false }), () => { });

        _harness.Single().Field("operation_name").ShouldBe("Ship");
    }

    [Test]
    public void A_generic_type_is_named_as_CSharp_writes_it_and_logs_to_its_category_without_arity()
    {
        var descriptor = PerfLogging.Weaving.OperationDescriptor.Create(new PerformanceLoggingAttribute(), typeof(Repository<int>).GetMethod("Find")!);

        Woven.Call(descriptor, () => 1);

        _harness.Single().Field("operation_name").ShouldBe("Repository<T>.Find");
        _harness.Single().Field("class_name").ShouldBe("Repository<T>");
        _harness.Single().Category.ShouldBe("PerfLogging.Tests.Support.Repository");
    }

    [Test]
    public void Types_that_differ_only_in_arity_get_different_names()
    {
        var plain = PerfLogging.Weaving.OperationDescriptor.Create(new PerformanceLoggingAttribute(), typeof(Outcome).GetMethod(nameof(Outcome.FromException))!);
        var generic = PerfLogging.Weaving.OperationDescriptor.Create(new PerformanceLoggingAttribute(), typeof(Outcome<string>).GetMethod(nameof(Outcome<string>.FromException))!);

        plain.OperationName.ShouldBe("Outcome.FromException");
        generic.OperationName.ShouldBe("Outcome<T>.FromException");
    }

    private static class Outcome
    {
        public static int FromException(Exception exception) => exception.HResult;
    }

    private static class Outcome<T>
    {
        public static T? FromException(Exception exception) => exception is null ? default : default;
    }

    private static class Thrower
    {
        public static int Throw(Exception exception) => throw exception;
    }
}

/// <summary>A wall clock and a monotonic clock that move together, except when the wall clock is stepped.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _ticks;

    public void Elapse(TimeSpan time)
    {
        _now += time;
        _ticks += time.Ticks;
    }

    public void StepWallClock(TimeSpan step) => _now += step;
}
