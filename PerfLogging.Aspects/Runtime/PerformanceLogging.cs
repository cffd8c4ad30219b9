using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;
using PerfLogging.Runtime;

namespace PerfLogging;

/// <summary>
/// Connects woven code to logging in applications without a host. With a generic host,
/// <c>services.AddPerformanceLogging(…)</c> does this for you. Until configured, woven code runs correctly and
/// records metrics; logs go nowhere. The last call wins.
/// </summary>
public static class PerformanceLogging
{
    /// <summary>Configures logging and options for every woven method.</summary>
    /// <param name="loggerFactory">Creates the loggers records are written to.</param>
    /// <param name="options">The options; copied, so later changes to the instance have no effect.</param>
    /// <exception cref="OptionsValidationException">The options break a rule; the message lists every problem.</exception>
    public static void Configure(ILoggerFactory loggerFactory, PerformanceLoggingOptions options) =>
        Configure(loggerFactory, options, TimeProvider.System);

    /// <summary>Configures logging, options and the clock durations are measured with (a fake one in tests).</summary>
    /// <param name="loggerFactory">Creates the loggers records are written to.</param>
    /// <param name="options">The options; copied, so later changes to the instance have no effect.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="OptionsValidationException">The options break a rule; the message lists every problem.</exception>
    public static void Configure(ILoggerFactory loggerFactory, PerformanceLoggingOptions options, TimeProvider timeProvider) =>
        Configure(loggerFactory, options, timeProvider, redactors: null);

    private static void Configure(ILoggerFactory loggerFactory, PerformanceLoggingOptions options, TimeProvider timeProvider, IRedactorProvider? redactors)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        PerformanceLoggingOptionsValidator.ThrowIfInvalid(options);
        PerformanceRuntime.Configure(loggerFactory, options, timeProvider, redactors);
    }

    /// <summary>
    /// Configures logging and options, and the redactors that arguments and results carrying a
    /// Microsoft.Extensions.Compliance data classification go through.
    /// </summary>
    /// <param name="loggerFactory">Creates the loggers records are written to.</param>
    /// <param name="options">The options; copied, so later changes to the instance have no effect.</param>
    /// <param name="redactorProvider">The redactors, by classification.</param>
    /// <exception cref="OptionsValidationException">The options break a rule; the message lists every problem.</exception>
    public static void Configure(ILoggerFactory loggerFactory, PerformanceLoggingOptions options, IRedactorProvider redactorProvider)
    {
        ArgumentNullException.ThrowIfNull(redactorProvider);
        Configure(loggerFactory, options, TimeProvider.System, redactorProvider);
    }

    /// <summary>Returns woven code to its unconfigured state: default options, no logging.</summary>
    public static void Reset() => PerformanceRuntime.Configure(null, new PerformanceLoggingOptions());
}
