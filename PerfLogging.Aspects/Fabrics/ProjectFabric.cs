namespace PerfLogging.Fabrics;

/// <summary>
/// Base of a class whose <see cref="PerformanceLoggingRuleAttribute"/>s apply to the whole project. Fabrics are
/// read at build time and removed from the output assembly.
/// </summary>
public abstract class ProjectFabric
{
}
