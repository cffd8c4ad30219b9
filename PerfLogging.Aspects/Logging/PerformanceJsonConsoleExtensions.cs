using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PerfLogging;
using PerfLogging.Runtime;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds the JSON-lines console formatter.</summary>
public static class PerformanceJsonConsoleExtensions
{
    /// <summary>
    /// Makes the console provider write one JSON object per line: <c>timestamp</c>, <c>level</c>, <c>logger_name</c>,
    /// <c>message</c>, <c>context</c> (request id, operation, scope values) and, for performance records,
    /// <c>performance</c>. Like <c>AddJsonConsole</c>, it adds the console provider if it is missing and selects the
    /// formatter (named <see cref="PerformanceJsonConsoleOptions.FormatterName"/>) on it, so a host that already logs
    /// to the console writes each record once, as JSON.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Optional options, e.g. a writer that receives the lines instead of the console.</param>
    /// <returns>The logging builder.</returns>
    public static ILoggingBuilder AddPerformanceJsonConsole(this ILoggingBuilder builder, Action<PerformanceJsonConsoleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConsole();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, PerformanceJsonConsoleFormatter>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<PerformanceJsonConsoleOptions>, PerformanceJsonConsoleConfigureOptions>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<PerformanceJsonConsoleOptions>, LoggerProviderOptionsChangeTokenSource<PerformanceJsonConsoleOptions, ConsoleLoggerProvider>>());
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = PerformanceJsonConsoleOptions.FormatterName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, PerformanceJsonWriterLoggerProvider>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
