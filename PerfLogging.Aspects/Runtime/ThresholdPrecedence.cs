// How an operation's thresholds are decided, in one file with no dependency beyond the BCL: compiled into the runtime
// (which applies them) and linked into the analyzer (which checks, at build time, the thresholds each woven method
// will run with), so both resolve the same layers the same way.
namespace PerfLogging.Runtime;

/// <summary>Where an effective threshold came from, highest precedence first.</summary>
internal enum ThresholdSource
{
    Aspect,
    Operation,
    Profile,
    Thresholds,
}

/// <summary>
/// One effective threshold: its value and the layer that set it. The path and the layer's name are only for
/// messages, so they are made when asked, not when the runtime resolves an operation.
/// </summary>
internal readonly struct ResolvedThreshold(double value, ThresholdSource source, bool warning, string? name)
{
    public double Value { get; } = value;

    public ThresholdSource Source { get; } = source;

    /// <summary>Where it was set: <c>ThresholdWarning</c>, <c>Operations:Shop.Pay:WarningSeconds</c>, <c>Profiles:fast:CriticalSeconds</c>, <c>Thresholds:WarningSeconds</c>.</summary>
    public string Path => Source switch
    {
        ThresholdSource.Aspect => warning ? "ThresholdWarning" : "ThresholdCritical",
        ThresholdSource.Operation => $"Operations:{name}:{Key}",
        ThresholdSource.Profile => $"Profiles:{name}:{Key}",
        _ => $"Thresholds:{Key}",
    };

    /// <summary>
    /// The layer, for messages: the aspect layer's name as the weaving manifest writes it (<c>method attribute</c>),
    /// <c>Operations entry</c>, <c>profile 'fast'</c>, <c>Thresholds of the configuration</c>.
    /// </summary>
    public string Layer => Source switch
    {
        ThresholdSource.Aspect => name ?? string.Empty,
        ThresholdSource.Operation => "Operations entry",
        ThresholdSource.Profile => $"profile '{name}'",
        _ => "Thresholds of the configuration",
    };

    private string Key => warning ? "WarningSeconds" : "CriticalSeconds";
}

internal static class ThresholdPrecedence
{
    /// <summary>
    /// Highest first: the aspect's own argument (from the method attribute, type attribute or fabric rule that set it,
    /// named by <paramref name="aspectLayer"/>), then the <c>Operations</c> entry of the operation, then its profile (an
    /// unknown profile is skipped), then <c>Thresholds</c>.
    /// </summary>
    public static ResolvedThreshold Resolve(
        bool warning,
        double? aspect,
        string? aspectLayer,
        string operationName,
        double? operation,
        string? profileName,
        double? profile,
        double thresholds) =>
        aspect is { } fromAspect ? new ResolvedThreshold(fromAspect, ThresholdSource.Aspect, warning, aspectLayer)
        : operation is { } fromOperation ? new ResolvedThreshold(fromOperation, ThresholdSource.Operation, warning, operationName)
        : profile is { } fromProfile ? new ResolvedThreshold(fromProfile, ThresholdSource.Profile, warning, profileName)
        : new ResolvedThreshold(thresholds, ThresholdSource.Thresholds, warning, null);
}
