using System.ComponentModel;
using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>
/// The arguments of an iterator call, captured when it is called: the enumeration (the operation) starts later.
/// Woven code asks <see cref="OperationScope.CaptureArguments"/> for one and hands each argument over typed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArgumentCapture
{
    internal ArgumentCapture(ArgumentSummary summary)
    {
        Summary = summary;
    }

    internal ArgumentSummary Summary { get; }

    /// <summary>Hands over one argument, typed.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="index">The parameter position.</param>
    /// <param name="value">The value passed in.</param>
    public void Add<T>(int index, T value) => Summary.Add(index, value);
}
