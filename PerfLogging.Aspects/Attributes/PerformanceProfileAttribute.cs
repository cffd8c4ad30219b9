namespace PerfLogging;

/// <summary>Times and logs every call with the thresholds of a named profile (seed: <c>performance_profile</c>).</summary>
/// <example><code>[PerformanceProfile("fast", IncludeMemory = true)]</code></example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct,
    Inherited = false)]
public sealed class PerformanceProfileAttribute : PerformanceAspectAttribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="profile">The profile: fast, normal, slow, or one defined in configuration.</param>
    public PerformanceProfileAttribute(string profile)
    {
        Profile = profile;
    }
}
