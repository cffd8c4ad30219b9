using System;
using System.Linq;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>PERF003 for values of the right type: the shared rules, applied as the run-time validator applies them.</summary>
internal sealed partial class ConfigurationReader
{
    /// <summary>The shared rules, exactly as the run-time validator applies them.</summary>
    private void Validate(ConfigurationValues values)
    {
        double Number(string path, double fallback) => _nodes.TryGetValue(path, out var node) && TryNumber(node, out var n) ? n : fallback;
        double? Optional(string path) => _nodes.TryGetValue(path, out var node) && TryNumber(node, out var n) ? n : null;
        bool Has(string path) => _nodes.ContainsKey(path);

        var warning = Number("Thresholds:WarningSeconds", PerformanceLoggingDefaults.WarningSeconds);
        var critical = Number("Thresholds:CriticalSeconds", PerformanceLoggingDefaults.CriticalSeconds);
        values.WarningSeconds = Optional("Thresholds:WarningSeconds");
        values.CriticalSeconds = Optional("Thresholds:CriticalSeconds");
        if (_nodes.TryGetValue("Metrics:IncludeFunctionArgs", out var args) && TryBoolean(args, out var includeArgs))
        {
            values.IncludeFunctionArgs = includeArgs;
        }

        CheckIfPresent("Thresholds:WarningSeconds", PerformanceLoggingRules.CheckSeconds("Thresholds:WarningSeconds", warning));
        CheckIfPresent("Thresholds:CriticalSeconds", PerformanceLoggingRules.CheckSeconds("Thresholds:CriticalSeconds", critical));
        if (Has("Thresholds:WarningSeconds") || Has("Thresholds:CriticalSeconds"))
        {
            Check(PerformanceLoggingRules.CheckOrder("Thresholds:WarningSeconds", warning, "Thresholds:CriticalSeconds", critical), "Thresholds:WarningSeconds", "Thresholds:CriticalSeconds");
        }

        var memoryWarning = Number("Thresholds:MemoryWarningMb", PerformanceLoggingDefaults.MemoryWarningMb);
        var memoryCritical = Number("Thresholds:MemoryCriticalMb", PerformanceLoggingDefaults.MemoryCriticalMb);
        CheckIfPresent("Thresholds:MemoryWarningMb", PerformanceLoggingRules.CheckMegabytes("Thresholds:MemoryWarningMb", memoryWarning));
        CheckIfPresent("Thresholds:MemoryCriticalMb", PerformanceLoggingRules.CheckMegabytes("Thresholds:MemoryCriticalMb", memoryCritical));
        if (Has("Thresholds:MemoryWarningMb") || Has("Thresholds:MemoryCriticalMb"))
        {
            Check(PerformanceLoggingRules.CheckOrder("Thresholds:MemoryWarningMb", memoryWarning, "Thresholds:MemoryCriticalMb", memoryCritical, "MB"), "Thresholds:MemoryWarningMb", "Thresholds:MemoryCriticalMb");
        }

        foreach (var key in _nodes.Keys.Where(k => k.StartsWith("Profiles:", StringComparison.OrdinalIgnoreCase) && k.Count(c => c == ':') == 1).ToList())
        {
            var name = key.Substring("Profiles:".Length);
            var w = $"{key}:WarningSeconds";
            var c = $"{key}:CriticalSeconds";
            values.Profiles[name] = (Optional(w), Optional(c));
            var profileWarning = Number(w, warning);
            var profileCritical = Number(c, critical);
            CheckIfPresent(w, PerformanceLoggingRules.CheckSeconds(w, profileWarning));
            CheckIfPresent(c, PerformanceLoggingRules.CheckSeconds(c, profileCritical));
            Check(PerformanceLoggingRules.CheckOrder(w, profileWarning, c, profileCritical), w, c, key);
        }

        foreach (var key in _nodes.Keys.Where(k => k.StartsWith("Operations:", StringComparison.OrdinalIgnoreCase) && k.Count(c => c == ':') == 1).ToList())
        {
            var w = $"{key}:WarningSeconds";
            var c = $"{key}:CriticalSeconds";
            CheckIfPresent(w, PerformanceLoggingRules.CheckSeconds(w, Number(w, 0)));
            CheckIfPresent(c, PerformanceLoggingRules.CheckSeconds(c, Number(c, 0)));
            if (Has(w) && Has(c))
            {
                Check(PerformanceLoggingRules.CheckOrder(w, Number(w, 0), c, Number(c, 0)), w, c);
            }
        }

        foreach (var (key, fallback) in new[] { ("Metrics:MaxArgLength", PerformanceLoggingDefaults.MaxArgLength), ("Metrics:MaxResultLength", PerformanceLoggingDefaults.MaxResultLength) })
        {
            if (_nodes.TryGetValue(key, out var node) && TryInteger(node, out var length))
            {
                Check(PerformanceLoggingRules.CheckLimit(key, length, fallback), key);
            }
        }

        foreach (var key in new[] { "LogLevels:Success", "LogLevels:Warning", "LogLevels:Critical", "LogLevels:Error" })
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                Check(PerformanceLoggingRules.CheckLevel(key, node.Raw), key);
            }
        }

        foreach (var (key, fallback) in new[] { ("ContextPrefix", PerformanceLoggingDefaults.ContextPrefix), ("OperationField", PerformanceLoggingDefaults.OperationField) })
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                Check(PerformanceLoggingRules.CheckName(key, node.Raw, fallback), key);
            }
        }
    }

    private void CheckIfPresent(string path, RuleViolation? violation)
    {
        if (_nodes.ContainsKey(path))
        {
            Check(violation, path);
        }
    }

    /// <summary>Reports a violation at the first of <paramref name="paths"/> that the file actually sets.</summary>
    private void Check(RuleViolation? violation, params string[] paths)
    {
        if (violation is not { } v)
        {
            return;
        }

        var node = paths.Select(p => _nodes.TryGetValue(p, out var n) ? n : null).FirstOrDefault(n => n is not null);
        if (node is not null)
        {
            Report(DiagnosticDescriptors.InvalidConfigurationValue, node.Span, v.Message);
        }
    }
}
