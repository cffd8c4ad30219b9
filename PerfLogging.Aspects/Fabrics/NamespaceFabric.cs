namespace PerfLogging.Fabrics;

/// <summary>
/// Base of a class whose <see cref="PerformanceLoggingRuleAttribute"/>s apply to the fabric's own namespace (and
/// its child namespaces unless a rule turns that off). Fabrics are read at build time and removed from the output.
/// </summary>
public abstract class NamespaceFabric
{
}
