using System.Text;
using Mono.Cecil;
using PerfLogging.Runtime;

namespace PerfLogging.Fody;

/// <summary>Names as people write them in C#: <c>Shop.Repository.Find</c>, not <c>Shop.Repository`1::Find</c>.</summary>
internal static class Names
{
    public static string Display(MethodDefinition method) =>
        $"{Display(method.DeclaringType)}.{(method.IsConstructor ? Short(method.DeclaringType) : OperationNames.MemberName(method.Name))}";

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

    /// <summary>The type's own name without generic arity.</summary>
    public static string Short(TypeReference type) => OperationNames.StripArity(type.Name);

    /// <summary>The default operation name, exactly as the runtime computes it when configuration does not change it.</summary>
    public static string DefaultOperation(MethodDefinition method, bool includeClassName) =>
        OperationNames.Default(
            Short(method.DeclaringType),
            method.IsConstructor ? Short(method.DeclaringType) : OperationNames.MemberName(method.Name),
            includeClassName);
}
