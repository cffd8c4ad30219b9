using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>Iterator shapes: the operation is the whole enumeration, not the call that returns the sequence.</summary>
public partial struct OperationScope
{
    /// <summary>Wraps an iterator's sequence so each enumeration is tracked as one operation.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <param name="source">The sequence the original method returned.</param>
    /// <returns>A sequence that streams the same items.</returns>
    public static IEnumerable<T> TrackEnumerable<T>(OperationDescriptor descriptor, IEnumerable<T> source) =>
        source is null ? source! : new TrackedEnumerable<T>(descriptor, source);

    /// <summary>Wraps an async iterator's sequence so each enumeration is tracked as one operation.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <param name="source">The sequence the original method returned.</param>
    /// <returns>A sequence that streams the same items.</returns>
    public static IAsyncEnumerable<T> TrackAsyncEnumerable<T>(OperationDescriptor descriptor, IAsyncEnumerable<T> source) =>
        source is null ? source! : new TrackedAsyncEnumerable<T>(descriptor, source);
}
