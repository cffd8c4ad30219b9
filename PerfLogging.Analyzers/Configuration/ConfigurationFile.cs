using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>Which additional files hold PerfLogging configuration, and where in them.</summary>
internal static class ConfigurationFile
{
    public const string SectionName = "PerformanceLogging";

    /// <summary>perflogging.json: the whole file (with or without the wrapper).</summary>
    public static bool IsPerfLoggingJson(string path) =>
        string.Equals(Path.GetFileName(path), "perflogging.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>appsettings.json and appsettings.*.json: only their PerformanceLogging section.</summary>
    public static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsConfiguration(string path) => IsPerfLoggingJson(path) || IsAppSettings(path);

    /// <summary>Order of precedence, lowest first: perflogging.json, appsettings.json, appsettings.{Environment}.json.</summary>
    public static int Rank(string path) =>
        IsPerfLoggingJson(path) ? 0 : string.Equals(Path.GetFileName(path), "appsettings.json", StringComparison.OrdinalIgnoreCase) ? 1 : 2;

    public static Location LocationOf(AdditionalText file, SourceText text, TextSpan span) =>
        Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
}
