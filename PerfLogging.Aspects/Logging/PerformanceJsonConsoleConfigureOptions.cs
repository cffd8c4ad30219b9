using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PerfLogging.Runtime;

/// <summary>
/// Reads <see cref="PerformanceJsonConsoleOptions"/> from <c>Logging:Console:FormatterOptions</c>, as the console's
/// own formatters read theirs, without reflection (the runtime stays trimming- and AOT-safe).
/// </summary>
internal sealed class PerformanceJsonConsoleConfigureOptions(ILoggerProviderConfiguration<ConsoleLoggerProvider> provider)
    : IConfigureOptions<PerformanceJsonConsoleOptions>
{
    public void Configure(PerformanceJsonConsoleOptions options)
    {
        var section = provider.Configuration.GetSection("FormatterOptions");
        options.IncludeScopes = Switch(section, nameof(options.IncludeScopes)) ?? options.IncludeScopes;
        options.IncludeException = Switch(section, nameof(options.IncludeException)) ?? options.IncludeException;
    }

    private static bool? Switch(IConfigurationSection section, string key) =>
        section[key] is { } text
            ? bool.TryParse(text, out var value) ? value
                : throw new InvalidOperationException($"'{section.Path}:{key}' is '{text}', which is not a switch: use true or false.")
            : null;
}
