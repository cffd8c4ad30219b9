using System.Text;
using Mono.Cecil;

namespace PerfLogging.Fody;

/// <summary>Names as people write them in C#: <c>Shop.Repository.Find</c>, not <c>Shop.Repository`1::Find</c>.</summary>
internal static class Names
{
    public static string Display(MethodDefinition method) =>
        $"{Display(method.DeclaringType)}.{(method.IsConstructor ? Short(method.DeclaringType) : method.Name)}";

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
    public static string Short(TypeReference type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }

    /// <summary>The default operation name, as the runtime computes it when configuration does not change it.</summary>
    public static string DefaultOperation(MethodDefinition method, bool includeClassName)
    {
        var member = method.IsConstructor ? Short(method.DeclaringType) : method.Name;
        return includeClassName ? $"{Short(method.DeclaringType)}.{member}" : member;
    }
}
