using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using PerfLogging.Fabrics;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    private const string CompilerGenerated = "System.Runtime.CompilerServices.CompilerGeneratedAttribute";

    private readonly List<NotWoven> _notWoven = [];

    /// <summary>
    /// Records why a method the user wrote is left as it is, for the manifest's <c>notWoven</c> list (what
    /// <c>perflogging show</c> answers when asked about it). Compiler-generated code and static constructors are not listed.
    /// </summary>
    private void NotSelected(MethodDefinition method, bool typeExcluded, IReadOnlyList<FabricRule> rules)
    {
        if (IsCompilerGenerated(method) || (method.IsConstructor && method.IsStatic))
        {
            return;
        }

        _notWoven.Add(new NotWoven(method, WhyNotSelected(method, typeExcluded, rules)));
    }

    private static string WhyNotSelected(MethodDefinition method, bool typeExcluded, IReadOnlyList<FabricRule> rules)
    {
        if (HasAttribute(method.CustomAttributes, ExcludeAttribute))
        {
            return "excluded: [NoPerformanceLogging] is on the method";
        }

        if (typeExcluded)
        {
            return $"excluded: [NoPerformanceLogging] is on its type {Names.Display(method.DeclaringType)}";
        }

        if (!IsSelectableByRule(method))
        {
            return "not selected: " + Unselectable(method);
        }

        return rules.Count == 0
            ? "not selected: no performance attribute is on it or its type, and the assembly has no fabric rule"
            : "not selected: " + string.Join("; ", Closest(rules.Select(rule => Mismatch(rule, method))));
    }

    /// <summary>Why type attributes and fabric rules pass over this kind of method (see <see cref="IsSelectableByRule"/>).</summary>
    private static string Unselectable(MethodDefinition method) =>
        !method.HasBody || method.IsAbstract ? "it has no body (abstract, extern or an interface member)"
        : method.IsConstructor ? "a constructor is woven only by an attribute on the constructor itself; type attributes and fabric rules skip constructors"
        : method.IsGetter || method.IsSetter || method.IsAddOn || method.IsRemoveOn || method.IsFire
            ? "an accessor is woven only by an attribute on the accessor itself; type attributes and fabric rules skip property and event accessors"
        : "it only forwards an interface call to a method that is selected itself";

    /// <summary>The mismatches of the rules that came closest (passed the most selectors): the ones worth reading.</summary>
    private static IEnumerable<string> Closest(IEnumerable<(int Passed, string Reason)> mismatches)
    {
        var all = mismatches.ToList();
        var closest = all.Max(m => m.Passed);
        return all.Where(m => m.Passed == closest).Select(m => m.Reason);
    }

    /// <summary>
    /// The first selector of <paramref name="rule"/> the method fails, in the order <see cref="FabricGlob.Selects"/>
    /// checks them: <c>internal, and rule 1 of the project fabric Shop.Fabric selects Public</c>, with how many it passed.
    /// </summary>
    private static (int Passed, string Reason) Mismatch(FabricRule rule, MethodDefinition method)
    {
        var name = $"rule {rule.Index + 1} of the {(rule.IsNamespaceRule ? "namespace" : "project")} fabric {Names.Display(rule.Fabric)}";
        var type = method.DeclaringType;
        var @namespace = NamespaceOf(type);
        var inNamespace = @namespace.Length == 0 ? "in the global namespace" : $"in namespace {@namespace}";
        var typeName = PerfLogging.Runtime.OperationNames.StripArity(type.Name);
        var memberName = method.Name.Substring(method.Name.LastIndexOf('.') + 1);
        var visibility = VisibilityOf(method);
        if (rule.Scope is { } scope && !FabricGlob.MatchNamespace(scope, @namespace, rule.IncludeChildNamespaces))
        {
            return (0, $"{inNamespace}, and {name} applies to namespace {scope} only");
        }

        if (rule.Namespace is { } namespaceGlob && !FabricGlob.MatchNamespace(namespaceGlob, @namespace, rule.IncludeChildNamespaces))
        {
            return (0, $"{inNamespace}, and {name} selects namespace '{namespaceGlob}'{(rule.IncludeChildNamespaces ? " and its children" : string.Empty)}");
        }

        if (rule.TypeName is { } typeGlob && !FabricGlob.MatchName(typeGlob, typeName))
        {
            return (1, $"its type is {typeName}, and {name} selects types '{typeGlob}'");
        }

        if (rule.MethodName is { } methodGlob && !FabricGlob.MatchName(methodGlob, memberName))
        {
            return (2, $"it is named {memberName}, and {name} selects methods '{methodGlob}'");
        }

        var selected = new[] { "Public", "Internal", "Protected", "Private" }.Where((_, bit) => (rule.Visibility & (1 << bit)) != 0).ToList();
        return (3, $"{new[] { "public", "internal", "protected", "private" }[visibility]}, and {name} selects " +
            (selected.Count == 0 ? "no visibility" : string.Join(", ", selected)));
    }

    /// <summary>The bit of <c>MethodVisibility</c> (Public 1, Internal 2, Protected 4, Private 8) as an index from 0.</summary>
    private static int VisibilityOf(MethodDefinition method) =>
        method.IsPublic ? 0
        : method.IsAssembly || method.IsFamilyOrAssembly ? 1
        : method.IsFamily || method.IsFamilyAndAssembly ? 2
        : 3;

    /// <summary>Compiler-generated itself, or declared in a compiler-generated type at any depth.</summary>
    private static bool IsCompilerGenerated(MethodDefinition method)
    {
        if (method.Name.Contains("<") || HasAttribute(method.CustomAttributes, CompilerGenerated))
        {
            return true;
        }

        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (type.Name.Contains("<") || HasAttribute(type.CustomAttributes, CompilerGenerated))
            {
                return true;
            }
        }

        return false;
    }
}
