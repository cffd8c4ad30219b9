using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerfLogging;
using PerfLogging.Runtime;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds the JSON-lines console logger.</summary>
public static class PerformanceJsonConsoleExtensions
{
    /// <summary>
    /// Writes one JSON object per line: <c>timestamp</c>, <c>level</c>, <c>logger_name</c>, <c>message</c>,
    /// <c>context</c> (request id, operation, scope values) and, for performance records, <c>performance</c>.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Optional options, e.g. another output writer.</param>
    /// <returns>The logging builder.</returns>
    public static ILoggingBuilder AddPerformanceJsonConsole(this ILoggingBuilder builder, Action<PerformanceJsonConsoleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, PerformanceJsonConsoleLoggerProvider>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
