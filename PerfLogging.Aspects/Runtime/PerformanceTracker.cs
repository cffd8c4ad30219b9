using System.Collections.Concurrent;
using PerfLogging.Weaving;

namespace PerfLogging;

/// <summary>
/// Tracks a block of code where an attribute does not fit, through the same pipeline as woven methods:
/// <c>using (var op = PerformanceTracker.Start("import")) { … }</c>.
/// </summary>
public static class PerformanceTracker
{
    /// <summary>The logger category of manual operations.</summary>
    public const string Category = "PerfLogging.PerformanceTracker";

    private const int MaxCachedNames = 1024;
    private static readonly ConcurrentDictionary<string, OperationDescriptor> s_descriptors = new(StringComparer.Ordinal);

    /// <summary>Starts an operation with the configured defaults (and its <c>Operations</c> entry, if any).</summary>
    /// <param name="operationName">The operation name.</param>
    /// <returns>The operation; dispose it to record success, or call <see cref="PerformanceOperation.Fail"/> first.</returns>
    public static PerformanceOperation Start(string operationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationName);
        if (!s_descriptors.TryGetValue(operationName, out var descriptor))
        {
            descriptor = Create(operationName, new PerformanceLoggingAttribute());
            if (s_descriptors.Count < MaxCachedNames)
            {
                descriptor = s_descriptors.GetOrAdd(operationName, descriptor);
            }
        }

        return new PerformanceOperation(descriptor);
    }

    /// <summary>Starts an operation with aspect settings (profile, thresholds, memory, …).</summary>
    /// <param name="operationName">The operation name.</param>
    /// <param name="settings">The settings; those left unset inherit as for an attribute.</param>
    /// <returns>The operation.</returns>
    public static PerformanceOperation Start(string operationName, PerformanceLoggingAttribute settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationName);
        ArgumentNullException.ThrowIfNull(settings);
        return new PerformanceOperation(Create(operationName, settings));
    }

    private static OperationDescriptor Create(string operationName, PerformanceLoggingAttribute settings)
    {
        settings.OperationName = operationName;
        return OperationDescriptor.CreateManual(operationName, settings, settings.IsSet(AspectSetting.LoggerName) ? settings.LoggerName! : Category);
    }
}

/// <summary>A manual operation in progress. Dispose records it (as a success unless it failed).</summary>
public sealed class PerformanceOperation : IDisposable
{
    private OperationScope _scope;

    internal PerformanceOperation(OperationDescriptor descriptor)
    {
        Name = descriptor.OperationName;
        OperationScope.Start(descriptor, out _scope);
    }

    /// <summary>Gets the operation name.</summary>
    public string Name { get; }

    /// <summary>Records the operation as successful now.</summary>
    public void Complete() => _scope.Complete();

    /// <summary>Records the operation as failed with <paramref name="exception"/>; the caller still decides whether to throw.</summary>
    /// <param name="exception">What went wrong.</param>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _scope.Fail(exception);
    }

    /// <summary>Records the operation as successful unless it was already recorded.</summary>
    public void Dispose() => _scope.Complete();
}
