using Microsoft.Extensions.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Configuration;

/// <summary>
/// Every value of the wrong type in the <c>PerformanceLogging</c> section, found before binding: the binder stops at the
/// first one, this lists them all, in the words the build's PERF003 uses for the same value.
/// </summary>
internal static class ConfigurationTypeCheck
{
    public static List<RuleViolation> Find(IConfiguration section)
    {
        var found = new List<RuleViolation>();
        Walk(section, ConfigurationSchema.Root, string.Empty, found);
        return found;
    }

    private static void Walk(IConfiguration node, ConfigurationSchema schema, string prefix, List<RuleViolation> found)
    {
        foreach (var child in node.GetChildren())
        {
            if (!schema.Keys.TryGetValue(child.Key, out var entry))
            {
                continue;
            }

            var path = prefix + entry.Name;
            switch (entry.Kind)
            {
                case ValueKind.Section:
                    Walk(child, entry.Child!, path + ":", found);
                    break;
                case ValueKind.Map:
                    foreach (var item in child.GetChildren())
                    {
                        Walk(item, entry.Child!, $"{path}:{item.Key}:", found);
                    }

                    break;
                default:
                    if (PerformanceLoggingRules.CheckType(path, child.Value, entry.Kind) is { } wrong)
                    {
                        found.Add(wrong);
                    }

                    break;
            }
        }
    }
}
