// The shape of the options as configuration keys, in one file with no dependency beyond the BCL: compiled into
// PerfLogging.Configuration (the type check before binding) and linked into PerfLogging.Analyzers (PERF003/PERF008), so
// both read the same keys the same way.
using System;
using System.Collections.Generic;

namespace PerfLogging.Configuration.Validation;

/// <summary>What a key holds; drives type checks, rule checks and unknown-key detection.</summary>
internal enum ValueKind
{
    Boolean,
    Seconds,
    Megabytes,
    Length,
    Level,
    Name,
    Text,
    Section,
    Map,
}

/// <summary>
/// The shape of <c>PerformanceLoggingOptions</c> as configuration keys. A test compares it with the options model,
/// so a property added there without being added here fails the build of the tests, not a user's build.
/// </summary>
internal sealed class ConfigurationSchema
{
    private ConfigurationSchema(params (string Key, ValueKind Kind, ConfigurationSchema? Child)[] keys)
    {
        foreach (var (key, kind, child) in keys)
        {
            Keys[key] = (kind, child, key);
        }
    }

    /// <summary>The keys, case-insensitively, each with its kind, its nested schema and its name as the options spell it.</summary>
    public Dictionary<string, (ValueKind Kind, ConfigurationSchema? Child, string Name)> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static readonly ConfigurationSchema Profile = new(
        ("WarningSeconds", ValueKind.Seconds, null),
        ("CriticalSeconds", ValueKind.Seconds, null));

    public static readonly ConfigurationSchema Operation = new(
        ("Enabled", ValueKind.Boolean, null),
        ("WarningSeconds", ValueKind.Seconds, null),
        ("CriticalSeconds", ValueKind.Seconds, null));

    public static readonly ConfigurationSchema Root = new(
        ("$schema", ValueKind.Text, null),
        ("Enabled", ValueKind.Boolean, null),
        ("Thresholds", ValueKind.Section, new ConfigurationSchema(
            ("WarningSeconds", ValueKind.Seconds, null),
            ("CriticalSeconds", ValueKind.Seconds, null),
            ("MemoryWarningMb", ValueKind.Megabytes, null),
            ("MemoryCriticalMb", ValueKind.Megabytes, null))),
        ("Profiles", ValueKind.Map, Profile),
        ("Metrics", ValueKind.Section, new ConfigurationSchema(
            ("IncludeMemoryUsage", ValueKind.Boolean, null),
            ("IncludeCpuUsage", ValueKind.Boolean, null),
            ("IncludeFunctionArgs", ValueKind.Boolean, null),
            ("IncludeFunctionResult", ValueKind.Boolean, null),
            ("MaxArgLength", ValueKind.Length, null),
            ("MaxResultLength", ValueKind.Length, null))),
        ("LogLevels", ValueKind.Section, new ConfigurationSchema(
            ("Success", ValueKind.Level, null),
            ("Warning", ValueKind.Level, null),
            ("Critical", ValueKind.Level, null),
            ("Error", ValueKind.Level, null))),
        ("ContextPrefix", ValueKind.Name, null),
        ("OperationField", ValueKind.Name, null),
        ("AutoOperationNaming", ValueKind.Boolean, null),
        ("Tracing", ValueKind.Section, new ConfigurationSchema(
            ("Enabled", ValueKind.Boolean, null))),
        ("Operations", ValueKind.Map, Operation));
}
