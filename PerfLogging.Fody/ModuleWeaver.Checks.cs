using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>Reports what cannot be woven (an error, never a silent skip) and decides the shape of the rest.</summary>
    private bool Check(WeaveTarget target)
    {
        var method = target.Method;
        var name = Names.Display(method);
        var location = LocationOf(method);
        if (!method.HasBody || method.IsAbstract)
        {
            WriteError(
                $"PerfLogging cannot weave '{name}': it has no body (abstract, extern, an interface member or a partial " +
                "method without implementation). Remove the performance attribute from it and put it on the implementing method.",
                location);
            return false;
        }

        if (method.CallingConvention == MethodCallingConvention.VarArg)
        {
            WriteError(
                $"PerfLogging cannot weave '{name}': it takes a variable argument list (__arglist), which cannot be forwarded. " +
                "Remove the performance attribute, or take a params array instead.",
                location);
            return false;
        }

        if (method.IsConstructor && method.IsStatic)
        {
            WriteError(
                $"PerfLogging cannot weave '{name}': a static constructor runs once, before anything could be configured. " +
                "Remove the performance attribute from it.",
                location);
            return false;
        }

        if (target.Settings.ConditionType is not null && (target.Condition = ResolveCondition(target)) is null)
        {
            WriteError(
                $"PerfLogging cannot weave '{name}': the condition '{Names.Display(target.Settings.ConditionType)}.{target.Settings.ConditionMember}' " +
                "of [ConditionalPerformanceLogging] is not a static bool property, field or parameterless method. " +
                "Point it at one, for example 'public static bool IsEnabled => …;'.",
                location);
            return false;
        }

        target.Shape = ShapeOf(method, out var resultType);
        target.ResultType = resultType;
        if (method.ReturnType.MetadataType == MetadataType.Void && HasAttribute(method.CustomAttributes, AsyncStateMachine))
        {
            // The build warning is the analyzer's PERF010, which users can suppress like any diagnostic.
            WriteInfo($"'{name}' is async void: only its synchronous part, up to the first await, is timed.");
        }

        return true;
    }

    /// <summary><c>allows ref struct</c> on a generic parameter (ECMA-335 addendum, .NET 9).</summary>
    private const GenericParameterAttributes AllowByRefLike = (GenericParameterAttributes)0x0020;

    private const string AsyncStateMachine = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";
    private const string IteratorStateMachine = "System.Runtime.CompilerServices.IteratorStateMachineAttribute";
    private const string AsyncIteratorStateMachine = "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute";

    private static MethodShape ShapeOf(MethodDefinition method, out TypeReference? resultType)
    {
        resultType = null;
        if (method.IsConstructor)
        {
            return MethodShape.Constructor;
        }

        // 'ref readonly' returns (modreq InAttribute) and init accessors (void modreq IsExternalInit) wear modifiers.
        var returnType = WithoutModifiers(method.ReturnType);
        if (returnType.MetadataType == MetadataType.Void)
        {
            return MethodShape.Void;
        }

        if (returnType.IsByReference || returnType.IsPointer || returnType.IsFunctionPointer || IsByRefLike(returnType))
        {
            return MethodShape.Opaque;
        }

        var elementName = returnType.GetElementType().FullName;
        var argument = returnType is GenericInstanceType { GenericArguments.Count: 1 } generic ? generic.GenericArguments[0] : null;
        switch (elementName)
        {
            case "System.Threading.Tasks.Task":
                return MethodShape.Task;
            case "System.Threading.Tasks.ValueTask":
                return MethodShape.ValueTask;
            case "System.Threading.Tasks.Task`1":
                resultType = argument;
                return MethodShape.TaskOfT;
            case "System.Threading.Tasks.ValueTask`1":
                resultType = argument;
                return MethodShape.ValueTaskOfT;
            case "System.Collections.Generic.IEnumerable`1" when HasAttribute(method.CustomAttributes, IteratorStateMachine):
                resultType = argument;
                return MethodShape.Enumerable;
            case "System.Collections.Generic.IAsyncEnumerable`1" when HasAttribute(method.CustomAttributes, AsyncIteratorStateMachine):
                resultType = argument;
                return MethodShape.AsyncEnumerable;
            default:
                resultType = returnType;
                return MethodShape.Value;
        }
    }

    /// <summary>The type without its custom modifiers (<c>modreq</c>/<c>modopt</c>), which signatures add to some shapes.</summary>
    internal static TypeReference WithoutModifiers(TypeReference type) => Names.WithoutModifiers(type);

    /// <summary>
    /// ref structs (Span&lt;T&gt;, …), and generic parameters that allow them (<c>allows ref struct</c>), cannot be
    /// arguments of the runtime's generic methods, so they are never handed over.
    /// </summary>
    internal static bool IsByRefLike(TypeReference type)
    {
        type = WithoutModifiers(type);
        if (type is GenericParameter parameter)
        {
            return (parameter.Attributes & AllowByRefLike) != 0;
        }

        if (type.IsArray)
        {
            return false;
        }

        try
        {
            var definition = type.Resolve();
            return definition is not null && definition.IsValueType &&
                HasAttribute(definition.CustomAttributes, "System.Runtime.CompilerServices.IsByRefLikeAttribute");
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }

    /// <summary>The first source line of the method, or of its type when the method has none (abstract, extern).</summary>
    private static SequencePoint? LocationOf(MethodDefinition method)
    {
        var own = method.DebugInformation?.SequencePoints.FirstOrDefault(p => !p.IsHidden);
        if (own is not null)
        {
            return own;
        }

        return method.DeclaringType.Methods
            .Select(m => m.DebugInformation?.SequencePoints.FirstOrDefault(p => !p.IsHidden))
            .FirstOrDefault(p => p is not null);
    }
}
