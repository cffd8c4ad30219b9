// Operation names, in one file with no dependency beyond the BCL: compiled into the runtime (which names operations)
// and linked into the weaver (which writes the same names into the manifest), so both always agree.
using System.Collections.Generic;
using System.Text;

namespace PerfLogging.Runtime;

internal static class OperationNames
{
    /// <summary>The default operation name: <c>Type.Method</c>, or <c>Method</c> without the class name.</summary>
    public static string Default(string className, string memberName, bool includeClassName) =>
        includeClassName && className.Length > 0 ? className + "." + memberName : memberName;

    /// <summary>
    /// An explicit interface implementation (<c>Shop.IGreeter.Farewell</c>) reads <c>IGreeter.Farewell</c>; one of a
    /// generic interface (<c>Shop.IStore&lt;System.Collections.Generic.List&lt;System.Int32&gt;&gt;.Load</c>) reads
    /// <c>IStore&lt;List&lt;int&gt;&gt;.Load</c>: type arguments without namespaces, built-in types by their keywords.
    /// </summary>
    public static string MemberName(string name)
    {
        var last = LastTopLevelDot(name, name.Length);
        if (last <= 0)
        {
            return name;
        }

        var previous = LastTopLevelDot(name, last);
        var contract = name.Substring(previous + 1, last - previous - 1);
        var open = contract.IndexOf('<');
        if (open >= 0)
        {
            contract = contract.Substring(0, open) + SimplifyTypeArguments(contract.Substring(open));
        }

        return StripArity(contract) + name.Substring(last);
    }

    /// <summary>The last '.' before <paramref name="end"/> outside generic brackets, or -1.</summary>
    private static int LastTopLevelDot(string name, int end)
    {
        var depth = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            switch (name[i])
            {
                case '>':
                    depth++;
                    break;
                case '<':
                    depth--;
                    break;
                case '.' when depth == 0:
                    return i;
            }
        }

        return -1;
    }

    /// <summary><c>&lt;System.Collections.Generic.List&lt;System.Int32&gt;, T&gt;</c> reads <c>&lt;List&lt;int&gt;, T&gt;</c>.</summary>
    private static string SimplifyTypeArguments(string arguments)
    {
        var text = new StringBuilder(arguments.Length);
        var start = 0;
        for (var i = 0; i <= arguments.Length; i++)
        {
            if (i < arguments.Length && arguments[i] is not ('<' or '>' or ',' or ' ' or '[' or ']'))
            {
                continue;
            }

            if (i > start)
            {
                var qualified = arguments.Substring(start, i - start);
                text.Append(Keyword(qualified) ?? qualified.Substring(qualified.LastIndexOf('.') + 1));
            }

            if (i < arguments.Length)
            {
                text.Append(arguments[i]);
                if (arguments[i] == ',' && (i + 1 == arguments.Length || arguments[i + 1] != ' '))
                {
                    text.Append(' ');
                }
            }

            start = i + 1;
        }

        return text.ToString();
    }

    private static string? Keyword(string qualified) => qualified switch
    {
        "System.Boolean" => "bool",
        "System.Byte" => "byte",
        "System.SByte" => "sbyte",
        "System.Char" => "char",
        "System.Decimal" => "decimal",
        "System.Double" => "double",
        "System.Single" => "float",
        "System.Int16" => "short",
        "System.UInt16" => "ushort",
        "System.Int32" => "int",
        "System.UInt32" => "uint",
        "System.Int64" => "long",
        "System.UInt64" => "ulong",
        "System.IntPtr" => "nint",
        "System.UIntPtr" => "nuint",
        "System.Object" => "object",
        "System.String" => "string",
        _ => null,
    };

    /// <summary>
    /// A type as C# writes it: <c>Repository`1</c> with parameters [T] reads <c>Repository&lt;T&gt;</c>, so types that
    /// differ only in arity (<c>Outcome</c>, <c>Outcome&lt;T&gt;</c>) get different names. A nested type's parameter list
    /// includes its declaring types' parameters first; only its own (the count after the backtick) are shown.
    /// </summary>
    public static string TypeName(string metadataName, IReadOnlyList<string> parameters)
    {
        var tick = metadataName.IndexOf('`');
        if (tick < 0 || !int.TryParse(metadataName.Substring(tick + 1), out var own) || own > parameters.Count)
        {
            return StripArity(metadataName);
        }

        var names = new string[own];
        for (var i = 0; i < own; i++)
        {
            names[i] = parameters[parameters.Count - own + i];
        }

        return metadataName.Substring(0, tick) + "<" + string.Join(", ", names) + ">";
    }

    /// <summary>A generic method as C# writes it: <c>Get&lt;T&gt;</c>; others unchanged.</summary>
    public static string MethodName(string name, IReadOnlyList<string> parameters) =>
        parameters.Count == 0 ? name : name + "<" + string.Join(", ", parameters) + ">";

    /// <summary><c>Repository`1</c> reads <c>Repository</c>, also inside nested and qualified names.</summary>
    public static string StripArity(string name)
    {
        if (name.IndexOf('`') < 0)
        {
            return name;
        }

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
}
