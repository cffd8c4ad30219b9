using System.Text;

namespace PerfLogging.Runtime;

/// <summary>Type names as people write them: <c>Repository</c>, not <c>Repository`1</c>.</summary>
internal static class TypeNames
{
    /// <summary>An explicit interface implementation (<c>Shop.IGreeter.Farewell</c>) reads <c>IGreeter.Farewell</c>.</summary>
    public static string MemberName(string name)
    {
        var last = name.LastIndexOf('.');
        if (last <= 0)
        {
            return name;
        }

        var previous = name.LastIndexOf('.', last - 1);
        return StripArity(name[(previous + 1)..]);
    }

    public static string Display(Type? type) => type is null ? string.Empty : StripArity(type.Name);

    /// <summary>The full name with generic arity removed and nested types joined by dots (the ILogger&lt;T&gt; category).</summary>
    public static string FullDisplay(Type? type)
    {
        if (type is null)
        {
            return "PerfLogging";
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            type = type.GetGenericTypeDefinition();
        }

        return StripArity(type.FullName ?? type.Name).Replace('+', '.');
    }

    private static string StripArity(string name)
    {
        if (!name.Contains('`', StringComparison.Ordinal))
        {
            return name;
        }

        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '`')
            {
                while (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                {
                    i++;
                }

                continue;
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }
}
