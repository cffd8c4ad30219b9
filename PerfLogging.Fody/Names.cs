using System.Text;
using Mono.Cecil;

namespace PerfLogging.Fody;

/// <summary>Names as people write them in C#: <c>Shop.Repository.Find</c>, not <c>Shop.Repository`1::Find</c>.</summary>
internal static class Names
{
    public static string Display(MethodDefinition method) =>
        $"{Display(method.DeclaringType)}.{(method.IsConstructor ? Short(method.DeclaringType) : MemberName(method.Name))}";

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

    /// <summary>An explicit interface implementation (<c>Shop.IGreeter.Farewell</c>) reads <c>IGreeter.Farewell</c>.</summary>
    public static string MemberName(string name)
    {
        var last = name.LastIndexOf('.');
        if (last <= 0)
        {
            return name;
        }

        var previous = name.LastIndexOf('.', last - 1);
        return StripArity(name.Substring(previous + 1));
    }

    private static string StripArity(string name)
    {
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '`')
            {
                while (i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    i++;
                }

                continue;
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }

    /// <summary>The type's own name without generic arity.</summary>
    public static string Short(TypeReference type)
    {
        return StripArity(type.Name);
    }

    /// <summary>The default operation name, as the runtime computes it when configuration does not change it.</summary>
    public static string DefaultOperation(MethodDefinition method, bool includeClassName)
    {
        var member = method.IsConstructor ? Short(method.DeclaringType) : MemberName(method.Name);
        return includeClassName ? $"{Short(method.DeclaringType)}.{member}" : member;
    }
}
