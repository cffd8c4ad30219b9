using System.Collections.Frozen;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Runtime;

/// <summary>
/// An immutable, pre-parsed snapshot of the options and the logging stack. The runtime swaps the whole snapshot
/// on Configure or reload, so a call in flight always sees one consistent configuration.
/// </summary>
internal sealed class RuntimeState
{
    private const long AnchorLifetimeSeconds = 60;

    private static int s_lastVersion;

    private readonly double _ticksPerTimestamp;
    private ClockAnchor? _anchor;

    public RuntimeState(PerformanceLoggingOptions options, ILoggerFactory? loggerFactory, TimeProvider timeProvider, IRedactorProvider? redactors = null)
    {
        Redactors = redactors;
        Version = Interlocked.Increment(ref s_lastVersion);
        Options = options;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        IsLoggingConfigured = loggerFactory is not null;
        TimeProvider = timeProvider;
        UsesSystemClock = ReferenceEquals(timeProvider, TimeProvider.System);
        TimestampFrequency = UsesSystemClock ? System.Diagnostics.Stopwatch.Frequency : timeProvider.TimestampFrequency;
        _ticksPerTimestamp = TimeSpan.TicksPerSecond / (double)TimestampFrequency;
        Enabled = options.Enabled;
        Profiles = options.Profiles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Operations = options.Operations.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        SuccessLevel = ParseLevel(options.LogLevels.Success, LogLevel.Information);
        WarningLevel = ParseLevel(options.LogLevels.Warning, LogLevel.Warning);
        CriticalLevel = ParseLevel(options.LogLevels.Critical, LogLevel.Critical);
        ErrorLevel = ParseLevel(options.LogLevels.Error, LogLevel.Error);
    }

    /// <summary>Grows with every snapshot; descriptors re-resolve when it changes.</summary>
    public int Version { get; }

    public PerformanceLoggingOptions Options { get; }

    /// <summary>Redacts arguments and results that carry a data classification; null when none is registered.</summary>
    public IRedactorProvider? Redactors { get; }

    public ILoggerFactory LoggerFactory { get; }

    public bool IsLoggingConfigured { get; }

    public TimeProvider TimeProvider { get; }

    public bool UsesSystemClock { get; }

    public bool Enabled { get; }

    public FrozenDictionary<string, ProfileOptions> Profiles { get; }

    public FrozenDictionary<string, OperationOptions> Operations { get; }

    public LogLevel SuccessLevel { get; }

    public LogLevel WarningLevel { get; }

    public LogLevel CriticalLevel { get; }

    public LogLevel ErrorLevel { get; }

    /// <summary>Timestamps per second, read once: the clock's frequency does not change.</summary>
    public long TimestampFrequency { get; }

    public long GetTimestamp() => UsesSystemClock ? System.Diagnostics.Stopwatch.GetTimestamp() : TimeProvider.GetTimestamp();

    public double SecondsBetween(long start, long end) => (end - start) / (double)TimestampFrequency;

    /// <summary>
    /// The wall-clock time of a recent timestamp, without reading the wall clock on every call: from a (wall clock,
    /// timestamp) pair read together, renewed once the timestamp is a minute past it, so a step or drift of the wall
    /// clock is picked up within a minute. In UTC ticks.
    /// </summary>
    public long WallClockTicksAt(long timestamp)
    {
        var anchor = _anchor;
        if (anchor is null || timestamp - anchor.Timestamp > AnchorLifetimeSeconds * TimestampFrequency)
        {
            anchor = new ClockAnchor(TimeProvider.GetUtcNow().UtcTicks, GetTimestamp());
            _anchor = anchor;
        }

        return anchor.UtcTicks + (long)Math.Round((timestamp - anchor.Timestamp) * _ticksPerTimestamp);
    }

    private static LogLevel ParseLevel(string? name, LogLevel fallback) =>
        name is not null && PerformanceLoggingRules.TryParseLevel(name, out var level) ? (LogLevel)level : fallback;

    private sealed record ClockAnchor(long UtcTicks, long Timestamp);
}
