using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Logging;

public class JsonConsoleTests
{
    private StringWriter _output = null!;
    private ServiceProvider _services = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _output = new StringWriter();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, 123, TimeSpan.Zero));
        _services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddPerformanceJsonConsole(o => o.Output = _output))
            .BuildServiceProvider();
        PerformanceLogging.Configure(_services.GetRequiredService<ILoggerFactory>(), new PerfLogging.Configuration.PerformanceLoggingOptions(), _time);
    }

    [TearDown]
    public void TearDown()
    {
        PerformanceLogging.Reset();
        _services.Dispose();
    }

    private List<JsonElement> Lines() =>
        _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Test]
    public void A_record_without_request_activity_or_parent_keeps_its_PerformanceContext_fields()
    {
        // [PerformanceContext("component", "database")], nothing else in the record's context.
        new PerfLogging.Tests.Target.Calculator().WithContext().ShouldBe(5);

        var context = Lines().ShouldHaveSingleItem().GetProperty("context");
        context.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ShouldBe(["operation=Calculator.WithContext", "component=database"]);
    }

    [Test]
    public void A_performance_record_has_the_seed_shape()
    {
        using (PerformanceContext.BeginRequest("req_123"))
        {
            Woven.Call(OrderService.Describe(nameof(OrderService.Submit)), () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(1500));
                return 1;
            });
        }

        var line = Lines().ShouldHaveSingleItem();
        line.EnumerateObject().Select(p => p.Name).ShouldBe(["timestamp", "level", "logger_name", "message", "context", "performance"]);
        line.GetProperty("timestamp").GetString().ShouldBe("2026-11-27T10:00:01.623Z");
        line.GetProperty("level").GetString().ShouldBe("Warning");
        line.GetProperty("logger_name").GetString().ShouldBe("PerfLogging.Tests.Support.OrderService");
        line.GetProperty("message").GetString().ShouldBe("OrderService.Submit took 1.500 s, over its warning threshold of 1.000 s");

        var context = line.GetProperty("context");
        context.GetProperty("request_id").GetString().ShouldBe("req_123");
        context.GetProperty("operation").GetString().ShouldBe("OrderService.Submit");
        context.GetProperty("component").GetString().ShouldBe("orders");

        var performance = line.GetProperty("performance");
        performance.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "operation_name", "start_time", "end_time", "duration_seconds", "success", "error_type", "error_message",
            "memory_start_mb", "memory_end_mb", "memory_delta_mb", "memory_peak_mb", "allocated_bytes", "cpu_percent",
            "function_name", "module_name", "class_name", "args_summary", "result_summary", "exceeded_warning",
            "exceeded_critical", "warning_threshold", "critical_threshold",
        ]);
        performance.GetProperty("operation_name").GetString().ShouldBe("OrderService.Submit");
        performance.GetProperty("start_time").GetString().ShouldBe("2026-11-27T10:00:00.123Z");
        performance.GetProperty("end_time").GetString().ShouldBe("2026-11-27T10:00:01.623Z");
        performance.GetProperty("duration_seconds").GetDouble().ShouldBe(1.5);
        performance.GetProperty("success").GetBoolean().ShouldBeTrue();
        performance.GetProperty("error_type").ValueKind.ShouldBe(JsonValueKind.Null);
        performance.GetProperty("exceeded_warning").GetBoolean().ShouldBeTrue();
        performance.GetProperty("exceeded_critical").GetBoolean().ShouldBeFalse();
        performance.GetProperty("warning_threshold").GetDouble().ShouldBe(1.0);
        performance.GetProperty("critical_threshold").GetDouble().ShouldBe(5.0);
    }

    [Test]
    public void Quotes_newlines_and_control_characters_are_escaped_and_the_line_parses_back_exactly()
    {
        const string nasty = "say \"hi\"\r\n{\"injected\":true}\u0001\u001b[31m\\ end";

        Should.Throw<InvalidOperationException>(() =>
            Woven.CallVoid(OrderService.Describe(nameof(OrderService.Ship)), () => throw new InvalidOperationException(nasty)));

        _output.ToString().TrimEnd('\n').ShouldNotContain('\n');
        var line = Lines().ShouldHaveSingleItem();
        line.GetProperty("performance").GetProperty("error_message").GetString().ShouldBe(nasty);
        line.GetProperty("message").GetString().ShouldBe($"OrderService.Ship failed after 0.000 s: InvalidOperationException: {nasty}");
        line.GetProperty("level").GetString().ShouldBe("Error");
        line.GetProperty("exception").GetString()!.ShouldStartWith("System.InvalidOperationException: say");
    }

    [Test]
    public void An_ordinary_record_has_the_shape_without_performance_and_carries_its_properties()
    {
        var logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Orders");

        logger.LogInformation("Order {OrderId} placed", 42);

        var line = Lines().ShouldHaveSingleItem();
        line.EnumerateObject().Select(p => p.Name).ShouldBe(["timestamp", "level", "logger_name", "message", "context"]);
        line.GetProperty("message").GetString().ShouldBe("Order 42 placed");
        line.GetProperty("context").GetProperty("OrderId").GetInt32().ShouldBe(42);
    }

    [Test]
    [NonParallelizable]
    public void Through_the_console_provider_its_own_options_apply_and_each_record_is_one_line()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(output));
        Console.SetError(TextWriter.Synchronized(errors));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:Console:LogToStandardErrorThreshold"] = "Error",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "false",
            }).Build();
            using (var services = new ServiceCollection()
                .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddConsole().AddPerformanceJsonConsole())
                .BuildServiceProvider())
            {
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Orders");
                using (logger.BeginScope(new Dictionary<string, object?> { ["tenant"] = "t1" }))
                {
                    logger.LogInformation("Order {OrderId} placed", 42);
                    logger.LogError("Order {OrderId} lost", 43);
                }
            }
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        var placed = JsonDocument.Parse(output.ToString().Trim()).RootElement;
        placed.GetProperty("message").GetString().ShouldBe("Order 42 placed");
        placed.GetProperty("context").TryGetProperty("tenant", out _).ShouldBeFalse();
        var lost = JsonDocument.Parse(errors.ToString().Trim()).RootElement;
        lost.GetProperty("message").GetString().ShouldBe("Order 43 lost");
        lost.GetProperty("level").GetString().ShouldBe("Error");
    }
}
