namespace PerfLogging.Reporting;

/// <summary>What the summary knows about one operation: its durations and how its calls ended.</summary>
public sealed class OperationStatistics
{
    internal OperationStatistics(string operation) => Operation = operation;

    /// <summary>Gets the operation name.</summary>
    public string Operation { get; }

    /// <summary>Gets the durations of its calls.</summary>
    public LatencyHistogram Durations { get; } = new();

    /// <summary>Gets the number of calls.</summary>
    public long Calls => Durations.Count;

    /// <summary>Gets the number of calls over the warning threshold (and not over the critical one).</summary>
    public long Warnings { get; private set; }

    /// <summary>Gets the number of calls over the critical threshold.</summary>
    public long Criticals { get; private set; }

    /// <summary>Gets the number of calls that ended with an exception.</summary>
    public long Errors { get; private set; }

    /// <summary>Adds one call.</summary>
    /// <param name="seconds">Its duration in seconds.</param>
    /// <param name="outcome">How it ended.</param>
    public void Add(double seconds, OperationOutcome outcome)
    {
        Durations.Add(seconds);
        switch (outcome)
        {
            case OperationOutcome.Warning:
                Warnings++;
                break;
            case OperationOutcome.Critical:
                Criticals++;
                break;
            case OperationOutcome.Error:
                Errors++;
                break;
        }
    }
}
