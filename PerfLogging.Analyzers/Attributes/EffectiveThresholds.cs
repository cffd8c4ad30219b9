using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLogging.Analyzers.Configuration;
using PerfLogging.Configuration.Validation;
using PerfLogging.Runtime;

namespace PerfLogging.Analyzers.Attributes;

/// <summary>One source of aspect arguments for a method, and its name in messages.</summary>
internal sealed class AspectLayer(AspectArguments arguments, string name, bool onMethod)
{
    public AspectArguments Arguments { get; } = arguments;

    /// <summary><c>method attribute</c>, <c>type attribute</c>, <c>fabric rule [PerformanceLoggingRule(…)]</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Written on the method itself: diagnostics go to its arguments.</summary>
    public bool OnMethod { get; } = onMethod;
}

/// <summary>
/// PERF001 for the thresholds a woven method runs with: its layers merged as the weaver merges them (method attributes,
/// type attributes, namespace fabric rules, project fabric rules; the first that sets an argument wins), then resolved
/// against each environment's configuration as the runtime resolves them (<see cref="ThresholdPrecedence"/>: argument,
/// <c>Operations</c> entry, profile, <c>Thresholds</c>). The message names the layer each value came from.
/// </summary>
internal static class EffectiveThresholds
{
    public static void Check(IMethodSymbol method, string owner, IReadOnlyList<AspectLayer> layers, ConfigurationModels models, Action<Diagnostic> report)
    {
        // The first conditional attribute decides, as in the weaver: a constant false one leaves the method unwoven.
        if (layers.Count == 0 || layers.FirstOrDefault(l => l.Arguments.IsConditional)?.Arguments.Disabled == true)
        {
            return;
        }

        // A violation every single layer already shows on its own declaration (a type attribute, a fabric rule) is
        // reported there; the method gets what only the merge produces, or what its own attributes take part in.
        var own = layers.Any(l => l.OnMethod);
        models.Check(
            (model, found) =>
            {
                if (Evaluate(method, owner, layers, model) is not { } merged)
                {
                    return;
                }

                if (!own && layers.Any(l => Evaluate(method, owner, [l], model) is { } alone && alone.Message == merged.Message))
                {
                    return;
                }

                found(Diagnostic.Create(DiagnosticDescriptors.InvalidThreshold, merged.Location, merged.Properties, merged.Message));
            },
            report);
    }

    private static (string Message, Location Location, System.Collections.Immutable.ImmutableDictionary<string, string?>? Properties)? Evaluate(
        IMethodSymbol method, string owner, IReadOnlyList<AspectLayer> layers, ConfigurationModel model)
    {
        AspectLayer? Setter(Func<AspectArguments, bool> sets) => layers.FirstOrDefault(l => sets(l.Arguments));

        var warningLayer = Setter(a => a.Warning is not null);
        var criticalLayer = Setter(a => a.Critical is not null);
        var profileLayer = Setter(a => a.ProfileSet);
        var nameLayer = Setter(a => a.OperationNameSet);
        var classNameLayer = Setter(a => a.IncludeClassName is not null);

        var profile = profileLayer?.Arguments.Profile?.Value;
        (double Warning, double Critical)? profileValues = !string.IsNullOrWhiteSpace(profile) && model.Profiles.TryGetValue(profile!, out var known) ? known : null;
        // A blank explicit name is no name: the runtime falls back to the default one.
        var (className, memberName) = MethodAnalysis.OperationParts(method);
        var explicitName = nameLayer?.Arguments.OperationName;
        var operationName = !string.IsNullOrWhiteSpace(explicitName)
            ? explicitName!
            : OperationNames.Default(className, memberName, model.AutoOperationNaming && (classNameLayer?.Arguments.IncludeClassName ?? true));
        var entry = model.Operation(operationName);

        var warning = ThresholdPrecedence.Resolve(
            warning: true, warningLayer?.Arguments.Warning?.Value, warningLayer?.Name, operationName, entry.Warning,
            profile, profileValues?.Warning, model.WarningSeconds);
        var critical = ThresholdPrecedence.Resolve(
            warning: false, criticalLayer?.Arguments.Critical?.Value, criticalLayer?.Name, operationName, entry.Critical,
            profile, profileValues?.Critical, model.CriticalSeconds);

        if (PerformanceLoggingRules.CheckOrder(warning.Path, warning.Value, critical.Path, critical.Value, owner: owner) is not { } order)
        {
            return null;
        }

        var message = order.Message;
        var warningFrom = Layer(warning, profileLayer);
        var criticalFrom = Layer(critical, profileLayer);
        if (warningFrom != criticalFrom)
        {
            message += $" {warning.Path} comes from the {warningFrom}, {critical.Path} from the {criticalFrom}.";
        }

        var location =
            (warningLayer is { OnMethod: true } && warning.Source == ThresholdSource.Aspect ? warningLayer.Arguments.Warning?.Location : null) ??
            (criticalLayer is { OnMethod: true } && critical.Source == ThresholdSource.Aspect ? criticalLayer.Arguments.Critical?.Location : null) ??
            (profileLayer is { OnMethod: true } ? profileLayer.Arguments.Profile?.Location : null) ??
            layers.FirstOrDefault(l => l.OnMethod)?.Arguments.Location ??
            method.Locations.FirstOrDefault() ?? Location.None;

        // Both thresholds written on the same attribute of the method, in the wrong order: swapping them is the obvious fix.
        var properties = warningLayer is { OnMethod: true } && ReferenceEquals(warningLayer, criticalLayer) &&
            warning.Source == ThresholdSource.Aspect && critical.Source == ThresholdSource.Aspect
            ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Fix, FixProperties.Swap)
            : null;
        return (message, location, properties);
    }

    /// <summary>The layer a value came from, for messages; a profile's value also says who chose the profile.</summary>
    private static string Layer(ResolvedThreshold value, AspectLayer? profileLayer) =>
        value.Source == ThresholdSource.Profile && profileLayer is not null ? $"{value.Layer} (chosen by the {profileLayer.Name})" : value.Layer;
}
