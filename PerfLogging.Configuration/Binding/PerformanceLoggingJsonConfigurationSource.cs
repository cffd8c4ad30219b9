using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace PerfLogging.Configuration;

/// <summary>
/// A JSON file that holds PerfLogging options with or without the <c>PerformanceLogging</c> wrapper; either way
/// its keys land under the <c>PerformanceLogging</c> section.
/// </summary>
internal sealed class PerformanceLoggingJsonConfigurationSource : JsonConfigurationSource
{
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new PerformanceLoggingJsonConfigurationProvider(this);
    }
}

internal sealed class PerformanceLoggingJsonConfigurationProvider(PerformanceLoggingJsonConfigurationSource source)
    : JsonConfigurationProvider(source)
{
    private const string SchemaKey = "$schema";

    private bool _loaded;

    public override void Load(Stream stream)
    {
        // Kept, so a failed reload can be located in what was read (the parser disposes the stream it reads).
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        try
        {
            base.Load(new MemoryStream(content, writable: false));
        }
        catch (Exception ex) when (_loaded)
        {
            // A reload of a file being edited: keep the last good values rather than reverting to defaults.
            var position = JsonErrorPosition.Of(ex, content) is var (line, column)
                ? $" at line {line}, column {column}"
                : string.Empty;
            ConfigurationProblems.Report(
                $"'{Source.Path}'{position} could not be reloaded, the last valid options stay in effect: {Reason(ex)} " +
                "Fix the JSON; the next valid save is picked up.");
            return;
        }

        _loaded = true;
        var wrapped = Data.Keys.Any(key =>
            key.Equals(PerformanceLoggingOptions.SectionName, StringComparison.OrdinalIgnoreCase) ||
            key.StartsWith(PerformanceLoggingOptions.SectionName + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));
        if (wrapped)
        {
            return;
        }

        var prefixed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Data)
        {
            if (!key.Equals(SchemaKey, StringComparison.Ordinal))
            {
                prefixed[ConfigurationPath.Combine(PerformanceLoggingOptions.SectionName, key)] = value;
            }
        }

        Data = prefixed;
    }

    /// <summary>The parser's reason without its 0-based "LineNumber: 2 | BytePositionInLine: 2." suffix.</summary>
    private static string Reason(Exception exception) =>
        System.Text.RegularExpressions.Regex.Replace(
            exception.GetBaseException().Message, @"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.$", string.Empty);
}
