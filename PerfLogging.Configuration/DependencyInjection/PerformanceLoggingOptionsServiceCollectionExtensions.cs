using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="PerformanceLoggingOptions"/> with validation on start and on every reload; a reload that
/// fails validation keeps the last valid options and logs why.
/// </summary>
public static class PerformanceLoggingOptionsServiceCollectionExtensions
{
    /// <summary>Registers the options bound from configuration; they reload when the configuration does.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root or its <c>PerformanceLogging</c> section.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<PerformanceLoggingOptions> AddPerformanceLoggingOptions(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IOptionsChangeTokenSource<PerformanceLoggingOptions>>(
            new ConfigurationChangeTokenSource<PerformanceLoggingOptions>(Options.Options.DefaultName, configuration));
        return services.AddPerformanceLoggingOptions(options => PerformanceLoggingConfiguration.Bind(configuration, options));
    }

    /// <summary>Registers the options configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, to chain further configuration.</returns>
    public static OptionsBuilder<PerformanceLoggingOptions> AddPerformanceLoggingOptions(
        this IServiceCollection services, Action<PerformanceLoggingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PerformanceLoggingOptions>, PerformanceLoggingOptionsValidator>());

        // Replaces the default monitor for these options only: a bad reload keeps the last valid options.
        services.TryAddSingleton<IOptionsMonitor<PerformanceLoggingOptions>, ResilientOptionsMonitor>();
        return services.AddOptions<PerformanceLoggingOptions>().Configure(configure).ValidateOnStart();
    }
}
