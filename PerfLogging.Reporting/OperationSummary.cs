namespace PerfLogging.Reporting;

/// <summary>
/// Per-operation statistics of any number of calls in constant memory per operation (see <see cref="LatencyHistogram"/>).
/// Not thread-safe: a caller that adds from several threads serialises the calls.
/// </summary>
public sealed class OperationSummary
{
    private readonly Dictionary<string, OperationStatistics> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperationStatistics>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Initializes a new instance of the <see cref="OperationSummary"/> class, empty.</summary>
    public OperationSummary() => _bySpan = _operations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the operations seen so far, in no particular order.</summary>
    public IReadOnlyCollection<OperationStatistics> Operations => _operations.Values;

    /// <summary>Adds one call of <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="seconds">The call's duration in seconds.</param>
    /// <param name="outcome">How it ended.</param>
    public void Add(string operation, double seconds, OperationOutcome outcome) => Get(operation).Add(seconds, outcome);

    /// <summary>The statistics of <paramref name="operation"/>, created empty on first use; a known name allocates nothing.</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The operation's statistics.</returns>
    public OperationStatistics Get(ReadOnlySpan<char> operation)
    {
        if (!_bySpan.TryGetValue(operation, out var statistics))
        {
            var name = operation.ToString();
            statistics = new OperationStatistics(name);
            _operations.Add(name, statistics);
        }

        return statistics;
    }

    /// <summary>The operations in <paramref name="order"/>, the first <paramref name="top"/> of them when given.</summary>
    /// <param name="order">The sort: by name, or largest first by a column.</param>
    /// <param name="top">How many rows to keep; null for all.</param>
    /// <returns>The rows to print.</returns>
    public IReadOnlyList<OperationStatistics> Rows(SummarySort order, int? top = null)
    {
        var byName = _operations.Values.OrderBy(o => o.Operation, StringComparer.Ordinal);
        var sorted = order switch
        {
            SummarySort.P95 => _operations.Values.OrderByDescending(o => o.Durations.Percentile(0.95)).ThenBy(o => o.Operation, StringComparer.Ordinal),
            SummarySort.Calls => _operations.Values.OrderByDescending(o => o.Calls).ThenBy(o => o.Operation, StringComparer.Ordinal),
            SummarySort.Max => _operations.Values.OrderByDescending(o => o.Durations.Max).ThenBy(o => o.Operation, StringComparer.Ordinal),
            SummarySort.Errors => _operations.Values.OrderByDescending(o => o.Errors).ThenBy(o => o.Operation, StringComparer.Ordinal),
            _ => byName,
        };
        return [.. top is { } count ? sorted.Take(count) : sorted];
    }
}
