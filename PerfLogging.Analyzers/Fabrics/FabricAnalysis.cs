using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLogging.Analyzers.Attributes;
using PerfLogging.Analyzers.Configuration;
using PerfLogging.Fabrics;

namespace PerfLogging.Analyzers.Fabrics;

/// <summary>PERF011 (bad glob), PERF001 and PERF002 on fabric rules, and PERF007 for a rule that selects nothing.</summary>
internal sealed class FabricAnalysis(KnownSymbols symbols, ConfigurationModels models)
{
    private readonly ConcurrentBag<FabricRuleInfo> _rules = new();
    private readonly ConcurrentBag<IMethodSymbol> _methods = new();

    public void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!symbols.IsFabric(type))
        {
            if (!type.IsImplicitlyDeclared && !type.GetAttributes().Any(a => KnownSymbols.Is(a, symbols.Exclude)))
            {
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(FabricSelection.IsSelectable))
                {
                    if (!method.GetAttributes().Any(a => KnownSymbols.Is(a, symbols.Exclude)))
                    {
                        _methods.Add(method);
                    }
                }
            }

            return;
        }

        var scope = symbols.IsNamespaceFabric(type) && type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
        var index = -1;
        foreach (var attribute in type.GetAttributes().Where(a => KnownSymbols.Is(a, symbols.Rule)))
        {
            index++;
            var arguments = new AspectArguments(attribute, context.CancellationToken);
            var selectors = new RuleSelectors
            {
                IncludeChildNamespaces = arguments.Named<bool?>("IncludeChildNamespaces") ?? true,
                Visibility = arguments.Named<int?>("Visibility") ?? 1,
            };
            foreach (var selector in arguments.Selectors)
            {
                var name = selector.Key;
                var written = selector.Value;
                if (FabricGlob.Validate(written.Value, name) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidGlob, written.Location, problem));
                    selectors.Usable = false;
                    continue;
                }

                switch (name)
                {
                    case "Namespace":
                        selectors.Namespace = written.Value;
                        break;
                    case "TypeName":
                        selectors.TypeName = written.Value;
                        break;
                    default:
                        selectors.MethodName = written.Value;
                        break;
                }
            }

            models.Check((model, report) => ThresholdCheck.Run(arguments, null, $"{type.Name} rule", model, report), context.ReportDiagnostic);
            if (selectors.Usable)
            {
                var text = arguments.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).ToString() ?? "PerformanceLoggingRule";
                _rules.Add(new FabricRuleInfo(selectors, scope, arguments, text, DeclarationOrder(type, context.Compilation), index, type.ToDisplayString()));
            }
        }
    }

    /// <summary>The usable rules in the weaver's order: namespace fabrics (innermost namespace first), then project fabrics; within a fabric, as declared.</summary>
    public IReadOnlyList<FabricRuleInfo> OrderedRules() =>
        AspectPrecedence.OrderRules(_rules.OrderBy(r => r.Fabric).ThenBy(r => r.Index), r => r.Scope);

    /// <summary>Where the fabric stands in the assembly's metadata (the weaver's order): by source file, then position.</summary>
    private static (int File, int Position) DeclarationOrder(INamedTypeSymbol fabric, Compilation compilation)
    {
        var location = fabric.Locations.FirstOrDefault(l => l.IsInSource);
        if (location?.SourceTree is not { } tree)
        {
            return (int.MaxValue, 0);
        }

        var file = 0;
        foreach (var candidate in compilation.SyntaxTrees)
        {
            if (candidate == tree)
            {
                break;
            }

            file++;
        }

        return (file, location.SourceSpan.Start);
    }

    /// <summary>The methods type attributes and rules can select, outside types marked to be excluded.</summary>
    public IEnumerable<IMethodSymbol> SelectableMethods => _methods;

    public void ReportRulesMatchingNothing(CompilationAnalysisContext context)
    {
        var methods = _methods.ToList();
        foreach (var (rule, scope, location, text) in _rules.Select(r => (r.Selectors, r.Scope, r.Arguments.Location, r.Text)))
        {
            if (!methods.Any(m => FabricSelection.Matches(rule, scope, m)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuleMatchesNothing, location,
                    $"The fabric rule [{text}] matches no method{(scope is null ? string.Empty : $" in namespace '{scope}'")}. " +
                    "Check its Namespace, TypeName, MethodName and Visibility against the code, or remove the rule."));
            }
        }
    }
}

/// <summary>A usable fabric rule: its selectors, the namespace its fabric covers (null for a project fabric) and its arguments.</summary>
internal sealed class FabricRuleInfo(RuleSelectors selectors, string? scope, AspectArguments arguments, string text, (int File, int Position) fabric, int index, string fabricName)
{
    public RuleSelectors Selectors { get; } = selectors;

    public string? Scope { get; } = scope;

    public AspectArguments Arguments { get; } = arguments;

    public string Text { get; } = text;

    /// <summary>Where its fabric is declared, in the weaver's order.</summary>
    public (int File, int Position) Fabric { get; } = fabric;

    public int Index { get; } = index;

    /// <summary>The rule as a layer of a method, named as the weaving manifest names its source.</summary>
    public AspectLayer Layer => new(Arguments, AspectPrecedence.RuleLayer(Scope, fabricName, Index), onMethod: false);

    public bool Selects(IMethodSymbol method) => FabricSelection.Matches(Selectors, Scope, method);
}
