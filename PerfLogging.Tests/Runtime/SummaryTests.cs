using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Runtime;

public class SummaryTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static int Submit(OperationDescriptor descriptor, int orderId, string customer, string card, string apiKey) =>
        Woven.Call(descriptor, () => orderId, scope =>
        {
            scope.AddArgument(0, orderId);
            scope.AddArgument(1, customer);
            scope.AddArgument(2, card);
            scope.AddArgument(3, apiKey);
        });

    [Test]
    public void Arguments_are_not_captured_unless_asked()
    {
        Submit(OrderService.Describe(nameof(OrderService.Submit)), 7, "ann", "4111", "k");

        _harness.Single().Field("args_summary").ShouldBeNull();
        _harness.Single().Field("result_summary").ShouldBeNull();
    }

    [Test]
    public void Arguments_are_summarised_with_NotLogged_and_secret_names_redacted()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeArgs = true, IncludeResult = true });

        Submit(descriptor, 7, "ann", "4111 1111", "k-123");

        _harness.Single().Field("args_summary").ShouldBe("orderId=7, customer=\"ann\", cardNumber=***, apiKey=***");
        _harness.Single().Field("result_summary").ShouldBe("7");
    }

    [Test]
    public void Arguments_follow_the_configuration_switch_when_the_attribute_is_silent()
    {
        _harness.Options.Metrics.IncludeFunctionArgs = true;
        PerformanceLogging.Configure(_harness.Factory, _harness.Options, _harness.Time);

        Submit(OrderService.Describe(nameof(OrderService.Submit)), 1, "bo", "x", "y");

        _harness.Single().Field("args_summary").ShouldStartWith("orderId=1, customer=\"bo\"");
    }

    [Test]
    public void A_NotLogged_return_value_is_redacted()
    {
        Woven.Call(OrderService.Describe(nameof(OrderService.Token), new PerformanceLoggingAttribute { IncludeResult = true }), () => "s3cr3t");

        _harness.Single().Field("result_summary").ShouldBe("***");
    }

    [Test]
    public void Summaries_are_cut_at_the_configured_length()
    {
        _harness.Options.Metrics.MaxArgLength = 20;
        _harness.Options.Metrics.MaxResultLength = 5;
        PerformanceLogging.Configure(_harness.Factory, _harness.Options, _harness.Time);
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeArgs = true, IncludeResult = true });

        Submit(descriptor, 123456789, new string('x', 10_000), "c", "k");

        var args = _harness.Single().Field("args_summary")!;
        args.Length.ShouldBe(20);
        args.ShouldBe("orderId=123456789, …");
        _harness.Single().Field("result_summary").ShouldBe("1234…");
    }

    [Test]
    public void A_throwing_ToString_gives_a_placeholder_and_the_call_is_unchanged()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeResult = true });

        var result = Woven.Call(descriptor, () => new Grumpy());

        result.ShouldBeOfType<Grumpy>();
        _harness.Single().Field("result_summary").ShouldBe("<Grumpy.ToString() threw NotSupportedException>");
    }

    [Test]
    public void Sequences_are_summarised_by_their_first_items()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeResult = true });

        Woven.Call(descriptor, () => Enumerable.Range(1, 20).ToList());

        _harness.Single().Field("result_summary").ShouldBe("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …]");
    }

    [Test]
    public void A_collection_with_its_own_ToString_is_summarised_by_it_and_one_without_by_its_items()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeArgs = true, IncludeResult = true });

        Woven.Call(descriptor, () => new Basket { "tea", "milk" });
        Woven.Call(descriptor, () => new HashSet<int> { 4, 5 });

        _harness.Records[0].Field("result_summary").ShouldBe("Basket(2 items)");
        _harness.Records[1].Field("result_summary").ShouldBe("[4, 5]");
    }

    [Test]
    public void A_cyclic_structure_is_summarised_without_hanging()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeResult = true });
        var cycle = new List<object>();
        cycle.Add(cycle);

        Woven.Call(descriptor, () => cycle);

        _harness.Single().Field("result_summary").ShouldBe("[[[[…]]]]");
    }

    [Test]
    public void Memory_and_cpu_are_measured_when_asked()
    {
        var descriptor = OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeMemory = true, IncludeCpu = true });

        Woven.Call(descriptor, () =>
        {
            _harness.Time.Advance(TimeSpan.FromMilliseconds(10));
            return new byte[1024 * 1024].Length;
        });

        var record = _harness.Single();
        long.Parse(record.Field("allocated_bytes")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1024 * 1024, 1024 * 1024 + 64 * 1024);
        double.Parse(record.Field("memory_start_mb")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        record.Field("memory_end_mb").ShouldNotBeNull();
        record.Field("memory_peak_mb").ShouldNotBeNull();
        double.Parse(record.Field("cpu_percent")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0);
    }

    [TestCase(150, LogLevel.Warning)]
    [TestCase(600, LogLevel.Critical)]
    [TestCase(50, LogLevel.Information)]
    public void Memory_growth_over_the_memory_thresholds_raises_the_level(int growthMb, LogLevel level)
    {
        // Heap readings are made deterministic here: a real GC during the call could shrink the heap.
        var readings = new Queue<long>([10L << 20, (10L + growthMb) << 20]);
        PerfLogging.Runtime.ResourceReadings.HeapBytes = () => readings.Dequeue();
        try
        {
            Woven.Call(OrderService.Describe(nameof(OrderService.Submit), new PerformanceLoggingAttribute { IncludeMemory = true }), () => 1);
        }
        finally
        {
            PerfLogging.Runtime.ResourceReadings.HeapBytes = static () => GC.GetTotalMemory(false);
        }

        var record = _harness.Single();
        record.Level.ShouldBe(level);
        record.Field("memory_delta_mb").ShouldBe(growthMb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        record.Field("memory_start_mb").ShouldBe("10");
    }

    private sealed class Basket : List<string>
    {
        public override string ToString() => $"Basket({Count} items)";
    }

    private sealed class Grumpy
    {
        public override string ToString() => throw new NotSupportedException();
    }
}
