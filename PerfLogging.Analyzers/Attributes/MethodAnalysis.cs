using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLogging.Analyzers.Configuration;
using PerfLogging.Analyzers.Fabrics;
using PerfLogging.Configuration.Validation;
using PerfLogging.Fabrics;
using PerfLogging.Runtime;

namespace PerfLogging.Analyzers.Attributes;

/// <summary>PERF001, PERF002, PERF005, PERF006, PERF009 and PERF010 for attributes on methods and types.</summary>
internal sealed class MethodAnalysis(KnownSymbols symbols, ConfigurationModels models, Compilation compilation)
{
    /// <summary>Methods an attribute on themselves or their type selects, with those attributes, for the merged check.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, (string Owner, List<AspectArguments> Own, List<AspectArguments> Type)> _woven =
        new(SymbolEqualityComparer.Default);

    /// <summary>
    /// PERF001 on the thresholds each woven method runs with: its attributes, its type's and the fabric rules that
    /// select it, merged in the weaver's order (<paramref name="rules"/> highest first).
    /// </summary>
    public void CheckEffectiveThresholds(IReadOnlyList<Fabrics.FabricRuleInfo> rules, IEnumerable<IMethodSymbol> selectable, System.Action<Diagnostic> report)
    {
        foreach (var entry in _woven)
        {
            var method = entry.Key;
            var (owner, own, type) = entry.Value;
            var layers = AspectPrecedence.Layers(
                own.Select(a => new AspectLayer(a, AspectPrecedence.MethodLayer, onMethod: true)),
                type.Select(a => new AspectLayer(a, AspectPrecedence.TypeLayer, onMethod: false)),
                typeExcluded: false,
                rules.Where(r => (own.Count > 0 || FabricSelection.IsSelectable(method)) && r.Selects(method)).Select(r => r.Layer));
            EffectiveThresholds.Check(method, owner, layers, models, report);
        }

        foreach (var method in selectable.Distinct(SymbolEqualityComparer.Default).Cast<IMethodSymbol>())
        {
            if (_woven.ContainsKey(method))
            {
                continue;
            }

            var rulesLayers = rules.Where(r => r.Selects(method)).Select(r => r.Layer).ToList();
            if (rulesLayers.Count == 0)
            {
                continue;
            }

            // Its own and its type's attributes still take part (a constant-false condition leaves it unwoven).
            var layers = AspectPrecedence.Layers(
                method.GetAttributes().Where(symbols.IsAspect).Select(a => new AspectLayer(new AspectArguments(a, default), AspectPrecedence.MethodLayer, onMethod: true)),
                method.ContainingType.GetAttributes().Where(symbols.IsAspect).Select(a => new AspectLayer(new AspectArguments(a, default), AspectPrecedence.TypeLayer, onMethod: false)),
                Has(method.ContainingType.GetAttributes(), symbols.Exclude),
                rulesLayers);
            EffectiveThresholds.Check(method, Owner(method), layers, models, report);
        }
    }

    public void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in Aspects(type.GetAttributes(), context))
        {
            if (attribute.Disabled)
            {
                continue;
            }

            models.Check((model, report) => ThresholdCheck.Run(attribute, null, type.Name, model, report), context.ReportDiagnostic);
            CheckCondition(attribute, type, type.Name, context);
        }
    }

    public void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsPartialDefinition && method.PartialImplementationPart is not null)
        {
            // Analysed once, through its implementation part.
            return;
        }

        var own = Aspects(method.GetAttributes(), context);
        var type = method.ContainingType;
        var typeAttributes = Aspects(type.GetAttributes(), context);
        var excluded = Has(method.GetAttributes(), symbols.Exclude) || Has(type.GetAttributes(), symbols.Exclude);
        var selectedByType = own.Count == 0 && typeAttributes.Count > 0 && !excluded && FabricSelection.IsSelectable(method);
        if ((own.Count == 0 && !selectedByType) || own.Any(a => a.Disabled) || (own.Count == 0 && typeAttributes.Any(a => a.Disabled)))
        {
            return;
        }

        var owner = Owner(method);
        if (own.Count > 0)
        {
            if (Ineligible(method) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IneligibleTarget, own[0].Location,
                    $"'{owner}' cannot carry [{own[0].Attribute.AttributeClass?.Name.Replace("Attribute", string.Empty)}]: {reason}"));
                return;
            }

            foreach (var attribute in own)
            {
                models.Check((model, report) => ThresholdCheck.Run(attribute, null, owner, model, report, checkOrder: false), context.ReportDiagnostic);
                CheckCondition(attribute, type, owner, context);
            }
        }

        // As the weaver merges (AspectPrecedence.Layers): the type's attributes count unless the type itself is excluded.
        _woven[method] = (owner, own, Has(type.GetAttributes(), symbols.Exclude) ? [] : typeAttributes);

        var includeArgs = own.Select(a => a.IncludeArgs).FirstOrDefault(v => v is not null)
            ?? typeAttributes.Select(a => a.IncludeArgs).FirstOrDefault(v => v is not null)
            ?? models.IncludeFunctionArgs;
        if (includeArgs)
        {
            foreach (var parameter in method.Parameters)
            {
                if (PerformanceLoggingRules.LooksSecret(parameter.Name) && !Has(parameter.GetAttributes(), symbols.NotLogged))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretArgument, parameter.Locations.FirstOrDefault(),
                        $"Parameter '{parameter.Name}' of '{owner}' looks like a secret and IncludeArgs logs arguments. " +
                        "PerfLogging redacts it at run time by its name; mark it [NotLogged] to say so explicitly, or rename it if it is not a secret."));
                }
            }
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AsyncVoid, method.Locations.FirstOrDefault(),
                $"'{owner}' is async void: only its synchronous part, up to the first await, is timed. Return Task to time the whole operation."));
        }
    }

    private static string? Ineligible(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.StaticConstructor)
        {
            return "a static constructor runs once, before anything could be configured. Remove the attribute.";
        }

        if (method.IsVararg)
        {
            return "it takes a variable argument list (__arglist), which cannot be forwarded. Take a params array instead, or remove the attribute.";
        }

        if (method.IsAbstract || method.IsExtern || (method.IsPartialDefinition && method.PartialImplementationPart is null))
        {
            var kind = method.ContainingType.TypeKind == TypeKind.Interface ? "an interface member"
                : method.IsAbstract ? "abstract" : method.IsExtern ? "extern" : "a partial method without implementation";
            return $"it has no body ({kind}). Remove the attribute and put it on the method that implements it.";
        }

        return null;
    }

    private void CheckCondition(AspectArguments attribute, INamedTypeSymbol within, string owner, SymbolAnalysisContext context)
    {
        if (attribute.ConditionMember is not { } member)
        {
            return;
        }

        var typeName = attribute.ConditionType?.Name ?? "?";
        string? problem = null;
        if (attribute.ConditionType is null || attribute.ConditionType.TypeKind == TypeKind.Error)
        {
            problem = "names a type that cannot be resolved";
        }
        else if (string.IsNullOrEmpty(member.Value))
        {
            problem = "names no member";
        }
        else
        {
            var candidates = attribute.ConditionType.GetMembers(member.Value!);
            if (candidates.Length == 0)
            {
                var suggestion = PerformanceLoggingRules.SuggestClosest(member.Value!, attribute.ConditionType.GetMembers().Where(m => m.IsStatic).Select(m => m.Name).Where(n => !n.StartsWith("get_", System.StringComparison.Ordinal)));
                problem = $"does not exist{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}";
            }
            else
            {
                problem = candidates.Select(c => Problem(c, within)).OrderBy(p => p is null ? 0 : 1).First();
            }
        }

        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidCondition, member.Location,
                $"The condition '{typeName}.{member.Value}' of [ConditionalPerformanceLogging] on '{owner}' {problem}. " +
                $"Point it at a static bool property, field or parameterless method, e.g. 'public static bool {(string.IsNullOrEmpty(member.Value) ? "IsEnabled" : member.Value)} => …;'."));
        }
    }

    private string? Problem(ISymbol member, INamedTypeSymbol within)
    {
        var (type, isStatic, parameters) = member switch
        {
            IPropertySymbol p => (p.Type, p.IsStatic, p.Parameters.Length + (p.GetMethod is null ? 1 : 0)),
            IFieldSymbol f => (f.Type, f.IsStatic, 0),
            IMethodSymbol m => (m.ReturnType, m.IsStatic, m.Parameters.Length + m.TypeParameters.Length),
            _ => (null as ITypeSymbol, false, 0),
        };

        if (type is null)
        {
            return "is not a property, field or method";
        }

        if (!isStatic)
        {
            return "is not static";
        }

        if (type.SpecialType != SpecialType.System_Boolean)
        {
            return $"is of type '{type.ToDisplayString()}', not bool";
        }

        if (parameters > 0)
        {
            return member is IPropertySymbol ? "has no getter or takes parameters" : "takes parameters";
        }

        return compilation.IsSymbolAccessibleWithin(member, within) ? null : "is not accessible from the method";
    }

    private List<AspectArguments> Aspects(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, SymbolAnalysisContext context) =>
        attributes.Where(symbols.IsAspect).Select(a => new AspectArguments(a, context.CancellationToken)).ToList();

    private static bool Has(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol? type) =>
        attributes.Any(a => KnownSymbols.Is(a, type));

    /// <summary>The method as its operation is named at run time: <c>Repository&lt;T&gt;.Find</c>, <c>Cache.Get&lt;T&gt;</c>.</summary>
    public static string Owner(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.StaticConstructor)
        {
            return $"static {method.ContainingType.Name}()";
        }

        var (type, member) = OperationParts(method);
        return $"{type}.{member}";
    }

    /// <summary>The class and member parts of the method's default operation name, as the runtime writes them.</summary>
    public static (string Type, string Member) OperationParts(IMethodSymbol method)
    {
        var type = method.ContainingType;
        var typeName = type.TypeParameters.Length == 0 ? type.Name : $"{type.Name}<{string.Join(", ", type.TypeParameters.Select(p => p.Name))}>";
        var member = method.MethodKind == MethodKind.Constructor
            ? type.Name
            : OperationNames.MethodName(OperationNames.MemberName(method.Name), method.TypeParameters.Select(p => p.Name).ToList());
        return (typeName, member);
    }
}
