using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>
/// The order in which the application loads its configuration files, lowest precedence first, as file-name patterns
/// where <c>{Environment}</c> stands for the environment's name. The default is the README's host set-up:
/// <c>Host.CreateApplicationBuilder</c> adds appsettings.json and appsettings.{Environment}.json, then
/// <c>AddPerformanceLoggingJsonFile</c> adds perflogging.json. A project that loads its files differently (a
/// perflogging.{Environment}.json too, say) sets the MSBuild property <c>PerfLoggingConfigurationOrder</c> to its own
/// list, separated by semicolons.
/// </summary>
internal sealed class ConfigurationLayers
{
    public const string DefaultOrder = "appsettings.json;appsettings.{Environment}.json;perflogging.json";
    public const string OrderProperty = "build_property.PerfLoggingConfigurationOrder";
    private const string EnvironmentToken = "{Environment}";

    private readonly string[] _patterns;

    private ConfigurationLayers(string[] patterns) => _patterns = patterns;

    public static ConfigurationLayers From(AnalyzerOptions options)
    {
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OrderProperty, out var order);
        return Parse(order);
    }

    public static ConfigurationLayers Parse(string? order)
    {
        var patterns = (string.IsNullOrWhiteSpace(order) ? DefaultOrder : order!)
            .Split([';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.GetFileName(p.Trim()))
            .Where(p => p.Length > 0)
            .ToArray();
        return new ConfigurationLayers(patterns);
    }

    /// <summary>Where a file stands in the order and the environment it belongs to (null: every environment).</summary>
    /// <returns>False when the order does not name the file: the application does not load it.</returns>
    public bool TryPlace(string path, out int rank, out string? environment)
    {
        var name = Path.GetFileName(path);
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (Matches(_patterns[i], name, out environment))
            {
                rank = i;
                return true;
            }
        }

        rank = -1;
        environment = null;
        return false;
    }

    /// <summary>The environments the files name, and Production, the host's default, which every application can run in.</summary>
    public IReadOnlyList<string> Environments(IEnumerable<string> paths)
    {
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "Production" };
        foreach (var path in paths)
        {
            if (TryPlace(path, out _, out var environment) && environment is not null)
            {
                found.Add(environment);
            }
        }

        return found.ToList();
    }

    private static bool Matches(string pattern, string name, out string? environment)
    {
        environment = null;
        var token = pattern.IndexOf(EnvironmentToken, StringComparison.OrdinalIgnoreCase);
        if (token < 0)
        {
            return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = pattern.Substring(0, token);
        var suffix = pattern.Substring(token + EnvironmentToken.Length);
        if (name.Length <= prefix.Length + suffix.Length ||
            !name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ||
            !name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        environment = name.Substring(prefix.Length, name.Length - prefix.Length - suffix.Length);
        return true;
    }
}
