namespace PerfLogging;

/// <summary>
/// Times and logs calls only when a condition holds. With a constant, <see langword="false"/> leaves the method
/// untouched at build time. With a type and member, the static <see langword="bool"/> property, field or
/// parameterless method is read on every call and the call is tracked only when it returns true.
/// </summary>
/// <example><code>[ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.IsProduction))]</code></example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct,
    Inherited = false)]
public sealed class ConditionalPerformanceLoggingAttribute : PerformanceAspectAttribute
{
    /// <summary>Initializes a new instance with a constant condition.</summary>
    /// <param name="enabled">False leaves the method unwoven.</param>
    public ConditionalPerformanceLoggingAttribute(bool enabled)
    {
        Enabled = enabled;
    }

    /// <summary>Initializes a new instance with a condition read on every call.</summary>
    /// <param name="conditionType">The type that declares the condition.</param>
    /// <param name="conditionMember">A static bool property, field or parameterless method of that type.</param>
    public ConditionalPerformanceLoggingAttribute(Type conditionType, string conditionMember)
    {
        Enabled = true;
        ConditionType = conditionType;
        ConditionMember = conditionMember;
    }

    /// <summary>Gets a value indicating whether the method is woven at all.</summary>
    public bool Enabled { get; }

    /// <summary>Gets the type that declares the condition, if any.</summary>
    public Type? ConditionType { get; }

    /// <summary>Gets the name of the condition member, if any.</summary>
    public string? ConditionMember { get; }
}
