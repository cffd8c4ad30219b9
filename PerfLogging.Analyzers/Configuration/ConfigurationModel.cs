using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfLogging.Analyzers.Json;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>
/// The configuration one environment runs with: its files layered in the application's order
/// (<see cref="ConfigurationLayers"/>) and merged key by key, as Microsoft.Extensions.Configuration merges them, then
/// read the way the binder reads it. Attributes and rules are checked against it.
/// </summary>
internal sealed class ConfigurationModel : IRuleValues
{
    private readonly Dictionary<string, (JsonNode Node, ConfigurationValues File)> _merged = new(StringComparer.OrdinalIgnoreCase);

    private ConfigurationModel(string environment, IReadOnlyList<ConfigurationValues> files)
    {
        Environment = environment;
        Files = files;
        foreach (var file in files)
        {
            foreach (var entry in file.Nodes)
            {
                _merged[entry.Key] = (entry.Value, file);
            }
        }

        WarningSeconds = Number("Thresholds:WarningSeconds") ?? PerformanceLoggingDefaults.WarningSeconds;
        CriticalSeconds = Number("Thresholds:CriticalSeconds") ?? PerformanceLoggingDefaults.CriticalSeconds;
        IncludeFunctionArgs = _merged.TryGetValue("Metrics:IncludeFunctionArgs", out var args) && ConfigurationReader.TryBoolean(args.Node, out var include)
            ? include
            : PerformanceLoggingDefaults.IncludeFunctionArgs;
        AutoOperationNaming = !_merged.TryGetValue("AutoOperationNaming", out var naming) || !ConfigurationReader.TryBoolean(naming.Node, out var auto) || auto;

        var names = new List<string>();
        foreach (var (name, warning, critical) in PerformanceLoggingDefaults.BuiltInProfiles)
        {
            Profiles[name] = (warning, critical);
            names.Add(name);
        }

        // A profile from configuration replaces a built-in one of its name; what it leaves out comes from Thresholds.
        foreach (var name in Names("Profiles"))
        {
            if (!Profiles.ContainsKey(name))
            {
                names.Add(name);
            }

            Profiles[name] = (Number($"Profiles:{name}:WarningSeconds") ?? WarningSeconds, Number($"Profiles:{name}:CriticalSeconds") ?? CriticalSeconds);
        }

        ProfileNames = names;
    }

    /// <summary>Gets the environment's name.</summary>
    public string Environment { get; }

    /// <summary>Gets the files of the environment, lowest precedence first.</summary>
    public IReadOnlyList<ConfigurationValues> Files { get; }

    public double WarningSeconds { get; }

    public double CriticalSeconds { get; }

    public bool IncludeFunctionArgs { get; }

    /// <summary>Gets a value indicating whether default operation names include the class name (<c>AutoOperationNaming</c>).</summary>
    public bool AutoOperationNaming { get; }

    /// <summary>The thresholds the <c>Operations</c> entry of an operation sets (keys are case-insensitive, as at run time).</summary>
    /// <remarks>A name with ':' can have no entry: configuration would read it as nested keys.</remarks>
    public (double? Warning, double? Critical) Operation(string name) =>
        name.IndexOf(':') >= 0 ? (null, null) : (Number($"Operations:{name}:WarningSeconds"), Number($"Operations:{name}:CriticalSeconds"));

    public Dictionary<string, (double Warning, double Critical)> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Built-in names first, then configured ones, as messages list them.</summary>
    public IReadOnlyList<string> ProfileNames { get; }

    /// <summary>The environment and its files, for messages: <c>environment 'Development' (appsettings.json, perflogging.json)</c>.</summary>
    public string Describe() =>
        $"environment '{Environment}' ({(Files.Count == 0 ? "no configuration file" : string.Join(", ", Files.Select(f => System.IO.Path.GetFileName(f.Path))))})";

    public static ConfigurationModels Read(ImmutableArray<AdditionalText> files, ConfigurationLayers layers, CancellationToken cancellationToken)
    {
        var placed = new List<(int Rank, string? Environment, ConfigurationValues Values)>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (ConfigurationFile.IsConfiguration(file.Path) &&
                layers.TryPlace(file.Path, out var rank, out var environment) &&
                ConfigurationReader.Read(file, report: null, judgedAlone: false, cancellationToken) is { } values)
            {
                placed.Add((rank, environment, values));
            }
        }

        var models = layers.Environments(placed.Select(p => p.Values.Path))
            .Select(environment => new ConfigurationModel(
                environment,
                placed.Where(p => p.Environment is null || string.Equals(p.Environment, environment, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(p => p.Rank)
                    .Select(p => p.Values)
                    .ToList()))
            .ToList();
        return new ConfigurationModels(models);
    }

    /// <summary>
    /// PERF003 for every rule the merged configuration breaks, as the host would refuse it at start: at the value
    /// that wins (or the closest entry a file sets), naming the file each value comes from when they differ.
    /// </summary>
    public void ReportViolations(Action<Diagnostic> report)
    {
        // A value of the wrong type stops the binder, unless a file loaded later sets the key too.
        foreach (var entry in _merged)
        {
            if (entry.Value.File.TypeErrors.TryGetValue(entry.Key, out var error) && ReferenceEquals(error.Node, entry.Value.Node))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidConfigurationValue, entry.Value.File.Locate(error.Node.Span), error.Message));
            }
        }

        foreach (var violation in PerformanceLoggingRules.Validate(this))
        {
            var at = Winner(violation.Path) ?? (violation.RelatedPath is { } related ? Winner(related) : null) ?? Enclosing(violation.Path);
            if (at is not { } place)
            {
                continue;
            }

            var sources = new[] { violation.Path, violation.RelatedPath }
                .Where(p => p is not null && SourceOf(p) is not null)
                .Select(p => (Path: p!, File: SourceOf(p!)!))
                .ToList();
            var message = sources.Select(s => s.File).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1
                ? $"{violation.Message} The files are merged: {string.Join(", ", sources.Select(s => $"'{s.Path}' comes from {s.File}"))}."
                : violation.Message;
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidConfigurationValue, place.File.Locate(place.Node.Span), message));
        }
    }

    private (JsonNode Node, ConfigurationValues File)? Enclosing(string path)
    {
        while (path.IndexOf(':') > 0)
        {
            path = path.Substring(0, path.LastIndexOf(':'));
            if (Winner(path) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The file whose value of <paramref name="path"/> the merged configuration uses.</summary>
    public string? SourceOf(string path) => _merged.TryGetValue(path, out var entry) ? System.IO.Path.GetFileName(entry.File.Path) : null;

    private (JsonNode Node, ConfigurationValues File)? Winner(string path) => _merged.TryGetValue(path, out var entry) ? entry : null;

    /// <summary>
    /// Whether the configuration sets the value. A configured profile sets both thresholds, as the bound options do:
    /// one it leaves out is copied from <c>Thresholds</c> when the profile is bound, and validated as the profile's.
    /// </summary>
    public bool Has(string path) => _merged.ContainsKey(path) || IsProfileThreshold(path);

    private bool IsProfileThreshold(string path)
    {
        const string prefix = "Profiles:";
        var last = path.LastIndexOf(':');
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && last > prefix.Length &&
            (path.EndsWith(":WarningSeconds", StringComparison.OrdinalIgnoreCase) || path.EndsWith(":CriticalSeconds", StringComparison.OrdinalIgnoreCase)) &&
            _merged.ContainsKey(path.Substring(0, last));
    }

    public double? Number(string path) => _merged.TryGetValue(path, out var entry) && ConfigurationReader.TryNumber(entry.Node, out var n) ? n : null;

    public int? Integer(string path) => _merged.TryGetValue(path, out var entry) && ConfigurationReader.TryInteger(entry.Node, out var n) ? n : null;

    /// <summary>A string option as bound: null for JSON null and for an empty object (the loader's null), else the text.</summary>
    public string? Text(string path) =>
        _merged.TryGetValue(path, out var entry) && entry.Node.Kind is not (JsonKind.Null or JsonKind.Object) ? entry.Node.Raw : null;

    /// <summary>
    /// The entry names of a map section. A profile named like a built-in one in another case is that profile, spelled
    /// as the bound options spell it (<c>FAST</c> replaces <c>fast</c>, which keeps its name).
    /// </summary>
    public IEnumerable<string> Names(string section) =>
        _merged.Keys
            .Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) && k.IndexOf(':', section.Length + 1) < 0)
            .Select(k => k.Substring(section.Length + 1))
            .Select(n => section == "Profiles" ? BuiltInName(n) ?? n : n)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(k => k, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string? BuiltInName(string name)
    {
        foreach (var (builtIn, _, _) in PerformanceLoggingDefaults.BuiltInProfiles)
        {
            if (string.Equals(builtIn, name, StringComparison.OrdinalIgnoreCase))
            {
                return builtIn;
            }
        }

        return null;
    }
}

/// <summary>The models of every environment the files name; checks run against each and agree or name the environment.</summary>
internal sealed class ConfigurationModels
{
    public ConfigurationModels(IReadOnlyList<ConfigurationModel> models) => All = models;

    public IReadOnlyList<ConfigurationModel> All { get; }

    /// <summary>Whether any environment logs arguments by default.</summary>
    public bool IncludeFunctionArgs => All.Any(m => m.IncludeFunctionArgs);

    /// <summary>
    /// Runs <paramref name="check"/> against every environment. A diagnostic every environment produces is reported
    /// once as it is; one only some environments produce is reported once per environment, naming it and its files.
    /// </summary>
    public void Check(Action<ConfigurationModel, Action<Diagnostic>> check, Action<Diagnostic> report)
    {
        if (All.Count == 1)
        {
            check(All[0], report);
            return;
        }

        var found = new List<(ConfigurationModel Model, Diagnostic Diagnostic)>();
        foreach (var model in All)
        {
            check(model, d => found.Add((model, d)));
        }

        foreach (var group in found.GroupBy(f => (f.Diagnostic.Id, f.Diagnostic.Location, Message: f.Diagnostic.GetMessage())))
        {
            var first = group.First().Diagnostic;
            if (group.Select(g => g.Model).Distinct().Count() == All.Count)
            {
                report(first);
                continue;
            }

            foreach (var (model, diagnostic) in group)
            {
                report(Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.AdditionalLocations, diagnostic.Properties,
                    $"{diagnostic.GetMessage()} (In {model.Describe()}.)"));
            }
        }
    }
}
