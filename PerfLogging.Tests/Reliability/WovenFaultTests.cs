using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Reliability;

/// <summary>Faults around woven code: the call's result and exception never change.</summary>
public class WovenFaultTests
{
    [Test]
    public void A_woven_method_called_from_inside_a_logging_provider_does_not_recurse()
    {
        var provider = new CallingProvider();
        using var harness = new RuntimeHarness(extraProviders: provider);

        new Calculator().Add(2, 3).ShouldBe(5);

        provider.InnerResults.ShouldBe([7]);
        harness.Records.Count(r => r.Field("operation_name") == "Calculator.Add").ShouldBe(1);
        SelfDiagnostics.Reported.Keys.ShouldContain(SelfDiagnosticKind.Reentrancy);
    }

    [TestCase(ThrowingLoggerProvider.Fault.IsEnabled)]
    [TestCase(ThrowingLoggerProvider.Fault.Log)]
    [TestCase(ThrowingLoggerProvider.Fault.BeginScope)]
    public async Task Throwing_providers_change_neither_results_nor_exceptions_of_woven_methods(ThrowingLoggerProvider.Fault fault)
    {
        using var harness = new RuntimeHarness(extraProviders: new ThrowingLoggerProvider(fault));

        new Calculator().Add(1, 1).ShouldBe(2);
        (await new AsyncService().ComputeAsync(4)).ShouldBe(8);
        new Streams().Numbers(3).Sum().ShouldBe(6);
        Should.Throw<InvalidOperationException>(() => new Failures().Raise(1)).Message.ShouldBe("failed with 2");
        (await Should.ThrowAsync<InvalidOperationException>(() => new AsyncService().ThrowingAsync(1))).Message.ShouldBe("async failure 1");
    }

    [Test]
    public void A_huge_argument_is_cut_to_the_limit_without_formatting_all_of_it()
    {
        using var harness = new RuntimeHarness();

        new Calculator().Join(", ", new string('x', 5_000_000), "end").Length.ShouldBe(5_000_005);

        var summary = harness.Single().Field("args_summary")!;
        summary.Length.ShouldBe(200);
        summary.ShouldStartWith("separator=\", \", parts=[\"xxx");
    }

    [Test]
    public void Newlines_and_quotes_in_arguments_cannot_forge_json_lines()
    {
        using var output = new StringWriter();
        using var factory = LoggerFactory.Create(b => b.AddPerformanceJsonConsole(o => o.Output = output));
        PerformanceLogging.Configure(factory, new PerfLogging.Configuration.PerformanceLoggingOptions());
        try
        {
            new Calculator().Join("\n{\"level\":\"Critical\"}\n", "a\u0000b", "\"quoted\"");
        }
        finally
        {
            PerformanceLogging.Reset();
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = lines.ShouldHaveSingleItem();
        var root = System.Text.Json.JsonDocument.Parse(line).RootElement;
        root.GetProperty("level").GetString().ShouldBe("Information");
        root.GetProperty("performance").GetProperty("args_summary").GetString()!.ShouldContain("\n{\"level\":\"Critical\"}\n");
    }

    /// <summary>A provider whose Log calls woven code.</summary>
    private sealed class CallingProvider : TestLoggerProvider
    {
        public List<int> InnerResults { get; } = [];

        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 1)
            {
                InnerResults.Add(new Calculator().Add(3, 4));
            }
        }
    }
}
