using PerfLogging.Fabrics;

namespace Shop;

[PerformanceLoggingRule(Namespace = "Shop.Services", Profile = "normal")]
[PerformanceLoggingRule(Namespace = "Shop.Data", TypeName = "*Repository", ThresholdWarning = 2, ThresholdCritical = 10)]
[PerformanceLoggingRule(Namespace = "Shop.Payments", Profile = "fast", IncludeResult = true)]
[PerformanceLoggingRule(Namespace = "Shop.**.Jobs", MethodName = "Run*", Visibility = MethodVisibility.All, IncludeChildNamespaces = false)]
internal sealed class Fabric : ProjectFabric
{
}
