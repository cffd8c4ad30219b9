using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PerfLogging.Fody.Emit;

/// <summary>
/// Moves a method's body, with its locals, exception handlers and debug information, to a new private method
/// <c>&lt;Name&gt;$PerfOriginal</c>, leaving the method itself empty for the wrapper. Breakpoints and stack traces
/// of the original code keep mapping to its source lines, now in the moved method.
/// </summary>
internal static class BodyMover
{
    public const string Suffix = "$PerfOriginal";

    public static MethodDefinition Move(MethodDefinition method)
    {
        var attributes = MethodAttributes.Private | MethodAttributes.HideBySig | (method.IsStatic ? MethodAttributes.Static : 0);
        var original = new MethodDefinition(method.Name + Suffix, attributes, method.ReturnType)
        {
            // The method callers see keeps NoInlining (it is the wrapper); its moved body may be inlined into it, so a
            // woven call costs one call frame like the original. Synchronized stays on the wrapper alone.
            ImplAttributes = method.ImplAttributes & ~(MethodImplAttributes.Synchronized | MethodImplAttributes.NoInlining),
        };
        foreach (var parameter in method.GenericParameters)
        {
            var copy = new GenericParameter(parameter.Name, original) { Attributes = parameter.Attributes };
            foreach (var constraint in parameter.Constraints)
            {
                copy.Constraints.Add(new GenericParameterConstraint(constraint.ConstraintType));
            }

            original.GenericParameters.Add(copy);
        }

        foreach (var parameter in method.Parameters)
        {
            var flags = parameter.Attributes & ~(ParameterAttributes.HasDefault | ParameterAttributes.HasFieldMarshal | ParameterAttributes.Optional);
            original.Parameters.Add(new ParameterDefinition(parameter.Name, flags, parameter.ParameterType));
        }

        method.DeclaringType.Methods.Add(original);
        MoveCode(method, original);
        MoveDebugInformation(method, original);
        MoveStateMachine(method, original);
        return original;
    }

    private static void MoveCode(MethodDefinition from, MethodDefinition to)
    {
        var source = from.Body;
        var target = to.Body;
        target.InitLocals = source.InitLocals;
        target.MaxStackSize = source.MaxStackSize;

        var variables = source.Variables.ToList();
        source.Variables.Clear();
        foreach (var variable in variables)
        {
            target.Variables.Add(variable);
        }

        var instructions = source.Instructions.ToList();
        var handlers = source.ExceptionHandlers.ToList();
        source.ExceptionHandlers.Clear();

        // Clear does not run the per-item removal that would rewrite the (already detached) debug information.
        source.Instructions.Clear();
        foreach (var instruction in instructions)
        {
            if (instruction.Operand is ParameterDefinition parameter)
            {
                instruction.Operand = parameter.Index < 0 ? target.ThisParameter : to.Parameters[parameter.Index];
            }

            target.Instructions.Add(instruction);
        }

        foreach (var handler in handlers)
        {
            target.ExceptionHandlers.Add(handler);
        }
    }

    private static void MoveDebugInformation(MethodDefinition from, MethodDefinition to)
    {
        if (!from.HasCustomDebugInformations && !(from.DebugInformation?.HasSequencePoints ?? false) && from.DebugInformation?.Scope is null)
        {
            return;
        }

        // Cleared in place: a null DebugInformation would make Cecil read the old symbols again on write.
        var fromDebug = from.DebugInformation!;
        var toDebug = to.DebugInformation;
        foreach (var point in fromDebug.SequencePoints)
        {
            toDebug.SequencePoints.Add(point);
        }

        fromDebug.SequencePoints.Clear();
        toDebug.Scope = fromDebug.Scope;
        fromDebug.Scope = null;

        foreach (var info in from.CustomDebugInformations.ToList())
        {
            to.CustomDebugInformations.Add(info);
        }

        from.CustomDebugInformations.Clear();
    }

    /// <summary>
    /// The moved method kicks off the state machine now: copy the state-machine attribute to it and point the
    /// debugger's kick-off at it. The wrapper keeps its copy, so async stack frames read the original name.
    /// </summary>
    private static void MoveStateMachine(MethodDefinition from, MethodDefinition to)
    {
        foreach (var attribute in from.CustomAttributes.ToList())
        {
            var name = attribute.AttributeType.FullName;
            if (name is "System.Runtime.CompilerServices.AsyncStateMachineAttribute"
                or "System.Runtime.CompilerServices.IteratorStateMachineAttribute"
                or "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute"
                or "System.Diagnostics.DebuggerStepThroughAttribute")
            {
                to.CustomAttributes.Add(attribute);
                if (attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is TypeReference machine)
                {
                    var moveNext = machine.Resolve()?.Methods.FirstOrDefault(m => m.Name == "MoveNext");
                    if (moveNext?.DebugInformation is { } debug)
                    {
                        debug.StateMachineKickOffMethod = to;
                    }
                }
            }
        }
    }
}
