using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfLogging.Configuration;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>
/// The configuration attributes and rules inherit from: defaults, then perflogging.json, then appsettings.json,
/// then appsettings.{Environment}.json. Profiles from configuration add to the built-in ones or replace them.
/// </summary>
internal sealed class ConfigurationModel
{
    private ConfigurationModel()
    {
    }

    public double WarningSeconds { get; private set; } = PerformanceLoggingDefaults.WarningSeconds;

    public double CriticalSeconds { get; private set; } = PerformanceLoggingDefaults.CriticalSeconds;

    public bool IncludeFunctionArgs { get; private set; } = PerformanceLoggingDefaults.IncludeFunctionArgs;

    public Dictionary<string, (double Warning, double Critical)> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Built-in names first, then configured ones, as messages list them.</summary>
    public IReadOnlyList<string> ProfileNames { get; private set; } = [];

    public static ConfigurationModel Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var model = new ConfigurationModel();
        var values = files
            .Where(f => ConfigurationFile.IsConfiguration(f.Path))
            .OrderBy(f => ConfigurationFile.Rank(f.Path))
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => ConfigurationReader.Read(f, report: null, cancellationToken))
            .Where(v => v is not null)
            .ToList();

        foreach (var value in values)
        {
            model.WarningSeconds = value!.WarningSeconds ?? model.WarningSeconds;
            model.CriticalSeconds = value.CriticalSeconds ?? model.CriticalSeconds;
            model.IncludeFunctionArgs = value.IncludeFunctionArgs ?? model.IncludeFunctionArgs;
        }

        var names = new List<string>();
        foreach (var (name, warning, critical) in PerformanceLoggingDefaults.BuiltInProfiles)
        {
            model.Profiles[name] = (warning, critical);
            names.Add(name);
        }

        foreach (var value in values)
        {
            foreach (var profile in value!.Profiles)
            {
                model.Profiles[profile.Key] = (profile.Value.Warning ?? model.WarningSeconds, profile.Value.Critical ?? model.CriticalSeconds);
                if (!names.Contains(profile.Key, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(profile.Key);
                }
            }
        }

        model.ProfileNames = names;
        return model;
    }
}
