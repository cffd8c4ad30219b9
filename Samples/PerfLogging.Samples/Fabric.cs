using PerfLogging.Fabrics;

namespace PerfLogging.Samples;

/// <summary>
/// One fabric instead of an attribute on every repository method: everything public in Orders.Data whose type
/// ends in Repository is timed with the JSON-defined "api" profile and its memory measured.
/// </summary>
[PerformanceLoggingRule(Namespace = "PerfLogging.Samples.Orders.Data", TypeName = "*Repository", Profile = "api", IncludeMemory = true)]
internal sealed class Fabric : ProjectFabric
{
}
