using PerfLogging.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds perflogging.json files to a configuration builder.</summary>
public static class PerformanceLoggingConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds a PerfLogging JSON file (perflogging.json). The file may hold the options at its root or inside a
    /// <c>PerformanceLogging</c> object; either way they appear under the <c>PerformanceLogging</c> section.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file path, relative to the builder's base path.</param>
    /// <param name="optional">Whether the file may be missing.</param>
    /// <param name="reloadOnChange">Whether the options reload when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddPerformanceLoggingJsonFile(
        this IConfigurationBuilder builder, string path = "perflogging.json", bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add<PerformanceLoggingJsonConfigurationSource>(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }
}
