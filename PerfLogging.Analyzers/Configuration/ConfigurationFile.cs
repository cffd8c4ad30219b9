using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>Which additional files hold PerfLogging configuration, and where in them.</summary>
internal static class ConfigurationFile
{
    public const string SectionName = "PerformanceLogging";

    /// <summary>The JSON schema editors use: not configuration.</summary>
    public const string SchemaFileName = "perflogging.schema.json";

    /// <summary>perflogging.json and perflogging.{Environment}.json: the whole file (with or without the wrapper).</summary>
    public static bool IsPerfLoggingJson(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, "perflogging.json", StringComparison.OrdinalIgnoreCase) ||
            (!string.Equals(name, SchemaFileName, StringComparison.OrdinalIgnoreCase) && name.StartsWith("perflogging.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
             name.Length > "perflogging..json".Length);
    }

    /// <summary>appsettings.json and appsettings.*.json: only their PerformanceLogging section.</summary>
    public static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsConfiguration(string path) => IsPerfLoggingJson(path) || IsAppSettings(path);

    public static Location LocationOf(AdditionalText file, SourceText text, TextSpan span) =>
        Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
}
