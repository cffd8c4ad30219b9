using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mono.Cecil;
using PerfLogging.Runtime;

namespace PerfLogging.Fody;

/// <summary>Names as people write them in C#: <c>Shop.Repository.Find</c>, not <c>Shop.Repository`1::Find</c>.</summary>
/// <remarks>Linked into the <c>perflogging</c> tool, which finds a manifest's methods in the woven assembly by these names.</remarks>
internal static class Names
{
    public static string Display(MethodDefinition method) =>
        $"{Display(method.DeclaringType)}.{Member(method)}";

    /// <summary>The method's own name as C# writes it: <c>Get&lt;T&gt;</c>, a constructor by its type's name.</summary>
    public static string Member(MethodDefinition method) =>
        method.IsConstructor
            ? OperationNames.StripArity(method.DeclaringType.Name)
            : OperationNames.MethodName(OperationNames.MemberName(method.Name), method.GenericParameters.Select(p => p.Name).ToList());

    public static string Display(TypeReference type)
    {
        var text = new StringBuilder();
        if (type.DeclaringType is not null)
        {
            text.Append(Display(type.DeclaringType)).Append('.');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            text.Append(type.Namespace).Append('.');
        }

        return text.Append(Short(type)).ToString();
    }

    /// <summary>The type's own name as C# writes it: <c>Repository&lt;T&gt;</c> (the runtime's <c>TypeNames.Display</c>).</summary>
    public static string Short(TypeReference type) =>
        OperationNames.TypeName(type.Name, ParametersOf(type).Select(p => p.Name).ToList());

    private static IEnumerable<GenericParameter> ParametersOf(TypeReference type)
    {
        if (type.HasGenericParameters)
        {
            return type.GenericParameters;
        }

        try
        {
            return type.Resolve()?.GenericParameters ?? Enumerable.Empty<GenericParameter>();
        }
        catch (AssemblyResolutionException)
        {
            return Enumerable.Empty<GenericParameter>();
        }
    }

    /// <summary>A parameter type in a signature: generic arguments, arrays and pointers spelled out.</summary>
    public static string Signature(TypeReference type) => type switch
    {
        GenericInstanceType generic => OperationNames.StripArity(generic.Name) + "<" + string.Join(", ", generic.GenericArguments.Select(Signature)) + ">",
        ByReferenceType byReference => Signature(byReference.ElementType),
        ArrayType array => Signature(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        PointerType pointer => Signature(pointer.ElementType) + "*",
        IModifierType modified => Signature(modified.ElementType),
        _ => Short(type),
    };

    /// <summary>A parameter as it reads in a signature: its ref kind, then its type.</summary>
    public static string Parameter(ParameterDefinition parameter)
    {
        var type = WithoutModifiers(parameter.ParameterType);
        var kind = type is not ByReferenceType ? string.Empty : parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
        return kind + Signature(type);
    }

    /// <summary>A method as the manifest names it: <c>Shop.Repository&lt;T&gt;.Find(Int32, out String)</c>.</summary>
    public static string Signature(MethodDefinition method) =>
        $"{Display(method)}({string.Join(", ", method.Parameters.Select(Parameter))})";

    /// <summary>The type without its custom modifiers (<c>modreq</c>/<c>modopt</c>), which signatures add to some shapes.</summary>
    public static TypeReference WithoutModifiers(TypeReference type)
    {
        while (type is IModifierType modified)
        {
            type = modified.ElementType;
        }

        return type;
    }

    /// <summary>The default operation name, exactly as the runtime computes it when configuration does not change it.</summary>
    public static string DefaultOperation(MethodDefinition method, bool includeClassName) =>
        OperationNames.Default(Short(method.DeclaringType), Member(method), includeClassName);
}
