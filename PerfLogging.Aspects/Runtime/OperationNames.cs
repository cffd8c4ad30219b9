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
