using System.Text;
using Microsoft.Extensions.Options;

namespace PerfLogging.Configuration.Validation;

/// <summary>
/// Validates <see cref="PerformanceLoggingOptions"/> with the shared rules and reports every problem at once:
/// a header naming the options, then one line per problem.
/// </summary>
internal sealed class PerformanceLoggingOptionsValidator : IValidateOptions<PerformanceLoggingOptions>
{
    public ValidateOptionsResult Validate(string? name, PerformanceLoggingOptions options)
    {
        var violations = Collect(options);
        return violations.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(FormatReport(violations));
    }

    /// <summary>Throws the report of every problem when the options break a rule (for callers without the options pipeline).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static void ThrowIfInvalid(PerformanceLoggingOptions options)
    {
        var violations = Collect(options);
        if (violations.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PerformanceLoggingOptions), [FormatReport(violations)]);
        }
    }

    /// <summary>Every rule the options break, in key order.</summary>
    public static List<RuleViolation> Collect(PerformanceLoggingOptions options) =>
        PerformanceLoggingRules.Validate(new OptionsValues(options));

    /// <summary>The report shape shared by start-up, reload and the sample: a header, then one line per problem.</summary>
    public static string FormatReport(IReadOnlyCollection<RuleViolation> violations)
    {
        var text = new StringBuilder();
        text.Append("PerformanceLoggingOptions is invalid (")
            .Append(violations.Count)
            .Append(violations.Count == 1 ? " problem):" : " problems):");
        foreach (var violation in violations)
        {
            text.AppendLine().Append("  - ").Append(violation.Message);
        }

        return text.ToString();
    }

    /// <summary>The bound options as the shared rules read them: every key is set, save unset operation thresholds.</summary>
    private sealed class OptionsValues(PerformanceLoggingOptions options) : IRuleValues
    {
        public bool Has(string path) => Number(path) is not null || Integer(path) is not null || Text(path) is not null || !path.StartsWith("Operations:", StringComparison.Ordinal);

        public double? Number(string path)
        {
            var t = options.Thresholds ?? new ThresholdOptions();
            var key = path.Split(':');
            return key switch
            {
                ["Thresholds", "WarningSeconds"] => t.WarningSeconds,
                ["Thresholds", "CriticalSeconds"] => t.CriticalSeconds,
                ["Thresholds", "MemoryWarningMb"] => t.MemoryWarningMb,
                ["Thresholds", "MemoryCriticalMb"] => t.MemoryCriticalMb,
                ["Profiles", var name, "WarningSeconds"] => Profile(name)?.WarningSeconds,
                ["Profiles", var name, "CriticalSeconds"] => Profile(name)?.CriticalSeconds,
                ["Operations", var name, "WarningSeconds"] => Operation(name)?.WarningSeconds,
                ["Operations", var name, "CriticalSeconds"] => Operation(name)?.CriticalSeconds,
                _ => null,
            };
        }

        public int? Integer(string path) => path switch
        {
            "Metrics:MaxArgLength" => (options.Metrics ?? new MetricsOptions()).MaxArgLength,
            "Metrics:MaxResultLength" => (options.Metrics ?? new MetricsOptions()).MaxResultLength,
            _ => null,
        };

        public string? Text(string path)
        {
            var levels = options.LogLevels ?? new LogLevelOptions();
            return path switch
            {
                "LogLevels:Success" => levels.Success,
                "LogLevels:Warning" => levels.Warning,
                "LogLevels:Critical" => levels.Critical,
                "LogLevels:Error" => levels.Error,
                "ContextPrefix" => options.ContextPrefix,
                "OperationField" => options.OperationField,
                _ => null,
            };
        }

        public IEnumerable<string> Names(string section) => section switch
        {
            "Profiles" => (options.Profiles ?? []).Keys,
            "Operations" => (options.Operations ?? []).Keys,
            _ => [],
        };

        private ProfileOptions? Profile(string name) => options.Profiles?.GetValueOrDefault(name);

        private OperationOptions? Operation(string name) => options.Operations?.GetValueOrDefault(name);
    }
}
