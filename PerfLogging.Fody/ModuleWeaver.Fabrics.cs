using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using PerfLogging.Fabrics;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    private const string ProjectFabric = "PerfLogging.Fabrics.ProjectFabric";
    private const string NamespaceFabric = "PerfLogging.Fabrics.NamespaceFabric";
    private const string RuleAttribute = "PerfLogging.Fabrics.PerformanceLoggingRuleAttribute";

    private List<TypeDefinition> _fabrics = [];

    /// <summary>
    /// The rules of every fabric, highest precedence first: namespace fabrics (innermost namespace first), then
    /// project fabrics; within a fabric, in declaration order. Invalid globs are left out (the analyzer reports them).
    /// </summary>
    private List<FabricRule> ReadFabricRules()
    {
        _fabrics = ModuleDefinition.GetTypes().Where(t => FabricKind(t) is not null).ToList();
        var rules = new List<FabricRule>();
        foreach (var fabric in _fabrics)
        {
            var scope = FabricKind(fabric) == NamespaceFabric ? NamespaceOf(fabric) : null;
            var index = 0;
            foreach (var attribute in fabric.CustomAttributes.Where(a => a.AttributeType.FullName == RuleAttribute))
            {
                var rule = new FabricRule(fabric, attribute, scope, index++);
                var invalid = new[] { "Namespace", "TypeName", "MethodName" }
                    .Select(selector => FabricGlob.Validate(rule.Selectors.TryGetValue(selector, out var v) ? v as string : null, selector))
                    .FirstOrDefault(problem => problem is not null);
                if (invalid is not null)
                {
                    var anchor = fabric.Methods.FirstOrDefault();
                    WriteError($"PerfLogging cannot apply a rule of '{Names.Display(fabric)}': {invalid}", anchor is null ? null : LocationOf(anchor));
                    continue;
                }

                rules.Add(rule);
            }
        }

        return PerfLogging.Fabrics.AspectPrecedence.OrderRules(rules, r => r.Scope);
    }

    /// <summary>Whether a rule selects the method: scope, namespace, type and method globs, and visibility.</summary>
    private static bool Selects(FabricRule rule, MethodDefinition method)
    {
        return FabricGlob.Selects(
            rule.Scope, rule.Namespace, rule.IncludeChildNamespaces, rule.TypeName, rule.MethodName, rule.Visibility,
            NamespaceOf(method.DeclaringType), PerfLogging.Runtime.OperationNames.StripArity(method.DeclaringType.Name), method.Name, 1 << VisibilityOf(method));
    }

    /// <summary>Adds a matching rule's settings below the attributes' (rules rank lower).</summary>
    private static void Merge(AspectSettings settings, FabricRule rule)
    {
        foreach (var property in rule.Attribute.Properties)
        {
            if (AspectSettings.Names.Contains(property.Name))
            {
                settings.AddFallback(property.Name, property.Argument, rule.Source);
            }
        }
    }

    /// <summary>Fabrics are build-time only: they and their rules leave the output assembly.</summary>
    private void RemoveFabrics()
    {
        foreach (var fabric in _fabrics)
        {
            if (fabric.DeclaringType is { } outer)
            {
                outer.NestedTypes.Remove(fabric);
            }
            else
            {
                ModuleDefinition.Types.Remove(fabric);
            }
        }
    }

    private static string? FabricKind(TypeDefinition type)
    {
        for (var current = type.BaseType; current is not null;)
        {
            if (current.FullName is ProjectFabric or NamespaceFabric)
            {
                return current.FullName;
            }

            try
            {
                current = current.Resolve()?.BaseType;
            }
            catch (AssemblyResolutionException)
            {
                return null;
            }
        }

        return null;
    }

    private static string NamespaceOf(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }
}
