// The order in which a method's aspect settings are merged, in one file with no dependency beyond the BCL: compiled
// into the runtime package and linked into the weaver (which merges them into the woven method) and the analyzer
// (which checks, at build time, the thresholds the merge gives), so both rank every layer the same way and name it
// with the same words (the weaving manifest's "source").
using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLogging.Fabrics;

internal static class AspectPrecedence
{
    public const string MethodLayer = "method attribute";

    public const string TypeLayer = "type attribute";

    /// <summary>A fabric rule's layer: <c>project fabric Shop.Fabric, rule 1</c>, <c>namespace fabric Shop.Data.Fabric, rule 2</c>.</summary>
    public static string RuleLayer(string? scope, string fabric, int index) =>
        $"{(scope is null ? "project" : "namespace")} fabric {fabric}, rule {index + 1}";

    /// <summary>
    /// Fabric rules, highest precedence first: namespace fabrics (the longest namespace first), then project fabrics;
    /// otherwise as declared (<paramref name="declared"/> is in declaration order: fabrics as in metadata, rules as written).
    /// </summary>
    public static List<TRule> OrderRules<TRule>(IEnumerable<TRule> declared, Func<TRule, string?> scope) =>
        declared.OrderBy(r => scope(r) is null ? 1 : 0).ThenByDescending(r => scope(r)?.Length ?? 0).ToList();

    /// <summary>
    /// A method's layers, highest first: its own attributes, its type's attributes (unless the type is excluded), then
    /// the rules that select it. The first layer that sets an argument wins; the first conditional attribute decides.
    /// </summary>
    public static List<TLayer> Layers<TLayer>(IEnumerable<TLayer> method, IEnumerable<TLayer> type, bool typeExcluded, IEnumerable<TLayer> rules) =>
        [.. method, .. typeExcluded ? [] : type, .. rules];
}
