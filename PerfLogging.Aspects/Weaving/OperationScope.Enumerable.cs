using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>Iterator shapes: the operation is the whole enumeration, not the call that returns the sequence.</summary>
public partial struct OperationScope
{
    /// <summary>
    /// A capture for the arguments of an iterator call, or null when they are not wanted (not asked for, no
    /// parameters, tracking off, or no level that could write them enabled).
    /// </summary>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <returns>The capture, or null.</returns>
    public static ArgumentCapture? CaptureArguments(OperationDescriptor descriptor)
    {
        var operation = descriptor.Current;
        if (!operation.Enabled || !operation.IncludeArgs || operation.Descriptor.ParameterNames.Length == 0 ||
            !(IsEnabled(operation.Logger, operation.MinLevel) || AnyLevelEnabled(operation)))
        {
            return null;
        }

        return new ArgumentCapture(new ArgumentSummary(descriptor, operation.MaxArgLength, operation.State.Redactors));
    }

    /// <summary>Wraps an iterator's sequence so each enumeration is tracked as one operation.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <param name="source">The sequence the original method returned.</param>
    /// <param name="arguments">The arguments captured at the call, or null.</param>
    /// <returns>A sequence that streams the same items.</returns>
    public static IEnumerable<T> TrackEnumerable<T>(OperationDescriptor descriptor, IEnumerable<T> source, ArgumentCapture? arguments) =>
        source is null ? source! : new TrackedEnumerable<T>(descriptor, source, arguments);

    /// <summary>Wraps an async iterator's sequence so each enumeration is tracked as one operation.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <param name="source">The sequence the original method returned.</param>
    /// <param name="arguments">The arguments captured at the call, or null.</param>
    /// <returns>A sequence that streams the same items.</returns>
    public static IAsyncEnumerable<T> TrackAsyncEnumerable<T>(OperationDescriptor descriptor, IAsyncEnumerable<T> source, ArgumentCapture? arguments) =>
        source is null ? source! : new TrackedAsyncEnumerable<T>(descriptor, source, arguments);
}
