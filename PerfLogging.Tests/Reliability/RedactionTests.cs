using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Reliability;

/// <summary>Arguments and results with a Microsoft.Extensions.Compliance data classification.</summary>
public class RedactionTests
{
    [Test]
    public async Task Classified_arguments_and_results_go_through_the_registered_redactor()
    {
        var collector = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new FakeLoggerProvider(collector));
        builder.Services.AddRedaction(redaction => redaction.SetRedactor<HashMarkRedactor>(new DataClassificationSet(PersonalDataAttribute.Personal)));
        builder.Services.AddPerformanceLogging(_ => { });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            new Accounts().Register("ann", "ann@example.com").ShouldBe("ann <ann@example.com>");
        }
        finally
        {
            await host.StopAsync();
        }

        var record = collector.GetSnapshot().Single(r => r.Category == typeof(Accounts).FullName);
        record.Field("args_summary").ShouldBe("name=\"ann\", email=####");
        record.Field("result_summary").ShouldBe("####");
    }

    [Test]
    public void Without_a_redactor_classified_data_is_never_written()
    {
        using var harness = new RuntimeHarness();

        new Accounts().Register("bo", "bo@example.com");

        harness.Single().Field("args_summary").ShouldBe("name=\"bo\", email=***");
        harness.Single().Field("result_summary").ShouldBe("***");
    }

    private sealed class HashMarkRedactor : Redactor
    {
        public override int GetRedactedLength(ReadOnlySpan<char> input) => 4;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            "####".AsSpan().CopyTo(destination);
            return 4;
        }
    }
}
