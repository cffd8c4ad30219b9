using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    private const string AspectNamespace = "PerfLogging.";
    private const string LoggingAttribute = "PerfLogging.PerformanceLoggingAttribute";
    private const string ProfileAttribute = "PerfLogging.PerformanceProfileAttribute";
    private const string ConditionalAttribute = "PerfLogging.ConditionalPerformanceLoggingAttribute";
    private const string ExcludeAttribute = "PerfLogging.NoPerformanceLoggingAttribute";

    internal const string MethodSource = PerfLogging.Fabrics.AspectPrecedence.MethodLayer;
    internal const string TypeSource = PerfLogging.Fabrics.AspectPrecedence.TypeLayer;

    /// <summary>
    /// Every method an attribute on itself or its declaring type, or a fabric rule, selects, in metadata order, with
    /// settings merged by precedence: method attribute, type attribute, namespace fabric, project fabric.
    /// </summary>
    private List<WeaveTarget> CollectTargets()
    {
        _notWoven.Clear();
        var rules = ReadFabricRules();
        var targets = new List<WeaveTarget>();
        foreach (var type in ModuleDefinition.GetTypes().ToList())
        {
            if (_fabrics.Contains(type))
            {
                continue;
            }

            var typeAttributes = AspectAttributes(type.CustomAttributes).ToList();
            var typeExcluded = HasAttribute(type.CustomAttributes, ExcludeAttribute);
            foreach (var method in type.Methods.ToList())
            {
                var methodAttributes = AspectAttributes(method.CustomAttributes).ToList();
                var explicitly = methodAttributes.Count > 0;
                var selectable = !typeExcluded && !HasAttribute(method.CustomAttributes, ExcludeAttribute) && IsSelectableByRule(method);
                var fromType = !explicitly && typeAttributes.Count > 0 && selectable;
                var matching = explicitly || selectable ? rules.Where(r => Selects(r, method)).ToList() : [];
                var fromRules = selectable && matching.Count > 0;
                if (!explicitly && !fromType && !fromRules)
                {
                    NotSelected(method, typeExcluded, rules);
                    continue;
                }

                var settings = new AspectSettings();
                var layers = PerfLogging.Fabrics.AspectPrecedence.Layers(
                    methodAttributes.Select(a => (Attribute: a, Rule: (FabricRule?)null, Source: MethodSource)),
                    typeAttributes.Select(a => (Attribute: a, Rule: (FabricRule?)null, Source: TypeSource)),
                    typeExcluded,
                    matching.Select(r => (Attribute: r.Attribute, Rule: (FabricRule?)r, Source: r.Source)));
                foreach (var (attribute, rule, source) in layers)
                {
                    if (rule is null)
                    {
                        Merge(settings, [attribute], source);
                    }
                    else
                    {
                        Merge(settings, rule);
                    }
                }

                if (!settings.Disabled)
                {
                    targets.Add(new WeaveTarget(method, settings));
                }
                else
                {
                    _notWoven.Add(new NotWoven(method, $"disabled: the {settings.ConditionSource} is [ConditionalPerformanceLogging(false)]"));
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// What type attributes and fabric rules select: ordinary methods with bodies. Not compiler-generated code,
    /// accessors, local functions, lambdas, constructors, or abstract and extern members.
    /// </summary>
    internal static bool IsSelectableByRule(MethodDefinition method) =>
        method.HasBody && !method.IsConstructor && !method.IsAbstract && !method.IsPInvokeImpl && !method.IsInternalCall &&
        !method.IsGetter && !method.IsSetter && !method.IsAddOn && !method.IsRemoveOn && !method.IsFire &&
        !method.Name.Contains("<") && !method.Name.Contains("$Perf") && !method.DeclaringType.Name.Contains("<") &&
        !HasAttribute(method.CustomAttributes, "System.Runtime.CompilerServices.CompilerGeneratedAttribute") &&
        !HasAttribute(method.DeclaringType.CustomAttributes, "System.Runtime.CompilerServices.CompilerGeneratedAttribute") &&
        !IsInterfaceBridge(method);

    /// <summary>
    /// The private stub (<c>IMeasure.Measure</c>) the compiler writes when a method implements an interface member whose
    /// signature differs only in modifiers (an <c>in</c> parameter): it only forwards to that method, which is selected
    /// itself, so weaving the stub too would record every call twice.
    /// </summary>
    private static bool IsInterfaceBridge(MethodDefinition method) =>
        method.IsPrivate && method.IsVirtual && method.HasOverrides &&
        method.Body.Instructions.All(i => i.OpCode.Code is >= Code.Ldarg_0 and <= Code.Ldarg_3 or Code.Ldarg_S or Code.Ldarg or Code.Call or Code.Callvirt or Code.Ret or Code.Nop) &&
        method.Body.Instructions.Count(i => i.OpCode.Code is Code.Call or Code.Callvirt) == 1 &&
        method.Body.Instructions.Single(i => i.OpCode.Code is Code.Call or Code.Callvirt).Operand is MethodReference target &&
        target.DeclaringType.FullName == method.DeclaringType.FullName && target.Name == method.Overrides[0].Name;

    private static IEnumerable<CustomAttribute> AspectAttributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.Where(a => a.AttributeType.FullName is LoggingAttribute or ProfileAttribute or ConditionalAttribute);

    internal static bool HasAttribute(IEnumerable<CustomAttribute> attributes, string fullName) =>
        attributes.Any(a => a.AttributeType.FullName == fullName);

    /// <summary>Adds what these attributes set and <paramref name="settings"/> does not have yet (they rank lower).</summary>
    private static void Merge(AspectSettings settings, IEnumerable<CustomAttribute> attributes, string source)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute.AttributeType.FullName)
            {
                case LoggingAttribute when attribute.ConstructorArguments.Count == 1:
                    settings.AddFallback("OperationName", attribute.ConstructorArguments[0], source);
                    break;
                case ProfileAttribute when attribute.ConstructorArguments.Count == 1:
                    settings.AddFallback("Profile", attribute.ConstructorArguments[0], source);
                    break;
                case ConditionalAttribute when settings.ConditionSource is null:
                    settings.ConditionSource = source;
                    if (attribute.ConstructorArguments.Count == 1)
                    {
                        settings.Disabled = attribute.ConstructorArguments[0].Value is false;
                    }
                    else if (attribute.ConstructorArguments.Count == 2)
                    {
                        settings.ConditionType = attribute.ConstructorArguments[0].Value as TypeReference;
                        settings.ConditionMember = attribute.ConstructorArguments[1].Value as string;
                    }

                    break;
            }

            foreach (var property in attribute.Properties)
            {
                if (AspectSettings.Names.Contains(property.Name))
                {
                    settings.AddFallback(property.Name, property.Argument, source);
                }
            }
        }
    }
}
