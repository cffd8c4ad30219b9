using Mono.Cecil;
using PerfLogging.Fabrics;
using PerfLogging.Runtime;

namespace PerfLogging.Tool;

/// <summary>
/// <c>--type</c> and <c>--method</c>, with the fabric rules' globs: <c>*</c> and <c>?</c> in a name; a type glob with
/// dots matches the namespace (or outer types) with <c>*</c> within a segment and <c>**</c> across segments.
/// </summary>
internal sealed class MethodFilter
{
    private readonly string? _type;
    private readonly string? _method;

    public MethodFilter(string? type, string? method)
    {
        _type = Validate(type, type?.Contains('.', StringComparison.Ordinal) == true ? "Namespace" : "TypeName", "--type");
        _method = Validate(method, "MethodName", "--method");
    }

    /// <summary>Gets a value indicating whether a method was asked for by its exact name (no wildcard).</summary>
    public bool IsExactMethod => _method is not null && _method.IndexOfAny(['*', '?']) < 0;

    public bool Matches(MethodDefinition method)
    {
        var type = method.DeclaringType;
        var typeName = OperationNames.StripArity(type.Name);
        var memberName = method.IsConstructor ? typeName : method.Name[(method.Name.LastIndexOf('.') + 1)..];
        return (_method is null || FabricGlob.MatchName(_method, memberName)) && (_type is null || TypeMatches(type, typeName));
    }

    public override string ToString() =>
        string.Join(" ", new[] { _type is null ? null : $"--type '{_type}'", _method is null ? null : $"--method '{_method}'" }.OfType<string>());

    private bool TypeMatches(TypeDefinition type, string typeName)
    {
        var dot = _type!.LastIndexOf('.');
        return FabricGlob.MatchName(_type[(dot + 1)..], typeName) &&
            (dot < 0 || FabricGlob.MatchNamespace(_type[..dot], Container(type), includeChildren: false));
    }

    /// <summary>Where a type is declared: its namespace, or its outer types after their namespace.</summary>
    private static string Container(TypeDefinition type) =>
        type.DeclaringType is { } outer
            ? string.Join(".", new[] { Container(outer), OperationNames.StripArity(outer.Name) }.Where(s => s.Length > 0))
            : type.Namespace;

    private static string? Validate(string? glob, string selector, string option) =>
        FabricGlob.Validate(glob, selector) is { } problem
            ? throw new ToolException($"{option}: {problem}", Cli.UsageError)
            : glob;
}
