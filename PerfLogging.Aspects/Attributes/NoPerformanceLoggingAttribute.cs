namespace PerfLogging;

/// <summary>Excludes a method, or every method of a type, from type attributes and fabric rules.</summary>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct,
    Inherited = false)]
public sealed class NoPerformanceLoggingAttribute : Attribute
{
}
