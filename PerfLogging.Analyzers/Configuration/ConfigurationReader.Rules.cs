using System;
using System.Collections.Generic;
using System.Linq;
using PerfLogging.Analyzers.Json;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>
/// PERF003 for values of the right type: the file as the shared rules read it, so compile time and run time apply
/// the same rules to the same keys (<see cref="PerformanceLoggingRules.Validate"/>).
/// </summary>
internal sealed partial class ConfigurationReader : IRuleValues
{
    public bool Has(string path) => _nodes.ContainsKey(path);

    public double? Number(string path) => _nodes.TryGetValue(path, out var node) && TryNumber(node, out var n) ? n : null;

    public int? Integer(string path) => _nodes.TryGetValue(path, out var node) && TryInteger(node, out var n) ? n : null;

    public string? Text(string path) => _nodes.TryGetValue(path, out var node) ? node.Raw : null;

    public IEnumerable<string> Names(string section) =>
        _nodes.Keys
            .Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) && k.Count(c => c == ':') == 1)
            .Select(k => k.Substring(section.Length + 1))
            .ToList();

    private void Validate(ConfigurationValues values)
    {
        values.WarningSeconds = Number("Thresholds:WarningSeconds");
        values.CriticalSeconds = Number("Thresholds:CriticalSeconds");
        if (_nodes.TryGetValue("Metrics:IncludeFunctionArgs", out var args) && TryBoolean(args, out var includeArgs))
        {
            values.IncludeFunctionArgs = includeArgs;
        }

        foreach (var name in Names("Profiles"))
        {
            values.Profiles[name] = (Number($"Profiles:{name}:WarningSeconds"), Number($"Profiles:{name}:CriticalSeconds"));
        }

        foreach (var violation in PerformanceLoggingRules.Validate(this))
        {
            Report(DiagnosticDescriptors.InvalidConfigurationValue, LocationOf(violation).Span, violation.Message);
        }
    }

    /// <summary>The offending value, else the value it was compared with, else the closest enclosing entry the file sets.</summary>
    private JsonNode LocationOf(RuleViolation violation)
    {
        if (_nodes.TryGetValue(violation.Path, out var node) || (violation.RelatedPath is { } related && _nodes.TryGetValue(related, out node)))
        {
            return node;
        }

        for (var path = violation.Path; path.IndexOf(':') > 0;)
        {
            path = path.Substring(0, path.LastIndexOf(':'));
            if (_nodes.TryGetValue(path, out node))
            {
                return node;
            }
        }

        return _root!;
    }
}
