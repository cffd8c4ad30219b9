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

    /// <summary>Every rule the options break, in key order.</summary>
    public static List<RuleViolation> Collect(PerformanceLoggingOptions options)
    {
        var found = new List<RuleViolation>();
        void Add(RuleViolation? violation)
        {
            if (violation is { } v)
            {
                found.Add(v);
            }
        }

        var t = options.Thresholds ?? new ThresholdOptions();
        Add(PerformanceLoggingRules.CheckSeconds("Thresholds:WarningSeconds", t.WarningSeconds));
        Add(PerformanceLoggingRules.CheckSeconds("Thresholds:CriticalSeconds", t.CriticalSeconds));
        Add(PerformanceLoggingRules.CheckOrder("Thresholds:WarningSeconds", t.WarningSeconds, "Thresholds:CriticalSeconds", t.CriticalSeconds));
        Add(PerformanceLoggingRules.CheckMegabytes("Thresholds:MemoryWarningMb", t.MemoryWarningMb));
        Add(PerformanceLoggingRules.CheckMegabytes("Thresholds:MemoryCriticalMb", t.MemoryCriticalMb));
        Add(PerformanceLoggingRules.CheckOrder("Thresholds:MemoryWarningMb", t.MemoryWarningMb, "Thresholds:MemoryCriticalMb", t.MemoryCriticalMb, "MB"));

        foreach (var (name, profile) in (options.Profiles ?? []).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var prefix = $"Profiles:{name}:";
            Add(PerformanceLoggingRules.CheckSeconds(prefix + "WarningSeconds", profile.WarningSeconds));
            Add(PerformanceLoggingRules.CheckSeconds(prefix + "CriticalSeconds", profile.CriticalSeconds));
            Add(PerformanceLoggingRules.CheckOrder(prefix + "WarningSeconds", profile.WarningSeconds, prefix + "CriticalSeconds", profile.CriticalSeconds));
        }

        var m = options.Metrics ?? new MetricsOptions();
        Add(PerformanceLoggingRules.CheckLimit("Metrics:MaxArgLength", m.MaxArgLength, PerformanceLoggingDefaults.MaxArgLength));
        Add(PerformanceLoggingRules.CheckLimit("Metrics:MaxResultLength", m.MaxResultLength, PerformanceLoggingDefaults.MaxResultLength));

        var l = options.LogLevels ?? new LogLevelOptions();
        Add(PerformanceLoggingRules.CheckLevel("LogLevels:Success", l.Success));
        Add(PerformanceLoggingRules.CheckLevel("LogLevels:Warning", l.Warning));
        Add(PerformanceLoggingRules.CheckLevel("LogLevels:Critical", l.Critical));
        Add(PerformanceLoggingRules.CheckLevel("LogLevels:Error", l.Error));

        Add(PerformanceLoggingRules.CheckName("ContextPrefix", options.ContextPrefix, PerformanceLoggingDefaults.ContextPrefix));
        Add(PerformanceLoggingRules.CheckName("OperationField", options.OperationField, PerformanceLoggingDefaults.OperationField));

        foreach (var (name, operation) in (options.Operations ?? []).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var prefix = $"Operations:{name}:";
            if (operation.WarningSeconds is { } warning)
            {
                Add(PerformanceLoggingRules.CheckSeconds(prefix + "WarningSeconds", warning));
            }

            if (operation.CriticalSeconds is { } critical)
            {
                Add(PerformanceLoggingRules.CheckSeconds(prefix + "CriticalSeconds", critical));
            }

            if (operation is { WarningSeconds: { } w, CriticalSeconds: { } c })
            {
                Add(PerformanceLoggingRules.CheckOrder(prefix + "WarningSeconds", w, prefix + "CriticalSeconds", c));
            }
        }

        return found;
    }

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
}
