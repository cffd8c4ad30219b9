namespace PerfLogging;

/// <summary>
/// Adds a constant field to every record of the operation (seed: <c>context_fields</c>), as a structured property
/// named exactly <see cref="Name"/>.
/// </summary>
/// <example><code>[PerformanceContext("component", "database")]</code></example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = true,
    Inherited = false)]
public sealed class PerformanceContextAttribute : Attribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The field value.</param>
    public PerformanceContextAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>Gets the field name.</summary>
    public string Name { get; }

    /// <summary>Gets the field value.</summary>
    public string Value { get; }
}
