using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PerfLogging.Configuration;
using PerfLogging.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PerfLogging in a generic-host application.</summary>
public static class PerformanceLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PerformanceLoggingOptions"/> from configuration (reloading with it), validates them on
    /// start, and connects woven code to the host's logging when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root or its <c>PerformanceLogging</c> section.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddPerformanceLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPerformanceLoggingOptions(configuration);
        return services.AddPerformanceLoggingRuntime();
    }

    /// <summary>Registers options configured in code, validates them on start, and connects woven code to logging.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddPerformanceLogging(this IServiceCollection services, Action<PerformanceLoggingOptions> configure)
    {
        services.AddPerformanceLoggingOptions(configure);
        return services.AddPerformanceLoggingRuntime();
    }

    private static IServiceCollection AddPerformanceLoggingRuntime(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PerformanceLoggingHostedService>());

        // Records written inside an operation get its name through log enrichment (builder.Logging.EnableEnrichment()).
        if (!services.Any(d => d.ImplementationType == typeof(PerformanceLogEnricher)))
        {
            services.AddLogEnricher<PerformanceLogEnricher>();
        }
        return services;
    }
}
