using System;
using System.Linq;
using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Emit;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    private int _descriptorCount;

    /// <summary>Weaves the method in place; a body it cannot weave correctly is a build error, never invalid IL.</summary>
    private bool Weave(WeaveTarget target)
    {
        var describe = EmitDescriptor(target);
        try
        {
            new MethodProcessor(_runtime, target, describe, LoadCondition).Process();
            return true;
        }
        catch (WeavingException ex)
        {
            WriteError($"{CannotWeaveId}: PerfLogging cannot weave '{Names.Display(target.Method)}': {ex.Message}.", LocationOf(target.Method));
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException or System.Collections.Generic.KeyNotFoundException)
        {
            WriteError(
                $"{CannotWeaveId}: PerfLogging cannot weave '{Names.Display(target.Method)}': its IL has a shape the weaver does not handle " +
                $"({ex.GetType().Name}: {ex.Message}). Remove the performance attribute from it (or exclude it with [NoPerformanceLogging]) " +
                "and report the method's IL to PerfLogging.",
                LocationOf(target.Method));
            return false;
        }
    }

    /// <summary>The build error for a method the weaver cannot weave correctly (documented in docs/diagnostics.md).</summary>
    internal const string CannotWeaveId = "PERF012";

    /// <summary>The instruction that pushes the value of the per-call condition (checked valid before weaving).</summary>
    private static Instruction LoadCondition(WeaveTarget target) => target.Condition switch
    {
        MethodReference getter => Instruction.Create(OpCodes.Call, getter),
        FieldReference field => Instruction.Create(OpCodes.Ldsfld, field),
        _ => throw new InvalidOperationException("The condition was not checked before weaving."),
    };

    /// <summary>The static bool property getter, field or parameterless method the condition names, or null.</summary>
    private MemberReference? ResolveCondition(WeaveTarget target)
    {
        var settings = target.Settings;
        TypeDefinition? type;
        try
        {
            type = settings.ConditionType?.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            type = null;
        }

        if (type is null || settings.ConditionMember is null || type.HasGenericParameters)
        {
            return null;
        }

        bool Accessible(bool isPrivate) => !isPrivate || type == target.Method.DeclaringType;
        var name = settings.ConditionMember;
        var getter = type.Properties.FirstOrDefault(p => p.Name == name)?.GetMethod;
        if (getter is { IsStatic: true, HasParameters: false } && getter.ReturnType.MetadataType == MetadataType.Boolean && Accessible(getter.IsPrivate))
        {
            return ModuleDefinition.ImportReference(getter);
        }

        var field = type.Fields.FirstOrDefault(f => f.Name == name);
        if (field is { IsStatic: true } && field.FieldType.MetadataType == MetadataType.Boolean && Accessible(field.IsPrivate))
        {
            return ModuleDefinition.ImportReference(field);
        }

        var method = type.Methods.FirstOrDefault(m => m.Name == name && !m.HasParameters && !m.HasGenericParameters);
        if (method is { IsStatic: true } && method.ReturnType.MetadataType == MetadataType.Boolean && Accessible(method.IsPrivate))
        {
            return ModuleDefinition.ImportReference(method);
        }

        return null;
    }
}
