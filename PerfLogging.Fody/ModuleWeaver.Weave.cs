using System;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Emit;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    private int _descriptorCount;

    private void Weave(WeaveTarget target)
    {
        var describe = EmitDescriptor(target);
        if (target.Shape == MethodShape.Constructor)
        {
            new ConstructorWeaver(_runtime, target, describe, LoadCondition).Weave();
            return;
        }

        var method = target.Method;
        var original = BodyMover.Move(method);
        var body = method.Body;
        body.InitLocals = true;
        var il = body.GetILProcessor();
        var callOriginal = IlBuilder.SelfReference(original, method);

        if (target.Settings.ConditionType is not null)
        {
            // if (!Condition) return Original(args);
            var tracked = Instruction.Create(OpCodes.Nop);
            il.Append(LoadCondition(target));
            il.Emit(OpCodes.Brtrue, tracked);
            IlBuilder.ForwardArguments(il, method);
            il.Emit(OpCodes.Call, callOriginal);
            il.Emit(OpCodes.Ret);
            il.Append(tracked);
        }

        switch (target.Shape)
        {
            case MethodShape.Enumerable:
            case MethodShape.AsyncEnumerable:
                EmitIterator(il, target, describe, callOriginal);
                break;
            default:
                EmitTracked(il, target, describe, callOriginal);
                break;
        }

        IlBuilder.Optimize(body);
    }

    /// <summary>
    /// <code>
    /// OperationScope.Start(Describe(), out var scope);
    /// if (scope.CapturesArguments) { scope.AddArgument(0, a); … }
    /// try { result = Original(a, …); }
    /// catch (Exception ex) { if (!scope.Fail(ex)) throw; result = default; }
    /// return scope.Complete(result);          // or CompleteTask / CompleteValueTask / Complete()
    /// </code>
    /// </summary>
    private void EmitTracked(ILProcessor il, WeaveTarget target, MethodReference describe, MethodReference callOriginal)
    {
        var method = target.Method;
        var scope = new VariableDefinition(_runtime.Scope);
        var exception = new VariableDefinition(_runtime.Exception);
        var hasResult = target.Shape != MethodShape.Void;
        var result = hasResult ? new VariableDefinition(method.ReturnType) : null;
        method.Body.Variables.Add(scope);
        method.Body.Variables.Add(exception);
        if (result is not null)
        {
            method.Body.Variables.Add(result);
        }

        il.Emit(OpCodes.Call, describe);
        il.Emit(OpCodes.Ldloca, scope);
        il.Emit(OpCodes.Call, _runtime.Start);
        EmitArguments(il, method, scope);

        var end = Instruction.Create(OpCodes.Ldloca, scope);
        var tryStart = Instruction.Create(OpCodes.Nop);
        il.Append(tryStart);
        IlBuilder.ForwardArguments(il, method);
        il.Emit(OpCodes.Call, callOriginal);
        if (result is not null)
        {
            il.Emit(OpCodes.Stloc, result);
        }

        il.Emit(OpCodes.Leave, end);

        var handlerStart = Instruction.Create(OpCodes.Stloc, exception);
        il.Append(handlerStart);
        il.Emit(OpCodes.Ldloca, scope);
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Call, _runtime.Fail);
        var swallow = Instruction.Create(OpCodes.Nop);
        if (target.Shape == MethodShape.Opaque)
        {
            // A reference or ref struct has no safe default: the failure is recorded and always rethrown.
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Rethrow);
        }
        else
        {
            il.Emit(OpCodes.Brtrue, swallow);
            il.Emit(OpCodes.Rethrow);
            il.Append(swallow);
            if (result is not null)
            {
                il.Emit(OpCodes.Ldloca, result);
                il.Emit(OpCodes.Initobj, method.ReturnType);
            }

            il.Emit(OpCodes.Leave, end);
        }

        var handlerEnd = end;
        il.Append(end);
        if (target.Shape is MethodShape.Void or MethodShape.Opaque)
        {
            il.Emit(OpCodes.Call, _runtime.CompleteVoid);
        }

        if (result is not null)
        {
            // Opaque results pass through untouched; the others go through their shape's Complete overload.
            il.Emit(OpCodes.Ldloc, result);
            if (target.Shape != MethodShape.Opaque)
            {
                il.Emit(OpCodes.Call, Completion(target));
            }
        }

        il.Emit(OpCodes.Ret);
        method.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Catch)
        {
            CatchType = _runtime.Exception,
            TryStart = tryStart,
            TryEnd = handlerStart,
            HandlerStart = handlerStart,
            HandlerEnd = handlerEnd,
        });
    }

    /// <summary>
    /// The operation is the enumeration, which starts later; the arguments are the ones of this call:
    /// <code>
    /// var descriptor = Describe();
    /// var capture = OperationScope.CaptureArguments(descriptor);   // null unless arguments are wanted
    /// if (capture != null) { capture.Add(0, a); … }
    /// return OperationScope.TrackEnumerable(descriptor, Original(a, …), capture);
    /// </code>
    /// </summary>
    private void EmitIterator(ILProcessor il, WeaveTarget target, MethodReference describe, MethodReference callOriginal)
    {
        var method = target.Method;
        var descriptor = new VariableDefinition(_runtime.Descriptor);
        var capture = new VariableDefinition(_runtime.ArgumentCapture);
        method.Body.Variables.Add(descriptor);
        method.Body.Variables.Add(capture);
        il.Emit(OpCodes.Call, describe);
        il.Emit(OpCodes.Stloc, descriptor);

        var capturable = method.Parameters.Where(IsCapturable).ToList();
        if (capturable.Count > 0)
        {
            var skip = Instruction.Create(OpCodes.Nop);
            il.Emit(OpCodes.Ldloc, descriptor);
            il.Emit(OpCodes.Call, _runtime.CaptureArguments);
            il.Emit(OpCodes.Stloc, capture);
            il.Emit(OpCodes.Ldloc, capture);
            il.Emit(OpCodes.Brfalse, skip);
            foreach (var parameter in capturable)
            {
                il.Emit(OpCodes.Ldloc, capture);
                il.Emit(OpCodes.Ldc_I4, parameter.Index);
                il.Emit(OpCodes.Callvirt, _runtime.Close(_runtime.CaptureAdd, LoadArgument(il, parameter)));
            }

            il.Append(skip);
        }

        il.Emit(OpCodes.Ldloc, descriptor);
        IlBuilder.ForwardArguments(il, method);
        il.Emit(OpCodes.Call, callOriginal);
        il.Emit(OpCodes.Ldloc, capture);
        var track = target.Shape == MethodShape.Enumerable ? _runtime.TrackEnumerable : _runtime.TrackAsyncEnumerable;
        il.Emit(OpCodes.Call, _runtime.Close(track, target.ResultType!));
        il.Emit(OpCodes.Ret);
    }

    /// <summary>Pushes an argument's value (dereferenced for ref and in parameters) and returns its type.</summary>
    private static TypeReference LoadArgument(ILProcessor il, ParameterDefinition parameter)
    {
        var type = parameter.ParameterType;
        il.Emit(OpCodes.Ldarg, parameter);
        if (type is ByReferenceType byReference)
        {
            type = byReference.ElementType;
            il.Emit(OpCodes.Ldobj, type);
        }

        return type;
    }

    /// <summary>The <c>Complete…</c> overload that takes and returns a value of the target's shape.</summary>
    private MethodReference Completion(WeaveTarget target) => target.Shape switch
    {
        MethodShape.Value => _runtime.Close(_runtime.CompleteValue, target.Method.ReturnType),
        MethodShape.Task => _runtime.CompleteTask,
        MethodShape.TaskOfT => _runtime.Close(_runtime.CompleteTaskOfT, target.ResultType!),
        MethodShape.ValueTask => _runtime.CompleteValueTask,
        MethodShape.ValueTaskOfT => _runtime.Close(_runtime.CompleteValueTaskOfT, target.ResultType!),
        _ => throw new InvalidOperationException($"Shape {target.Shape} is not emitted here."),
    };

    /// <summary>Hands each argument over typed, only when the runtime asks (<c>scope.CapturesArguments</c>).</summary>
    private void EmitArguments(ILProcessor il, MethodDefinition method, VariableDefinition scope)
    {
        var capturable = method.Parameters.Where(IsCapturable).ToList();
        if (capturable.Count == 0)
        {
            return;
        }

        var skip = Instruction.Create(OpCodes.Nop);
        il.Emit(OpCodes.Ldloca, scope);
        il.Emit(OpCodes.Call, _runtime.CapturesArguments);
        il.Emit(OpCodes.Brfalse, skip);
        foreach (var parameter in capturable)
        {
            il.Emit(OpCodes.Ldloca, scope);
            il.Emit(OpCodes.Ldc_I4, parameter.Index);
            il.Emit(OpCodes.Call, _runtime.Close(_runtime.AddArgument, LoadArgument(il, parameter)));
        }

        il.Append(skip);
    }

    /// <summary>Out parameters are not set yet; pointers and ref structs cannot be generic arguments.</summary>
    private static bool IsCapturable(ParameterDefinition parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.IsOut && type.IsByReference && !parameter.IsIn)
        {
            return false;
        }

        var element = type is ByReferenceType byReference ? byReference.ElementType : type;
        return !element.IsPointer && !element.IsFunctionPointer && !element.IsByReference && !IsByRefLike(element) &&
            element.FullName != "System.TypedReference";
    }

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
