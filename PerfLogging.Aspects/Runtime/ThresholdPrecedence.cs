// How an operation's thresholds are decided, in one file with no dependency beyond the BCL: compiled into the runtime
// (which applies them) and linked into the analyzer (which checks, at build time, the thresholds each woven method
// will run with), so both resolve the same layers the same way.
namespace PerfLogging.Runtime;

/// <summary>One effective threshold: its value, the configuration path or argument that set it, and the layer it came from.</summary>
internal readonly struct ResolvedThreshold
{
    public ResolvedThreshold(double value, string path, string layer)
    {
        Value = value;
        Path = path;
        Layer = layer;
    }

    public double Value { get; }

    /// <summary>Where it was set: <c>ThresholdWarning</c>, <c>Operations:Shop.Pay:WarningSeconds</c>, <c>Profiles:fast:CriticalSeconds</c>, <c>Thresholds:WarningSeconds</c>.</summary>
    public string Path { get; }

    /// <summary>The layer, for messages: <c>method attribute</c>, <c>the Operations entry</c>, <c>profile 'fast'</c>, <c>Thresholds</c>.</summary>
    public string Layer { get; }
}

internal static class ThresholdPrecedence
{
    /// <summary>
    /// Highest first: the aspect's own argument (from the method attribute, type attribute or fabric rule that set it),
    /// then the <c>Operations</c> entry of the operation, then its profile (an unknown profile is skipped), then
    /// <c>Thresholds</c>.
    /// </summary>
    public static ResolvedThreshold Resolve(
        bool warning,
        double? aspect,
        string aspectLayer,
        string operationName,
        double? operation,
        string? profileName,
        double? profile,
        double thresholds)
    {
        var key = warning ? "WarningSeconds" : "CriticalSeconds";
        if (aspect is { } fromAspect)
        {
            return new ResolvedThreshold(fromAspect, warning ? "ThresholdWarning" : "ThresholdCritical", aspectLayer);
        }

        if (operation is { } fromOperation)
        {
            return new ResolvedThreshold(fromOperation, $"Operations:{operationName}:{key}", "the Operations entry");
        }

        if (profile is { } fromProfile)
        {
            return new ResolvedThreshold(fromProfile, $"Profiles:{profileName}:{key}", $"profile '{profileName}'");
        }

        return new ResolvedThreshold(thresholds, $"Thresholds:{key}", "Thresholds");
    }
}
