using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PerfLogging.Diagnostics;
using PerfLogging.Weaving;

namespace PerfLogging.Runtime;

/// <summary>
/// The effective settings of one operation under one <see cref="RuntimeState"/>, merged with DESIGN precedence:
/// explicit aspect argument, then the <c>Operations</c> entry, then the profile, then the defaults.
/// </summary>
internal sealed class ResolvedOperation
{
    public ResolvedOperation(OperationDescriptor descriptor, RuntimeState state, bool createLogger = true)
    {
        Descriptor = descriptor;
        State = state;
        var aspect = descriptor.Aspect;
        var options = state.Options;

        Name = descriptor.ExplicitName ?? DefaultName(descriptor, aspect, options.AutoOperationNaming);
        state.Operations.TryGetValue(Name, out var operation);
        Enabled = state.Enabled && (operation?.Enabled ?? true);

        (double WarningSeconds, double CriticalSeconds)? profile = null;
        if (aspect.IsSet(AspectSetting.Profile) && !string.IsNullOrWhiteSpace(aspect.Profile))
        {
            if (state.Profiles.TryGetValue(aspect.Profile, out var known))
            {
                profile = (known.WarningSeconds, known.CriticalSeconds);
            }
            else
            {
                SelfDiagnostics.Report(
                    SelfDiagnosticKind.UnknownProfile,
                    $"Profile '{aspect.Profile}' of operation '{Name}' is not defined; the default thresholds apply. " +
                    $"Define it under PerformanceLogging:Profiles or use one of {string.Join(", ", state.Profiles.Keys)}.");
            }
        }

        WarningSeconds = ThresholdPrecedence.Resolve(
            warning: true, aspect.IsSet(AspectSetting.ThresholdWarning) ? aspect.ThresholdWarning : null, null, Name,
            operation?.WarningSeconds, aspect.Profile, profile?.WarningSeconds, options.Thresholds.WarningSeconds).Value;
        CriticalSeconds = ThresholdPrecedence.Resolve(
            warning: false, aspect.IsSet(AspectSetting.ThresholdCritical) ? aspect.ThresholdCritical : null, null, Name,
            operation?.CriticalSeconds, aspect.Profile, profile?.CriticalSeconds, options.Thresholds.CriticalSeconds).Value;

        var metrics = options.Metrics;
        IncludeArgs = aspect.IsSet(AspectSetting.IncludeArgs) ? aspect.IncludeArgs : metrics.IncludeFunctionArgs;
        IncludeResult = aspect.IsSet(AspectSetting.IncludeResult) ? aspect.IncludeResult : metrics.IncludeFunctionResult;
        IncludeMemory = aspect.IsSet(AspectSetting.IncludeMemory) ? aspect.IncludeMemory : metrics.IncludeMemoryUsage;
        IncludeCpu = aspect.IsSet(AspectSetting.IncludeCpu) ? aspect.IncludeCpu : metrics.IncludeCpuUsage;
        MemoryWarningMb = options.Thresholds.MemoryWarningMb;
        MemoryCriticalMb = options.Thresholds.MemoryCriticalMb;
        MaxArgLength = metrics.MaxArgLength;
        MaxResultLength = metrics.MaxResultLength;
        OnError = aspect.OnError;
        TracingEnabled = options.Tracing?.Enabled ?? false;

        SuccessLevel = state.SuccessLevel;
        WarningLevel = state.WarningLevel;
        CriticalLevel = state.CriticalLevel;
        ErrorLevel = state.ErrorLevel;
        MinLevel = (LogLevel)Math.Min(Math.Min((int)SuccessLevel, (int)WarningLevel), Math.Min((int)CriticalLevel, (int)ErrorLevel));
        SuccessAtMinLevel = SuccessLevel == MinLevel;
        Logger = createLogger ? CreateLogger(state, descriptor.LoggerCategory) : NullLogger.Instance;

        // ILogger.Log is a generic interface method: bound once here, each call is a delegate call instead of a generic
        // virtual dispatch.
        Log = Logger.Log<PerformanceLogState>;
        NameTag = new KeyValuePair<string, object?>(PerformanceMeter.OperationTag, Name);
    }

    public OperationDescriptor Descriptor { get; }

    public RuntimeState State { get; }

    public string Name { get; }

    public bool Enabled { get; }

    public double WarningSeconds { get; }

    public double CriticalSeconds { get; }

    public bool IncludeArgs { get; }

    public bool IncludeResult { get; }

    public bool IncludeMemory { get; }

    public bool IncludeCpu { get; }

    public double MemoryWarningMb { get; }

    public double MemoryCriticalMb { get; }

    public int MaxArgLength { get; }

    public int MaxResultLength { get; }

    public PerformanceErrorMode OnError { get; }

    public bool TracingEnabled { get; }

    public LogLevel SuccessLevel { get; }

    public LogLevel WarningLevel { get; }

    public LogLevel CriticalLevel { get; }

    public LogLevel ErrorLevel { get; }

    /// <summary>The lowest level any outcome is written at: below it, nothing about this operation is logged.</summary>
    public LogLevel MinLevel { get; }

    /// <summary>
    /// Gets a value indicating whether a success is written at <see cref="MinLevel"/>: then a call that found that level
    /// disabled when it started and succeeded has no record to write.
    /// </summary>
    public bool SuccessAtMinLevel { get; }

    public ILogger Logger { get; }

    /// <summary><see cref="ILogger.Log{TState}"/> of <see cref="Logger"/>, bound to performance records.</summary>
    public Action<LogLevel, EventId, PerformanceLogState, Exception?, Func<PerformanceLogState, Exception?, string>> Log { get; }

    public KeyValuePair<string, object?> NameTag { get; }

    public LogLevel LevelOf(PerformanceOutcome outcome) => outcome == PerformanceOutcome.Success ? SuccessLevel : LevelOfOther(outcome);

    private LogLevel LevelOfOther(PerformanceOutcome outcome) => outcome switch
    {
        PerformanceOutcome.Warning => WarningLevel,
        PerformanceOutcome.Critical => CriticalLevel,
        _ => ErrorLevel,
    };

    private static string DefaultName(OperationDescriptor descriptor, PerformanceAspectAttribute aspect, bool autoNaming) =>
        OperationNames.Default(descriptor.ClassName, descriptor.MethodName, autoNaming && aspect.IncludeClassName);

    private static ILogger CreateLogger(RuntimeState state, string category)
    {
        try
        {
            using var suppressed = TrackingSuppression.OnThread();
            return state.LoggerFactory.CreateLogger(category);
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerFactory, "The logger factory failed to create a logger; records of this operation are dropped.", ex);
            return NullLogger.Instance;
        }
    }
}
