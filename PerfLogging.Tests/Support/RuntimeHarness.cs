using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PerfLogging.Configuration;
using PerfLogging.Diagnostics;

namespace PerfLogging.Tests.Support;

/// <summary>
/// Configures the runtime with a fake clock and a fake log collector, the way a host would, and resets it after.
/// </summary>
internal sealed class RuntimeHarness : IDisposable
{
    public RuntimeHarness(Action<PerformanceLoggingOptions>? configure = null, LogLevel minimumLevel = LogLevel.Trace, params ILoggerProvider[] extraProviders)
        : this(configure, minimumLevel, enrich: false, extraProviders)
    {
    }

    /// <param name="enrich">Enables log enrichment with PerfLogging's enricher, as <c>AddPerformanceLogging</c> plus <c>EnableEnrichment()</c> do in a host.</param>
    public RuntimeHarness(Action<PerformanceLoggingOptions>? configure, LogLevel minimumLevel, bool enrich, params ILoggerProvider[] extraProviders)
    {
        Options = new PerformanceLoggingOptions();
        configure?.Invoke(Options);
        Factory = LoggerFactory.Create(builder =>
        {
            if (enrich)
            {
                builder.EnableEnrichment();
                builder.Services.AddLogEnricher<PerfLogging.Runtime.PerformanceLogEnricher>();
            }

            // Extra providers first: the logger stops asking providers once one says it is enabled.
            builder.SetMinimumLevel(minimumLevel);
            foreach (var provider in extraProviders)
            {
                builder.AddProvider(provider);
            }

            builder.AddProvider(new FakeLoggerProvider(Collector));
        });
        PerformanceLogging.Configure(Factory, Options, Time);
    }

    public FakeLogCollector Collector { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public ILoggerFactory Factory { get; }

    public PerformanceLoggingOptions Options { get; }

    /// <summary>The records written for operations (self-diagnostics and configuration records excluded).</summary>
    public IReadOnlyList<FakeLogRecord> Records =>
        Collector.GetSnapshot().Where(r => r.Category != SelfDiagnostics.Category).ToList();

    public FakeLogRecord Single() => Records.ShouldHaveSingleItem();

    public void Dispose()
    {
        PerformanceLogging.Reset();
        Factory.Dispose();
    }
}

internal static class FakeLogRecordExtensions
{
    public static string? Field(this FakeLogRecord record, string key) => record.GetStructuredStateValue(key);
}
