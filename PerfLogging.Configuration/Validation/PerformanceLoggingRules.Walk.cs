// Which rule applies to which key, in one place for the run-time validator and the analyzer (linked like the rules
// themselves). BCL only, netstandard2.0-clean.
using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLogging.Configuration.Validation;

internal static partial class PerformanceLoggingRules
{
    /// <summary>
    /// Every rule the configuration breaks, in key order. An absent threshold takes its default (a profile's, the
    /// default thresholds); a violation is reported only when the configuration sets one of the values involved.
    /// </summary>
    public static List<RuleViolation> Validate(IRuleValues values)
    {
        var found = new List<RuleViolation>();
        void Add(RuleViolation? violation, bool reported)
        {
            if (reported && violation is { } v)
            {
                found.Add(v);
            }
        }

        void Pair(string warningPath, double warningDefault, string criticalPath, double criticalDefault, bool seconds, bool alwaysOrder)
        {
            var warning = values.Number(warningPath) ?? warningDefault;
            var critical = values.Number(criticalPath) ?? criticalDefault;
            Add(seconds ? CheckSeconds(warningPath, warning) : CheckMegabytes(warningPath, warning), values.Has(warningPath));
            Add(seconds ? CheckSeconds(criticalPath, critical) : CheckMegabytes(criticalPath, critical), values.Has(criticalPath));
            Add(CheckOrder(warningPath, warning, criticalPath, critical, seconds ? "s" : "MB"), alwaysOrder || values.Has(warningPath) || values.Has(criticalPath));
        }

        const string warningKey = "Thresholds:WarningSeconds";
        const string criticalKey = "Thresholds:CriticalSeconds";
        Pair(warningKey, PerformanceLoggingDefaults.WarningSeconds, criticalKey, PerformanceLoggingDefaults.CriticalSeconds, seconds: true, alwaysOrder: false);
        Pair("Thresholds:MemoryWarningMb", PerformanceLoggingDefaults.MemoryWarningMb, "Thresholds:MemoryCriticalMb", PerformanceLoggingDefaults.MemoryCriticalMb, seconds: false, alwaysOrder: false);

        // A profile's missing threshold is the default one, so a profile can break the order without setting either.
        var warningDefault = values.Number(warningKey) ?? PerformanceLoggingDefaults.WarningSeconds;
        var criticalDefault = values.Number(criticalKey) ?? PerformanceLoggingDefaults.CriticalSeconds;
        foreach (var name in values.Names("Profiles").OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            Pair($"Profiles:{name}:WarningSeconds", warningDefault, $"Profiles:{name}:CriticalSeconds", criticalDefault, seconds: true, alwaysOrder: true);
        }

        foreach (var (path, fallback) in new[] { ("Metrics:MaxArgLength", PerformanceLoggingDefaults.MaxArgLength), ("Metrics:MaxResultLength", PerformanceLoggingDefaults.MaxResultLength) })
        {
            Add(CheckLimit(path, values.Integer(path) ?? fallback, fallback), values.Has(path));
        }

        foreach (var path in new[] { "LogLevels:Success", "LogLevels:Warning", "LogLevels:Critical", "LogLevels:Error" })
        {
            Add(CheckLevel(path, values.Text(path)), values.Has(path));
        }

        Add(CheckName("ContextPrefix", values.Text("ContextPrefix"), PerformanceLoggingDefaults.ContextPrefix), values.Has("ContextPrefix"));
        Add(CheckName("OperationField", values.Text("OperationField"), PerformanceLoggingDefaults.OperationField), values.Has("OperationField"));

        // An operation inherits what it leaves out from the method's profile, unknown here: only what it sets is checked.
        foreach (var name in values.Names("Operations").OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
        {
            var warningPath = $"Operations:{name}:WarningSeconds";
            var criticalPath = $"Operations:{name}:CriticalSeconds";
            var warning = values.Number(warningPath);
            var critical = values.Number(criticalPath);
            Add(CheckSeconds(warningPath, warning ?? 0), warning is not null);
            Add(CheckSeconds(criticalPath, critical ?? 0), critical is not null);
            Add(CheckOrder(warningPath, warning ?? 0, criticalPath, critical ?? 0), warning is not null && critical is not null);
        }

        return found;
    }
}
