using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Configuration;

/// <summary>
/// Binds <see cref="PerformanceLoggingOptions"/> from configuration, whether it is given the root (with a
/// <c>PerformanceLogging</c> section), the section itself, or a perflogging.json loaded without the wrapper.
/// </summary>
public static class PerformanceLoggingConfiguration
{
    /// <summary>Binds and validates options, for applications without a host.</summary>
    /// <param name="configuration">The configuration root or the <c>PerformanceLogging</c> section.</param>
    /// <returns>Valid options.</returns>
    /// <exception cref="OptionsValidationException">The configuration breaks a rule; the message lists every problem.</exception>
    public static PerformanceLoggingOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PerformanceLoggingOptions();
        Bind(configuration, options);
        PerformanceLoggingOptionsValidator.ThrowIfInvalid(options);
        return options;
    }

    /// <summary>Binds configuration onto existing options.</summary>
    /// <param name="configuration">The configuration root or the <c>PerformanceLogging</c> section.</param>
    /// <param name="options">The options to bind onto.</param>
    /// <exception cref="OptionsValidationException">A value cannot be converted to its key's type; the message lists every such value.</exception>
    public static void Bind(IConfiguration configuration, PerformanceLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = ResolveSection(configuration);
        if (ConfigurationTypeCheck.Find(section) is { Count: > 0 } wrong)
        {
            // The binder would stop at the first such value. Bind the rest instead, so the report lists every problem:
            // the values of the wrong type, then the rules the other values break.
            var broken = new HashSet<string>(wrong.Select(w => w.Path), StringComparer.OrdinalIgnoreCase);
            // Under the section name, so the rest binds as a section, exactly as the original does (a null value sets a
            // string option to null in a section, and leaves it alone at a configuration's root).
            var rest = new ConfigurationBuilder()
                .AddInMemoryCollection(section.AsEnumerable(makePathsRelative: true)
                    .Where(pair => !broken.Contains(pair.Key))
                    .Select(pair => new KeyValuePair<string, string?>($"{PerformanceLoggingOptions.SectionName}:{pair.Key}", pair.Value)))
                .Build();
            var scratch = new PerformanceLoggingOptions();
            Bind(rest, scratch);
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(PerformanceLoggingOptions),
                [PerformanceLoggingOptionsValidator.FormatReport([.. wrong, .. PerformanceLoggingOptionsValidator.Collect(scratch)])]);
        }

        try
        {
            section.Bind(options);

            // A profile from configuration replaces a built-in one of the same name as a whole; a threshold it
            // leaves out is inherited from the bound default thresholds, not from the built-in profile.
            foreach (var child in section.GetSection(nameof(PerformanceLoggingOptions.Profiles)).GetChildren())
            {
                var profile = new ProfileOptions
                {
                    WarningSeconds = options.Thresholds.WarningSeconds,
                    CriticalSeconds = options.Thresholds.CriticalSeconds,
                };
                child.Bind(profile);
                options.Profiles[child.Key] = profile;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(PerformanceLoggingOptions),
                [$"PerformanceLoggingOptions is invalid (1 problem):{Environment.NewLine}  - {ex.Message} " +
                 "Write a value of the key's type (a number for thresholds and limits, true or false for switches)."]);
        }
    }

    /// <summary>The <c>PerformanceLogging</c> section when present, otherwise the configuration itself.</summary>
    internal static IConfiguration ResolveSection(IConfiguration configuration)
    {
        // The configuration itself only when it is nothing but options (a perflogging.json loaded without the wrapper):
        // an application's configuration without the section (other sections, environment variables) has no options
        // at its root, and a PerformanceLogging key without options (null, an empty object) is still the section.
        var section = configuration.GetSection(PerformanceLoggingOptions.SectionName);
        var children = configuration.GetChildren().ToList();
        var onlyOptions = !section.Exists() && children.Count > 0 && children.All(child =>
            child.Key == "$schema" || ConfigurationSchema.Root.Keys.ContainsKey(child.Key));
        return onlyOptions ? configuration : section;
    }
}
