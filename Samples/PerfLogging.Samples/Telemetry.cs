using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PerfLogging.Samples;

/// <summary>
/// Optional export of PerfLogging's metrics and spans through OpenTelemetry, switched by <c>Sample:OpenTelemetry</c>:
/// <c>none</c> (default), <c>console</c>, or <c>otlp</c> (to the collector named by the standard OTEL_EXPORTER_OTLP_*
/// variables, by default http://localhost:4317).
/// </summary>
internal static class Telemetry
{
    public const string Key = "Sample:OpenTelemetry";

    public static void Add(IServiceCollection services, IConfigurationManager configuration)
    {
        var exporter = configuration[Key] ?? "none";
        if (exporter.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Spans are off by default in PerfLogging; exporting them is the point of this switch.
        configuration.AddInMemoryCollection([new("PerformanceLogging:Tracing:Enabled", "true")]);
        var otlp = exporter.Equals("otlp", StringComparison.OrdinalIgnoreCase);
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("PerfLogging");
                _ = otlp ? metrics.AddOtlpExporter() : metrics.AddConsoleExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("PerfLogging");
                _ = otlp ? tracing.AddOtlpExporter() : tracing.AddConsoleExporter();
            });
    }
}
