using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody.Emit;

internal sealed partial class MethodProcessor
{
    private void WeaveTracked(Instruction first, VariableDefinition? result, Instruction end)
    {
        var scope = new VariableDefinition(runtime.Scope);
        var thrown = new VariableDefinition(Method.Module.TypeSystem.Object);
        Body.Variables.Add(scope);
        Body.Variables.Add(thrown);

        // A compiler-generated async method records from its state machine, before the task completes.
        var stateMachine = target.Shape is MethodShape.Task or MethodShape.TaskOfT or MethodShape.ValueTask or MethodShape.ValueTaskOfT
            ? AsyncStateMachine.Find(Method)
            : null;
        stateMachine?.Weave(runtime, scope);

        // Prologue, in front of the first tracked instruction; the protected region starts at a nop of its own.
        var tryStart = Instruction.Create(OpCodes.Nop);
        var prologue = new List<Instruction>();
        if (target.Settings.ConditionType is not null)
        {
            // The condition is read once per call; when false the scope stays zeroed and every call on it does nothing.
            prologue.Add(Instruction.Create(OpCodes.Ldloca, scope));
            prologue.Add(Instruction.Create(OpCodes.Initobj, runtime.Scope));
            prologue.Add(loadCondition(target));
            prologue.Add(Instruction.Create(OpCodes.Brfalse, tryStart));
        }

        prologue.Add(Instruction.Create(OpCodes.Call, describe));
        prologue.Add(Instruction.Create(OpCodes.Ldloca, scope));
        prologue.Add(Instruction.Create(OpCodes.Call, runtime.Start));
        prologue.AddRange(Arguments(scope));
        prologue.Add(tryStart);
        Insert(first, prologue);

        // Filter: records the failure during the first pass; its verdict is true only when OnError swallows.
        var raisesAlways = target.Shape is MethodShape.Opaque or MethodShape.Constructor;
        var il = Body.GetILProcessor();
        var filterStart = Instruction.Create(OpCodes.Stloc, thrown);
        il.Append(filterStart);
        il.Emit(OpCodes.Ldloca, scope);
        il.Emit(OpCodes.Ldloc, thrown);
        il.Emit(OpCodes.Call, runtime.Filter);
        if (raisesAlways)
        {
            // A by-ref result, a ref struct or a constructed object has no safe default: the failure always escapes.
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldc_I4_0);
        }

        il.Emit(OpCodes.Endfilter);

        var handlerStart = Instruction.Create(OpCodes.Pop);
        il.Append(handlerStart);
        if (raisesAlways)
        {
            il.Emit(OpCodes.Rethrow);
        }
        else
        {
            if (result is not null)
            {
                il.Emit(OpCodes.Ldloca, result);
                il.Emit(OpCodes.Initobj, ReturnType);
            }

            il.Emit(OpCodes.Leave, end);
        }

        var faultStart = Instruction.Create(OpCodes.Ldloca, scope);
        il.Append(faultStart);
        il.Emit(OpCodes.Call, runtime.Unwind);
        il.Emit(OpCodes.Endfinally);

        // Epilogue: every return arrives here.
        end.OpCode = OpCodes.Ldloca;
        end.Operand = scope;
        il.Append(end);
        if (result is null || target.Shape == MethodShape.Opaque)
        {
            il.Emit(OpCodes.Call, runtime.CompleteVoid);
            if (result is not null)
            {
                il.Emit(OpCodes.Ldloc, result);
            }
        }
        else
        {
            il.Emit(OpCodes.Ldloc, result);
            il.Emit(OpCodes.Call, Completion(stateMachine is not null));
        }

        il.Emit(OpCodes.Ret);

        // Nested handlers come first in the table; these two enclose everything the body had.
        Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Filter)
        {
            TryStart = tryStart,
            TryEnd = filterStart,
            FilterStart = filterStart,
            HandlerStart = handlerStart,
            HandlerEnd = faultStart,
        });
        Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
        {
            TryStart = tryStart,
            TryEnd = faultStart,
            HandlerStart = faultStart,
            HandlerEnd = end,
        });
        HideFromDebugger(prologue[0], filterStart, handlerStart, faultStart, end);
    }

    /// <summary>
    /// The operation is the enumeration, which starts later; the arguments are the ones of this call:
    /// <code>
    ///     descriptor = Describe();                         // stays null when a per-call condition is false
    ///     capture = OperationScope.CaptureArguments(descriptor);   if (capture != null) { capture.Add(0, a); … }
    ///     …original body: it builds the iterator…
    /// END: return descriptor == null ? result : OperationScope.TrackEnumerable(descriptor, result, capture);
    /// </code>
    /// </summary>
    private void WeaveIterator(Instruction first, VariableDefinition result, Instruction end)
    {
        var descriptor = new VariableDefinition(runtime.Descriptor);
        var capture = new VariableDefinition(runtime.ArgumentCapture);
        Body.Variables.Add(descriptor);
        Body.Variables.Add(capture);

        var prologue = new List<Instruction>
        {
            Instruction.Create(OpCodes.Ldnull),
            Instruction.Create(OpCodes.Stloc, descriptor),
            Instruction.Create(OpCodes.Ldnull),
            Instruction.Create(OpCodes.Stloc, capture),
        };
        var body = Instruction.Create(OpCodes.Nop);
        if (target.Settings.ConditionType is not null)
        {
            prologue.Add(loadCondition(target));
            prologue.Add(Instruction.Create(OpCodes.Brfalse, body));
        }

        prologue.Add(Instruction.Create(OpCodes.Call, describe));
        prologue.Add(Instruction.Create(OpCodes.Stloc, descriptor));
        var capturable = Method.Parameters.Where(IsCapturable).ToList();
        if (capturable.Count > 0)
        {
            prologue.Add(Instruction.Create(OpCodes.Ldloc, descriptor));
            prologue.Add(Instruction.Create(OpCodes.Call, runtime.CaptureArguments));
            prologue.Add(Instruction.Create(OpCodes.Stloc, capture));
            prologue.Add(Instruction.Create(OpCodes.Ldloc, capture));
            prologue.Add(Instruction.Create(OpCodes.Brfalse, body));
            foreach (var parameter in capturable)
            {
                prologue.Add(Instruction.Create(OpCodes.Ldloc, capture));
                prologue.Add(Instruction.Create(OpCodes.Ldc_I4, parameter.Index));
                prologue.AddRange(LoadArgument(parameter, out var type));
                prologue.Add(Instruction.Create(OpCodes.Callvirt, runtime.Close(runtime.CaptureAdd, type)));
            }
        }

        prologue.Add(body);
        Insert(first, prologue);

        var il = Body.GetILProcessor();
        var untracked = Instruction.Create(OpCodes.Ldloc, result);
        end.OpCode = OpCodes.Ldloc;
        end.Operand = descriptor;
        il.Append(end);
        il.Emit(OpCodes.Brfalse, untracked);
        il.Emit(OpCodes.Ldloc, descriptor);
        il.Emit(OpCodes.Ldloc, result);
        il.Emit(OpCodes.Ldloc, capture);
        var track = target.Shape == MethodShape.Enumerable ? runtime.TrackEnumerable : runtime.TrackAsyncEnumerable;
        il.Emit(OpCodes.Call, runtime.Close(track, target.ResultType!));
        il.Emit(OpCodes.Ret);
        il.Append(untracked);
        il.Emit(OpCodes.Ret);
        HideFromDebugger(prologue[0], end);
    }

    private void Insert(Instruction before, IEnumerable<Instruction> instructions)
    {
        var il = Body.GetILProcessor();
        foreach (var instruction in instructions)
        {
            il.InsertBefore(before, instruction);
        }
    }

    /// <summary>Hands each argument over typed, only when the runtime asks (<c>scope.CapturesArguments</c>).</summary>
    private IEnumerable<Instruction> Arguments(VariableDefinition scope)
    {
        var capturable = Method.Parameters.Where(IsCapturable).ToList();
        if (capturable.Count == 0)
        {
            yield break;
        }

        var skip = Instruction.Create(OpCodes.Nop);
        yield return Instruction.Create(OpCodes.Ldloca, scope);
        yield return Instruction.Create(OpCodes.Call, runtime.CapturesArguments);
        yield return Instruction.Create(OpCodes.Brfalse, skip);
        foreach (var parameter in capturable)
        {
            yield return Instruction.Create(OpCodes.Ldloca, scope);
            yield return Instruction.Create(OpCodes.Ldc_I4, parameter.Index);
            var loads = LoadArgument(parameter, out var type);
            foreach (var load in loads)
            {
                yield return load;
            }

            yield return Instruction.Create(OpCodes.Call, runtime.Close(runtime.AddArgument, type));
        }

        yield return skip;
    }

    /// <summary>Pushes an argument's value (dereferenced for ref and in parameters); <paramref name="type"/> is its type.</summary>
    private static IEnumerable<Instruction> LoadArgument(ParameterDefinition parameter, out TypeReference type)
    {
        // 'in' parameters of virtual and interface methods are 'T& modreq(InAttribute)'.
        type = ModuleWeaver.WithoutModifiers(parameter.ParameterType);
        var load = Instruction.Create(OpCodes.Ldarg, parameter);
        if (type is ByReferenceType byReference)
        {
            type = ModuleWeaver.WithoutModifiers(byReference.ElementType);
            return [load, Instruction.Create(OpCodes.Ldobj, type)];
        }

        return [load];
    }

    /// <summary>Out parameters are not set yet; pointers and ref structs cannot be generic arguments.</summary>
    private static bool IsCapturable(ParameterDefinition parameter)
    {
        var type = ModuleWeaver.WithoutModifiers(parameter.ParameterType);
        if (parameter.IsOut && type.IsByReference && !parameter.IsIn)
        {
            return false;
        }

        var element = ModuleWeaver.WithoutModifiers(type is ByReferenceType byReference ? byReference.ElementType : type);
        return !element.IsPointer && !element.IsFunctionPointer && !element.IsByReference && !ModuleWeaver.IsByRefLike(element) &&
            element.FullName != "System.TypedReference";
    }

    /// <summary>
    /// The <c>Complete…</c> overload that takes and returns a value of the target's shape; <c>Leave…</c> when the state
    /// machine records.
    /// </summary>
    private MethodReference Completion(bool stateMachine) => target.Shape switch
    {
        MethodShape.Value => runtime.Close(runtime.CompleteValue, ReturnType),
        MethodShape.Task => stateMachine ? runtime.LeaveTask : runtime.CompleteTask,
        MethodShape.TaskOfT => runtime.Close(stateMachine ? runtime.LeaveTaskOfT : runtime.CompleteTaskOfT, target.ResultType!),
        MethodShape.ValueTask => stateMachine ? runtime.LeaveValueTask : runtime.CompleteValueTask,
        MethodShape.ValueTaskOfT => runtime.Close(stateMachine ? runtime.LeaveValueTaskOfT : runtime.CompleteValueTaskOfT, target.ResultType!),
        _ => throw new InvalidOperationException($"Shape {target.Shape} is not emitted here."),
    };

    /// <summary>
    /// Hidden sequence points on the woven blocks, so a debugger steps over them and they borrow no source line from
    /// the original code around them; the original's own sequence points stay on their instructions.
    /// </summary>
    private void HideFromDebugger(params Instruction[] starts)
    {
        var debug = Method.DebugInformation;
        if (debug is null || !debug.HasSequencePoints)
        {
            return;
        }

        var document = debug.SequencePoints[0].Document;
        foreach (var start in starts)
        {
            debug.SequencePoints.Add(new SequencePoint(start, document) { StartLine = 0xfeefee, EndLine = 0xfeefee });
        }
    }

    /// <summary>Sequence points must be in IL order; offsets are current after <c>OptimizeMacros</c>.</summary>
    private void SortSequencePoints()
    {
        var debug = Method.DebugInformation;
        if (debug is null || !debug.HasSequencePoints)
        {
            return;
        }

        var sorted = debug.SequencePoints.OrderBy(p => p.Offset).ToList();
        debug.SequencePoints.Clear();
        foreach (var point in sorted)
        {
            debug.SequencePoints.Add(point);
        }
    }
}
