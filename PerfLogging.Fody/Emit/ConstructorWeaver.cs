using System;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody.Emit;

/// <summary>
/// Tracks an explicitly annotated constructor in place, after its base or this call (an object cannot be used
/// before that, and field initialisers stay untimed):
/// <code>
/// base(…);
/// OperationScope.Start(Describe(), out var scope);
/// try { …rest of the body… } catch (Exception ex) { scope.Fail(ex); throw; }
/// scope.Complete();
/// </code>
/// A constructor that fails always rethrows: there is no default object to return.
/// </summary>
internal sealed class ConstructorWeaver(
    RuntimeReferences runtime,
    WeaveTarget target,
    MethodReference describe,
    Func<WeaveTarget, Instruction> loadCondition)
{
    public void Weave()
    {
        var method = target.Method;
        var body = method.Body;
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var instructions = body.Instructions;
        var chained = instructions.FirstOrDefault(i =>
            i.OpCode == OpCodes.Call && i.Operand is MethodReference { Name: ".ctor" } called &&
            (called.DeclaringType.FullName == method.DeclaringType.BaseType?.FullName || called.DeclaringType.FullName == method.DeclaringType.FullName));
        var first = chained?.Next ?? instructions[0];

        var scope = new VariableDefinition(runtime.Scope);
        var exception = new VariableDefinition(runtime.Exception);
        body.Variables.Add(scope);
        body.Variables.Add(exception);

        var end = Instruction.Create(OpCodes.Ldloca, scope);
        foreach (var ret in instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            ret.OpCode = OpCodes.Leave;
            ret.Operand = end;
        }

        var start = new[]
        {
            Instruction.Create(OpCodes.Call, describe),
            Instruction.Create(OpCodes.Ldloca, scope),
            Instruction.Create(OpCodes.Call, runtime.Start),
        };
        var tryStart = Instruction.Create(OpCodes.Nop);
        il.InsertBefore(first, tryStart);
        foreach (var instruction in start)
        {
            il.InsertBefore(tryStart, instruction);
        }

        if (target.Settings.ConditionType is not null)
        {
            // The condition is read once per construction; when false the scope stays inactive (a zeroed local).
            il.InsertBefore(start[0], loadCondition(target));
            il.InsertBefore(start[0], Instruction.Create(OpCodes.Brfalse, tryStart));
        }

        var handler = Instruction.Create(OpCodes.Stloc, exception);
        il.Append(handler);
        il.Emit(OpCodes.Ldloca, scope);
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Call, runtime.Fail);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Rethrow);
        il.Append(end);
        il.Emit(OpCodes.Call, runtime.CompleteVoid);
        il.Emit(OpCodes.Ret);

        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Catch)
        {
            CatchType = runtime.Exception,
            TryStart = tryStart,
            TryEnd = handler,
            HandlerStart = handler,
            HandlerEnd = end,
        });
        body.InitLocals = true;
        body.OptimizeMacros();
    }
}
