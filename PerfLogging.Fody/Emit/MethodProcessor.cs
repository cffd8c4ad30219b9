using System;
using System.Collections.Generic;
using System.Linq;
using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody.Emit;

/// <summary>
/// Weaves one method in place: no second method, no extra frame, so stack traces, <c>GetCurrentMethod()</c>,
/// <c>StackFrame</c>, <c>GetCallingAssembly()</c> and the method's attributes and implementation flags stay the
/// original's. The recipe: simplify macros; find the first tracked instruction (for a constructor, the one after its
/// chained <c>base(…)</c>/<c>this(…)</c> call); turn every <c>ret</c> into <c>stloc result; leave END</c>; put the start
/// in front and the handlers and epilogue behind:
/// <code>
///     OperationScope.Start(Describe(), out scope);          // behind 'if (Condition)' for a conditional aspect
///     if (scope.CapturesArguments) { scope.AddArgument(0, a); … }
///     .try {
///       .try { …original body… }
///       filter { stloc thrown; ldloca scope; ldloc thrown; call Filter; endfilter }   // records in the first pass
///       { pop; result = default; leave END }                // reached only when OnError swallows
///     } fault { ldloca scope; call Unwind; endfinally }     // the exception escapes: leave the ambient state
/// END: return scope.Complete(result);                       // Complete() / CompleteTask(…) / … per shape
/// </code>
/// A compiler-generated async method returns <c>scope.LeaveTask(task)</c> (…) instead, and its state machine records
/// (<see cref="AsyncStateMachine"/>).
/// Iterators return the sequence wrapped, without handlers (the operation is the enumeration).
/// </summary>
internal sealed partial class MethodProcessor(
    RuntimeReferences runtime,
    WeaveTarget target,
    MethodReference describe,
    Func<WeaveTarget, Instruction> loadCondition)
{
    private MethodDefinition Method => target.Method;

    private MethodBody Body => Method.Body;

    private bool IsIterator => target.Shape is MethodShape.Enumerable or MethodShape.AsyncEnumerable;

    /// <summary>Weaves the method; throws <see cref="WeavingException"/> for a body it cannot weave correctly.</summary>
    public void Process()
    {
        Body.SimplifyMacros();
        var first = FirstTrackedInstruction();
        RemoveTailPrefixes();
        var result = HasResult ? new VariableDefinition(ReturnType) : null;
        if (result is not null)
        {
            Body.Variables.Add(result);
        }

        var end = Instruction.Create(OpCodes.Nop);
        RedirectReturns(first, result, end);
        var open = Body.ExceptionHandlers.Where(h => h.HandlerEnd is null || h.TryEnd is null).ToList();
        var last = Body.Instructions[Body.Instructions.Count - 1];
        if (IsIterator)
        {
            WeaveIterator(first, result!, end);
        }
        else
        {
            WeaveTracked(first, result, end);
        }

        CloseAt(open, last.Next);

        Body.OptimizeMacros();
        SortSequencePoints();
    }

    /// <summary>The return type without custom modifiers (<c>ref readonly</c> returns carry a <c>modreq</c>).</summary>
    private TypeReference ReturnType => ModuleWeaver.WithoutModifiers(Method.ReturnType);

    private bool HasResult => target.Shape is not (MethodShape.Void or MethodShape.Constructor);

    /// <summary>The method's first instruction, or for a constructor the one after its chained call.</summary>
    private Instruction FirstTrackedInstruction()
    {
        var instructions = Body.Instructions;
        if (target.Shape != MethodShape.Constructor)
        {
            return instructions[0];
        }

        var chained = ChainedConstructorCall.Find(Method, out var depthAfter);
        if (chained is null)
        {
            return instructions[0];
        }

        var split = instructions.IndexOf(chained);
        if (depthAfter != 0 || split + 1 >= instructions.Count)
        {
            throw new WeavingException("its chained constructor call leaves values on the stack");
        }

        var index = instructions.Select((instruction, i) => (instruction, i)).ToDictionary(p => p.instruction, p => p.i);
        foreach (var instruction in instructions)
        {
            var before = index[instruction] <= split;
            if (BranchTargets(instruction).Any(t => index[t] <= split != before))
            {
                throw new WeavingException(
                    $"a branch at IL_{instruction.Offset:x4} crosses its {(ChainsToOwnType(chained) ? "this(…)" : "base(…)")} call, " +
                    "so the code after that call cannot be wrapped alone. Move the conditional logic out of the constructor initializer " +
                    "(into a static helper method), or remove the performance attribute from this constructor");
            }
        }

        if (Body.ExceptionHandlers.Any(h => index[h.TryStart] <= split && (h.HandlerEnd is null || index[h.HandlerEnd] > split + 1)))
        {
            throw new WeavingException("an exception handler spans its chained constructor call");
        }

        return instructions[split + 1];
    }

    private bool ChainsToOwnType(Instruction call) =>
        ((MethodReference)call.Operand).DeclaringType.GetElementType().FullName == Method.DeclaringType.FullName;

    private static IEnumerable<Instruction> BranchTargets(Instruction instruction) => instruction.Operand switch
    {
        Instruction target => [target],
        Instruction[] targets => targets,
        _ => Enumerable.Empty<Instruction>(),
    };

    /// <summary>
    /// A handler that ended with the method (its end is null in Cecil: a body whose last block is a <c>finally</c> after
    /// a try that always throws) would grow over everything appended behind it: it ends where the original body ended.
    /// </summary>
    private static void CloseAt(IEnumerable<ExceptionHandler> open, Instruction bodyEnd)
    {
        foreach (var handler in open)
        {
            handler.TryEnd ??= bodyEnd;
            handler.HandlerEnd ??= bodyEnd;
        }
    }

    /// <summary>A <c>tail.</c> call cannot return from inside a protected region; it becomes an ordinary call.</summary>
    private void RemoveTailPrefixes()
    {
        foreach (var instruction in Body.Instructions.Where(i => i.OpCode == OpCodes.Tail))
        {
            instruction.OpCode = OpCodes.Nop;
            instruction.Operand = null;
        }
    }

    /// <summary>
    /// <c>ret</c> becomes <c>stloc result; leave END</c> (or <c>leave END</c>): the instruction object is kept, so branches
    /// to it and its sequence point stay. Returns before <paramref name="first"/> (none in compiled C#) stay untracked.
    /// </summary>
    private void RedirectReturns(Instruction first, VariableDefinition? result, Instruction end)
    {
        var il = Body.GetILProcessor();
        var tracked = false;
        foreach (var instruction in Body.Instructions.ToList())
        {
            tracked |= instruction == first;
            if (!tracked || instruction.OpCode != OpCodes.Ret)
            {
                continue;
            }

            if (result is null)
            {
                instruction.OpCode = IsIterator ? OpCodes.Br : OpCodes.Leave;
                instruction.Operand = end;
                continue;
            }

            instruction.OpCode = OpCodes.Stloc;
            instruction.Operand = result;
            il.InsertAfter(instruction, Instruction.Create(IsIterator ? OpCodes.Br : OpCodes.Leave, end));
        }
    }
}
