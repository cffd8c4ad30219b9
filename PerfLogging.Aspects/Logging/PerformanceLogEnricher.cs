using Microsoft.Extensions.Diagnostics.Enrichment;

namespace PerfLogging.Runtime;

/// <summary>
/// Puts the innermost tracked operation on every record written inside it, under <c>OperationField</c>
/// (<c>operation</c> by default): the seed's context injection, read from PerfLogging's ambient state when a record is
/// written, so no logger scope is ever opened around the observed code. Registered by <c>AddPerformanceLogging</c>;
/// active once the application enables enrichment (<c>builder.Logging.EnableEnrichment()</c>).
/// </summary>
internal sealed class PerformanceLogEnricher : ILogEnricher
{
    public void Enrich(IEnrichmentTagCollector collector)
    {
        // PerfLogging's own records (written while it calls out) carry operation_name and parent_operation already.
        if (TrackingSuppression.IsActive)
        {
            return;
        }

        if (AmbientOperation.CurrentName is { } operation)
        {
            collector.Add(PerformanceRuntime.State.Options.OperationField, operation);
        }
    }
}
