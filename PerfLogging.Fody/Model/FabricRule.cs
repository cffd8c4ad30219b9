using System.Collections.Generic;
using Mono.Cecil;

namespace PerfLogging.Fody.Model;

/// <summary>A <c>[PerformanceLoggingRule]</c> of a project or namespace fabric, read from metadata.</summary>
internal sealed class FabricRule
{
    public FabricRule(TypeDefinition fabric, CustomAttribute attribute, string? scope, int index)
    {
        Fabric = fabric;
        Attribute = attribute;
        Scope = scope;
        Index = index;
        Source = PerfLogging.Fabrics.AspectPrecedence.RuleLayer(scope, Names.Display(fabric), index);
        foreach (var property in attribute.Properties)
        {
            Selectors[property.Name] = property.Argument.Value;
        }
    }

    public TypeDefinition Fabric { get; }

    public CustomAttribute Attribute { get; }

    /// <summary>The namespace a namespace fabric is scoped to; null for a project fabric.</summary>
    public string? Scope { get; }

    public bool IsNamespaceRule => Scope is not null;

    /// <summary>The rule's position among its fabric's rules, from 0.</summary>
    public int Index { get; }

    public string Source { get; }

    public Dictionary<string, object?> Selectors { get; } = new();

    public string? Namespace => Selectors.TryGetValue("Namespace", out var value) ? value as string : null;

    public string? TypeName => Selectors.TryGetValue("TypeName", out var value) ? value as string : null;

    public string? MethodName => Selectors.TryGetValue("MethodName", out var value) ? value as string : null;

    public bool IncludeChildNamespaces => !Selectors.TryGetValue("IncludeChildNamespaces", out var value) || value is not false;

    /// <summary>The <c>MethodVisibility</c> flags: Public 1, Internal 2, Protected 4, Private 8.</summary>
    public int Visibility => Selectors.TryGetValue("Visibility", out var value) && value is int flags ? flags : 1;
}
