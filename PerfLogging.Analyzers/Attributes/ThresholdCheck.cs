using System;
using Microsoft.CodeAnalysis;
using PerfLogging.Analyzers.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Analyzers.Attributes;

/// <summary>
/// PERF001 and PERF002 for one aspect (an attribute, an attribute merged with its type's, or a fabric rule): explicit
/// thresholds must be finite and not negative, the profile must exist, and after merging with the profile and the
/// configuration the warning threshold must not be above the critical one. Messages come from the shared rules.
/// </summary>
internal static class ThresholdCheck
{
    /// <param name="primary">The attribute whose arguments win (method attribute, or the rule).</param>
    /// <param name="fallback">The attribute it inherits from (the type's), if any.</param>
    /// <param name="owner">The method, type or rule named in messages.</param>
    /// <param name="model">The configuration the thresholds inherit from.</param>
    /// <param name="report">Receives the diagnostics.</param>
    /// <param name="checkOrder">False for a method's attributes: the order of the thresholds it runs with is checked on all its layers merged (<see cref="EffectiveThresholds"/>).</param>
    public static void Run(AspectArguments primary, AspectArguments? fallback, string owner, ConfigurationModel model, Action<Diagnostic> report, bool checkOrder = true)
    {
        Explicit(primary, owner, report);
        if (!checkOrder)
        {
            fallback = null;
        }

        var profile = primary.Profile ?? fallback?.Profile;
        var warning = (primary.Warning ?? fallback?.Warning)?.Value;
        var critical = (primary.Critical ?? fallback?.Critical)?.Value;
        var warningPath = "ThresholdWarning";
        var criticalPath = "ThresholdCritical";

        if (profile is { } named && !string.IsNullOrWhiteSpace(named.Value))
        {
            if (!model.Profiles.TryGetValue(named.Value, out var thresholds))
            {
                // An unknown profile inherited from the type attribute is reported once, on the type.
                if (primary.Profile is { } written)
                {
                    var suggestion = PerformanceLoggingRules.SuggestClosest(named.Value, model.ProfileNames);
                    var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                    var properties = suggestion is null
                        ? null
                        : System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Suggestion, suggestion);
                    report(Diagnostic.Create(DiagnosticDescriptors.UnknownProfile, written.Location, properties,
                        $"Profile '{named.Value}' on '{owner}' is not defined.{hint} Known profiles: {string.Join(", ", model.ProfileNames)}. " +
                        "Use one of them, or define it under PerformanceLogging:Profiles in perflogging.json."));
                }

                return;
            }

            if (warning is null)
            {
                warning = thresholds.Warning;
                warningPath = $"Profiles:{named.Value}:WarningSeconds";
            }

            if (critical is null)
            {
                critical = thresholds.Critical;
                criticalPath = $"Profiles:{named.Value}:CriticalSeconds";
            }
        }

        if (warning is null)
        {
            warning = model.WarningSeconds;
            warningPath = "Thresholds:WarningSeconds";
        }

        if (critical is null)
        {
            critical = model.CriticalSeconds;
            criticalPath = "Thresholds:CriticalSeconds";
        }

        if (checkOrder && PerformanceLoggingRules.CheckOrder(warningPath, warning.Value, criticalPath, critical.Value, owner: owner) is { } order)
        {
            var location = primary.Warning?.Location ?? primary.Critical?.Location ?? primary.Profile?.Location ?? primary.Location;

            // Both thresholds written on the same attribute, in the wrong order: swapping them is the obvious fix.
            var properties = primary.Warning is not null && primary.Critical is not null
                ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Fix, FixProperties.Swap)
                : null;
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidThreshold, location, properties, order.Message));
        }
    }

    private static void Explicit(AspectArguments arguments, string owner, Action<Diagnostic> report)
    {
        if (arguments.Warning is { } warning && PerformanceLoggingRules.CheckSeconds("ThresholdWarning", warning.Value, owner) is { } w)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidThreshold, warning.Location, w.Message));
        }

        if (arguments.Critical is { } critical && PerformanceLoggingRules.CheckSeconds("ThresholdCritical", critical.Value, owner) is { } c)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidThreshold, critical.Location, c.Message));
        }
    }
}
