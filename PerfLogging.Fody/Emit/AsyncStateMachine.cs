using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace PerfLogging.Fody.Emit;

/// <summary>
/// The state machine of a compiler-generated async method, woven so the record is written before the task completes:
/// <code>
///     kickoff:   stateMachine.&lt;&gt;perf_scope = scope;  builder.Start(ref stateMachine);  …  return scope.LeaveTask(task);
///     MoveNext:  this.&lt;&gt;perf_scope.Succeeded(result);  builder.SetResult(result);
///                if (this.&lt;&gt;perf_scope.Failed(exception)) builder.SetResult(default); else builder.SetException(exception);
/// </code>
/// The builder's own calls stay, so any builder type works. A method whose kickoff or state machine does not have the
/// shape the C# compiler gives them keeps the task-level completion (<c>CompleteTask</c>).
/// </summary>
internal sealed class AsyncStateMachine
{
    private const string BuilderField = "<>t__builder";
    private const string ScopeField = "<>perf_scope";

    private readonly MethodDefinition _kickoff;
    private readonly TypeDefinition _type;
    private readonly MethodDefinition _moveNext;
    private readonly Instruction _start;
    private readonly VariableDefinition _local;
    private readonly FieldReference _kickoffBuilder;
    private readonly FieldReference _moveNextBuilder;
    private readonly List<Instruction> _completions;
    private readonly MethodReference _setResult;

    private AsyncStateMachine(
        MethodDefinition kickoff, TypeDefinition type, MethodDefinition moveNext, Instruction start, VariableDefinition local,
        FieldReference kickoffBuilder, FieldReference moveNextBuilder, List<Instruction> completions, MethodReference setResult)
    {
        _kickoff = kickoff;
        _type = type;
        _moveNext = moveNext;
        _start = start;
        _local = local;
        _kickoffBuilder = kickoffBuilder;
        _moveNextBuilder = moveNextBuilder;
        _completions = completions;
        _setResult = setResult;
    }

    /// <summary>The state machine of <paramref name="kickoff"/>, or null when it does not have the compiler's shape.</summary>
    public static AsyncStateMachine? Find(MethodDefinition kickoff)
    {
        var attribute = kickoff.CustomAttributes.FirstOrDefault(a =>
            a.AttributeType.FullName == "System.Runtime.CompilerServices.AsyncStateMachineAttribute");
        if (attribute is null || attribute.ConstructorArguments.Count != 1 ||
            attribute.ConstructorArguments[0].Value is not TypeReference reference ||
            reference.Resolve() is not { } type || type.Module != kickoff.Module ||
            type.Fields.Any(f => f.Name == ScopeField))
        {
            return null;
        }

        var builder = type.Fields.FirstOrDefault(f => f.Name == BuilderField);
        var moveNext = type.Methods.FirstOrDefault(m => m.Name == "MoveNext" && m.Parameters.Count == 0 && m.HasBody);
        if (builder is null || moveNext is null)
        {
            return null;
        }

        var builderType = builder.FieldType.GetElementType().FullName;
        bool OnBuilder(Instruction instruction, params string[] names) =>
            (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt) && instruction.Operand is MethodReference method &&
            names.Contains(method.Name) && method.DeclaringType.GetElementType().FullName == builderType;

        var starts = kickoff.Body.Instructions.Where(i => OnBuilder(i, "Start")).ToList();
        var locals = kickoff.Body.Variables.Where(v => v.VariableType.GetElementType().FullName == type.FullName).ToList();
        var kickoffBuilder = kickoff.Body.Instructions.Select(i => i.Operand).OfType<FieldReference>().FirstOrDefault(f => f.Name == BuilderField);
        var moveNextBuilder = moveNext.Body.Instructions.Select(i => i.Operand).OfType<FieldReference>().FirstOrDefault(f => f.Name == BuilderField);

        // The method's own completions are the calls on this.<>t__builder; a builder of the same type the body uses for
        // its own purposes is not the method's.
        var completions = moveNext.Body.Instructions.Where(i => OnBuilder(i, "SetResult", "SetException") && OnOwnBuilder(i)).ToList();
        if (starts.Count != 1 || locals.Count != 1 || kickoffBuilder is null || moveNextBuilder is null ||
            completions.Count(c => ((MethodReference)c.Operand).Name == "SetException") != 1 ||
            completions.Count(c => ((MethodReference)c.Operand).Name == "SetResult") > 1)
        {
            return null;
        }

        // A method whose end cannot be reached (it always throws) has no SetResult call to copy: swallowing needs one.
        var setResult = completions.Select(c => (MethodReference)c.Operand).FirstOrDefault(m => m.Name == "SetResult") ??
            SetResultOf(((MethodReference)completions[0].Operand).DeclaringType, kickoff.Module);
        return setResult is null
            ? null
            : new AsyncStateMachine(kickoff, type, moveNext, starts[0], locals[0], kickoffBuilder, moveNextBuilder, completions, setResult);
    }

    /// <summary>
    /// A completion call the compiler writes on the state machine's builder: <c>ldarg.0; ldflda|ldfld &lt;&gt;t__builder</c>,
    /// then at most one argument, pushed by one instruction.
    /// </summary>
    private static bool OnOwnBuilder(Instruction call)
    {
        var receiver = ((MethodReference)call.Operand).Parameters.Count switch
        {
            0 => call.Previous,
            1 when call.Previous is { } argument && PushesOneValue(argument) => argument.Previous,
            _ => null,
        };
        return receiver is { Operand: FieldReference { Name: BuilderField } } &&
            (receiver.OpCode == OpCodes.Ldflda || receiver.OpCode == OpCodes.Ldfld) &&
            receiver.Previous?.OpCode == OpCodes.Ldarg_0;
    }

    /// <summary>A load of a local, argument, constant or static field (MoveNext is read in its short forms).</summary>
    private static bool PushesOneValue(Instruction instruction) => instruction.OpCode.Code switch
    {
        >= Code.Ldarg_0 and <= Code.Ldloc_3 => true,
        Code.Ldarg_S or Code.Ldloc_S or Code.Ldarg or Code.Ldloc or Code.Ldnull or Code.Ldstr or Code.Ldsfld => true,
        >= Code.Ldc_I4_M1 and <= Code.Ldc_R8 => true,
        _ => false,
    };

    /// <summary>
    /// The builder's public instance <c>SetResult</c> that takes the task's result (the builder's own generic parameter,
    /// or nothing), on the builder type as MoveNext sees it; null if there is no single one.
    /// </summary>
    private static MethodReference? SetResultOf(TypeReference builder, ModuleDefinition module)
    {
        var generic = builder is GenericInstanceType;
        var candidates = builder.Resolve()?.Methods.Where(m =>
            m.Name == "SetResult" && m.IsPublic && !m.IsStatic &&
            (generic ? m.Parameters.Count == 1 && m.Parameters[0].ParameterType is GenericParameter { Type: GenericParameterType.Type, Position: 0 } : m.Parameters.Count == 0)).ToList();
        if (candidates is not { Count: 1 })
        {
            return null;
        }

        // Imported on the open type, then declared on the instance: the parameter stays the builder's own generic parameter.
        var open = module.ImportReference(candidates[0]);
        var reference = new MethodReference(open.Name, open.ReturnType, builder)
        {
            HasThis = open.HasThis,
            ExplicitThis = open.ExplicitThis,
            CallingConvention = open.CallingConvention,
        };
        foreach (var parameter in open.Parameters)
        {
            reference.Parameters.Add(new ParameterDefinition(parameter.ParameterType));
        }

        return reference;
    }

    /// <summary>Adds the scope field, copies the started scope into it in the kickoff and records from it in MoveNext.</summary>
    public void Weave(RuntimeReferences runtime, VariableDefinition scope)
    {
        var field = new FieldDefinition(ScopeField, FieldAttributes.Public, runtime.Scope);
        _type.Fields.Add(field);

        // Kickoff: the builder's address and the state machine's are on the stack already; the copy leaves them there.
        var il = _kickoff.Body.GetILProcessor();
        il.InsertBefore(_start, Instruction.Create(_local.VariableType.IsValueType ? OpCodes.Ldloca : OpCodes.Ldloc, _local));
        il.InsertBefore(_start, Instruction.Create(OpCodes.Ldloc, scope));
        il.InsertBefore(_start, Instruction.Create(OpCodes.Stfld, On(field, _kickoffBuilder)));

        var body = _moveNext.Body;
        body.SimplifyMacros();
        var own = On(field, _moveNextBuilder);
        il = body.GetILProcessor();
        foreach (var completion in _completions)
        {
            var method = (MethodReference)completion.Operand;
            if (method.Name == "SetException")
            {
                WeaveFailure(il, completion, own, runtime);
            }
            else if (method.Parameters.Count == 0)
            {
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldarg_0));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldflda, own));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Call, runtime.Succeeded));
            }
            else
            {
                var result = new VariableDefinition(ParameterType(method));
                body.Variables.Add(result);
                il.InsertBefore(completion, Instruction.Create(OpCodes.Stloc, result));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldarg_0));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldflda, own));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldloc, result));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Call, runtime.Close(runtime.SucceededOfT, result.VariableType)));
                il.InsertBefore(completion, Instruction.Create(OpCodes.Ldloc, result));
            }
        }

        body.OptimizeMacros();
    }

    /// <summary>
    /// <c>SetException(e)</c> becomes: record; when OnError swallows, <c>SetResult(default)</c> on the same builder.
    /// </summary>
    private void WeaveFailure(ILProcessor il, Instruction completion, FieldReference own, RuntimeReferences runtime)
    {
        var body = _moveNext.Body;
        var exception = new VariableDefinition(runtime.Exception);
        body.Variables.Add(exception);
        var swallow = Instruction.Create(OpCodes.Nop);
        var after = Instruction.Create(OpCodes.Nop);
        il.InsertBefore(completion, Instruction.Create(OpCodes.Stloc, exception));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Ldarg_0));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Ldflda, own));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Ldloc, exception));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Call, runtime.Failed));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Brtrue, swallow));
        il.InsertBefore(completion, Instruction.Create(OpCodes.Ldloc, exception));

        // The builder's address is still on the stack on both paths.
        var tail = new List<Instruction> { Instruction.Create(OpCodes.Br, after), swallow };
        if (_setResult.Parameters.Count == 1)
        {
            var value = new VariableDefinition(ParameterType(_setResult));
            body.Variables.Add(value);
            tail.Add(Instruction.Create(OpCodes.Ldloca, value));
            tail.Add(Instruction.Create(OpCodes.Initobj, value.VariableType));
            tail.Add(Instruction.Create(OpCodes.Ldloc, value));
        }

        tail.Add(Instruction.Create(completion.OpCode, _setResult));
        tail.Add(after);
        var previous = completion;
        foreach (var instruction in tail)
        {
            il.InsertAfter(previous, instruction);
            previous = instruction;
        }
    }

    /// <summary>The field on the state machine as <paramref name="builder"/> sees its type (generic arguments included).</summary>
    private static FieldReference On(FieldDefinition field, FieldReference builder) =>
        builder.DeclaringType is GenericInstanceType instance ? new FieldReference(field.Name, field.FieldType, instance) : field;

    /// <summary>A completion method's parameter type, with the builder's generic argument put in for its parameter.</summary>
    private static TypeReference ParameterType(MethodReference method)
    {
        var type = method.Parameters[0].ParameterType;
        return type is GenericParameter { Type: GenericParameterType.Type } parameter && method.DeclaringType is GenericInstanceType declaring
            ? declaring.GenericArguments[parameter.Position]
            : type;
    }
}
