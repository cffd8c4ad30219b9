using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace PerfLogging.Samples.Reporting;

/// <summary>
/// Listens to the <c>PerfLogging</c> meter, the same instruments OpenTelemetry would export, and prints a
/// per-operation table: calls, p50, p95, max, warnings, critical and errors.
/// </summary>
internal sealed class OperationSummary : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<(double Seconds, string Outcome)>> _calls = new();

    public OperationSummary()
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
            var outcome = "success";
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operation = tag.Value as string;
                }
                else if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string ?? outcome;
                }
            }

            if (operation is not null)
            {
                _calls.GetOrAdd(operation, _ => []).Add((seconds, outcome));
            }
        });
        _listener.Start();
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Operation summary");
        output.WriteLine($"{"operation",-32} {"calls",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"warn",5} {"crit",5} {"err",5}");
        foreach (var (operation, calls) in _calls.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var durations = calls.Select(c => c.Seconds * 1000).Order().ToArray();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{operation,-32} {durations.Length,5} {Percentile(durations, 0.50),8:0.00} {Percentile(durations, 0.95),8:0.00} {durations[^1],8:0.00} " +
                $"{calls.Count(c => c.Outcome == "warning"),5} {calls.Count(c => c.Outcome == "critical"),5} {calls.Count(c => c.Outcome == "error"),5}"));
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
