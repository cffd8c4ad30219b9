namespace PerfLogging.Configuration;

/// <summary>Spans for tracked operations, through the <c>PerfLogging</c> <c>ActivitySource</c>.</summary>
public sealed class TracingOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether each tracked operation starts an <c>Activity</c> (a span) carrying the
    /// same tags as its log record, when something listens to the <c>PerfLogging</c> source.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Enabled { get; set; } = PerformanceLoggingDefaults.TracingEnabled;

    internal TracingOptions Clone() => (TracingOptions)MemberwiseClone();
}
