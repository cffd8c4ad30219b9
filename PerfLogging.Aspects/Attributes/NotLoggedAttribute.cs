namespace PerfLogging;

/// <summary>Redacts a parameter, or the return value, from argument and result summaries.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class NotLoggedAttribute : Attribute
{
}
