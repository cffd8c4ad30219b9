using System.Diagnostics.Metrics;
using PerfLogging.Reporting;

namespace PerfLogging.Samples.Reporting;

/// <summary>
/// Listens to the <c>PerfLogging</c> meter, the same instruments OpenTelemetry would export, and prints the
/// per-operation table that <c>perflogging summary</c> prints from the JSON log of the same run.
/// </summary>
internal sealed class MeterSummary : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly OperationSummary _summary = new();
    private readonly Lock _gate = new();

    public MeterSummary()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PerfLogging" && instrument.Name == "perflogging.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            string? operation = null;
            var outcome = OperationOutcome.Success;
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operation = tag.Value as string;
                }
                else if (tag.Key == "outcome" && Enum.TryParse<OperationOutcome>(tag.Value as string, ignoreCase: true, out var parsed))
                {
                    outcome = parsed;
                }
            }

            if (operation is not null)
            {
                lock (_gate)
                {
                    _summary.Add(operation, seconds, outcome);
                }
            }
        });
        _listener.Start();
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Operation summary");
        lock (_gate)
        {
            SummaryWriter.Write(output, _summary.Rows(SummarySort.Operation), SummaryFormat.Table);
        }
    }

    public void Dispose() => _listener.Dispose();
}
