using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLogging.Fabrics;

namespace PerfLogging.Analyzers.Fabrics;

/// <summary>
/// Which methods type attributes and fabric rules select, the same way the weaver selects them: ordinary methods
/// with bodies; not accessors, constructors, local functions, lambdas, compiler-generated, abstract or extern members.
/// </summary>
internal static class FabricSelection
{
    public static bool IsSelectable(IMethodSymbol method) =>
        method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.UserDefinedOperator or MethodKind.Conversion &&
        !method.IsAbstract && !method.IsExtern && !method.IsImplicitlyDeclared &&
        !(method.IsPartialDefinition && method.PartialImplementationPart is null) &&
        !method.ContainingType.IsImplicitlyDeclared &&
        method.DeclaringSyntaxReferences.Length > 0;

    /// <summary>Whether a rule (of a namespace fabric scoped to <paramref name="scope"/>, or a project fabric) selects the method.</summary>
    public static bool Matches(RuleSelectors rule, string? scope, IMethodSymbol method)
    {
        var type = method.ContainingType;
        var visibility = method.DeclaredAccessibility switch
        {
            Accessibility.Public => 1,
            Accessibility.Internal or Accessibility.ProtectedOrInternal => 2,
            Accessibility.Protected or Accessibility.ProtectedAndInternal => 4,
            _ => 8,
        };
        return FabricGlob.Selects(
            scope, rule.Namespace, rule.IncludeChildNamespaces, rule.TypeName, rule.MethodName, rule.Visibility,
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty, type.Name, method.Name, visibility);
    }
}

/// <summary>The selectors of a rule; invalid globs are left out (reported as PERF011 instead).</summary>
internal sealed class RuleSelectors
{
    public string? Namespace { get; set; }

    public bool IncludeChildNamespaces { get; set; } = true;

    public string? TypeName { get; set; }

    public string? MethodName { get; set; }

    public int Visibility { get; set; } = 1;

    public bool Usable { get; set; } = true;
}
