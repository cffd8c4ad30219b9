namespace PerfLogging.Runtime;

/// <summary>Type names as people write them: <c>Repository</c>, not <c>Repository`1</c>.</summary>
internal static class TypeNames
{
    public static string Display(Type? type) => type is null ? string.Empty : OperationNames.TypeName(type.Name, ParameterNames(type));

    /// <summary>The names of a generic type's parameters (its declaring types' first), as declared.</summary>
    private static string[] ParameterNames(Type type) =>
        !type.IsGenericType ? [] : Array.ConvertAll((type.IsGenericTypeDefinition ? type : type.GetGenericTypeDefinition()).GetGenericArguments(), a => a.Name);

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

        return OperationNames.StripArity(type.FullName ?? type.Name).Replace('+', '.');
    }
}
