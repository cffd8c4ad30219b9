using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PerfLogging.Fody.Emit;

/// <summary>
/// Finds a constructor's <c>base(…)</c> or <c>this(…)</c> call by its receiver: a <c>call …::.ctor</c> of the own or
/// the base type whose <c>this</c> argument was pushed by <c>ldarg.0</c>. Being the first <c>.ctor</c> call is not
/// enough: a struct constructor may build another instance of its own type into a local first
/// (<c>ldloca tmp; …; call S::.ctor</c>), and argument expressions may construct objects of the base type.
/// </summary>
/// <remarks>
/// A forward pass over the body records, for each instruction, which instruction pushed each stack slot on entry
/// (null where paths disagree), following branches and exception handlers.
/// </remarks>
internal static class ChainedConstructorCall
{
    /// <summary>The chained call, or null when the constructor has none (a struct constructor, usually).</summary>
    /// <param name="constructor">A constructor whose macros are simplified.</param>
    /// <param name="depthAfter">The stack depth after the call (zero in code a compiler writes).</param>
    public static Instruction? Find(MethodDefinition constructor, out int depthAfter)
    {
        depthAfter = 0;
        var body = constructor.Body;
        var entry = EntryStacks(body);
        var own = constructor.DeclaringType.FullName;
        var baseType = constructor.DeclaringType.BaseType?.GetElementType().FullName;
        foreach (var instruction in body.Instructions)
        {
            if (instruction.OpCode != OpCodes.Call || instruction.Operand is not MethodReference { Name: ".ctor", HasThis: true } called ||
                !entry.TryGetValue(instruction, out var stack))
            {
                continue;
            }

            var declaring = called.DeclaringType.GetElementType().FullName;
            if (declaring != own && declaring != baseType)
            {
                continue;
            }

            var receiverSlot = stack.Count - 1 - called.Parameters.Count;
            if (receiverSlot >= 0 && stack[receiverSlot] is { } receiver && receiver.OpCode == OpCodes.Ldarg &&
                receiver.Operand is ParameterDefinition { Index: < 0 })
            {
                depthAfter = receiverSlot;
                return instruction;
            }
        }

        return null;
    }

    private static Dictionary<Instruction, List<Instruction?>> EntryStacks(MethodBody body)
    {
        var entry = new Dictionary<Instruction, List<Instruction?>>();
        var work = new Stack<Instruction>();

        void Reach(Instruction target, List<Instruction?> stack)
        {
            if (!entry.TryGetValue(target, out var known))
            {
                entry[target] = new List<Instruction?>(stack);
                work.Push(target);
                return;
            }

            var changed = false;
            for (var i = 0; i < known.Count && i < stack.Count; i++)
            {
                if (known[i] is not null && !ReferenceEquals(known[i], stack[i]))
                {
                    known[i] = null;
                    changed = true;
                }
            }

            if (changed)
            {
                work.Push(target);
            }
        }

        if (body.Instructions.Count == 0)
        {
            return entry;
        }

        Reach(body.Instructions[0], []);
        foreach (var handler in body.ExceptionHandlers)
        {
            var caught = handler.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter
                ? new List<Instruction?> { null }
                : [];
            Reach(handler.HandlerStart, caught);
            if (handler.FilterStart is not null)
            {
                Reach(handler.FilterStart, [null]);
            }
        }

        while (work.Count > 0)
        {
            var instruction = work.Pop();
            var stack = new List<Instruction?>(entry[instruction]);
            if (!Step(instruction, stack))
            {
                continue;
            }

            foreach (var target in Targets(instruction))
            {
                Reach(target, instruction.OpCode == OpCodes.Leave ? [] : stack);
            }

            if (FallsThrough(instruction) && instruction.Next is not null)
            {
                Reach(instruction.Next, stack);
            }
        }

        return entry;
    }

    /// <summary>Applies the instruction's pops and pushes; false when the stack would underflow (not code to weave).</summary>
    private static bool Step(Instruction instruction, List<Instruction?> stack)
    {
        if (instruction.OpCode == OpCodes.Dup)
        {
            if (stack.Count == 0)
            {
                return false;
            }

            stack.Add(stack[stack.Count - 1]);
            return true;
        }

        var pops = Pops(instruction, stack.Count);
        if (pops > stack.Count)
        {
            return false;
        }

        stack.RemoveRange(stack.Count - pops, pops);
        for (var i = Pushes(instruction); i > 0; i--)
        {
            stack.Add(instruction);
        }

        return true;
    }

    private static int Pops(Instruction instruction, int depth)
    {
        var opCode = instruction.OpCode;
        switch (opCode.StackBehaviourPop)
        {
            case StackBehaviour.Pop0:
                return 0;
            case StackBehaviour.Pop1:
            case StackBehaviour.Popi:
            case StackBehaviour.Popref:
                return 1;
            case StackBehaviour.Pop1_pop1:
            case StackBehaviour.Popi_pop1:
            case StackBehaviour.Popi_popi:
            case StackBehaviour.Popi_popi8:
            case StackBehaviour.Popi_popr4:
            case StackBehaviour.Popi_popr8:
            case StackBehaviour.Popref_pop1:
            case StackBehaviour.Popref_popi:
                return 2;
            case StackBehaviour.PopAll:
                return depth;
            case StackBehaviour.Varpop:
                return VariablePops(instruction);
            default:
                return 3;
        }
    }

    private static int VariablePops(Instruction instruction)
    {
        if (instruction.OpCode == OpCodes.Ret)
        {
            return 0;
        }

        var signature = instruction.Operand as IMethodSignature;
        if (signature is null)
        {
            return 0;
        }

        var count = signature.Parameters.Count;
        if (instruction.OpCode == OpCodes.Newobj)
        {
            return count;
        }

        if (signature.HasThis && !signature.ExplicitThis)
        {
            count++;
        }

        return instruction.OpCode == OpCodes.Calli ? count + 1 : count;
    }

    private static int Pushes(Instruction instruction)
    {
        switch (instruction.OpCode.StackBehaviourPush)
        {
            case StackBehaviour.Push0:
                return 0;
            case StackBehaviour.Push1_push1:
                return 2;
            case StackBehaviour.Varpush:
                return instruction.OpCode == OpCodes.Newobj ||
                    (instruction.Operand is IMethodSignature signature && signature.ReturnType.MetadataType != MetadataType.Void) ? 1 : 0;
            default:
                return 1;
        }
    }

    private static IEnumerable<Instruction> Targets(Instruction instruction) => instruction.Operand switch
    {
        Instruction target => [target],
        Instruction[] targets => targets,
        _ => Enumerable.Empty<Instruction>(),
    };

    private static bool FallsThrough(Instruction instruction)
    {
        var flow = instruction.OpCode.FlowControl;
        return flow is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw) &&
            instruction.OpCode != OpCodes.Endfinally && instruction.OpCode != OpCodes.Jmp;
    }
}
