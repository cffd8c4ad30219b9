using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLogging.Analyzers.Attributes;

/// <summary>A value written in an attribute, with where it was written.</summary>
internal readonly struct Written<T>
{
    public Written(T value, Location location)
    {
        Value = value;
        Location = location;
    }

    public T Value { get; }

    public Location Location { get; }
}

/// <summary>The arguments of one aspect attribute or fabric rule that the analyzer checks, with their locations.</summary>
internal sealed class AspectArguments
{
    public AspectArguments(AttributeData attribute, CancellationToken cancellationToken)
    {
        Attribute = attribute;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        Location = syntax?.GetLocation() ?? Location.None;
        var positional = syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();

        Location At(string name) =>
            syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation() ?? Location;

        Location AtPosition(int index) =>
            positional is not null && index < positional.Count ? positional[index].GetLocation() : Location;

        var className = attribute.AttributeClass?.Name;
        var arguments = attribute.ConstructorArguments;
        // As the weaver merges one attribute: the constructor's argument first, and the first value set wins (null included).
        if (className == "PerformanceProfileAttribute" && arguments.Length == 1)
        {
            ProfileSet = true;
            if (arguments[0].Value is string ctorProfile)
            {
                Profile = new Written<string>(ctorProfile, AtPosition(0));
            }
        }

        if (className == "PerformanceLoggingAttribute" && arguments.Length == 1)
        {
            OperationNameSet = true;
            OperationName = arguments[0].Value as string;
        }

        if (className == "ConditionalPerformanceLoggingAttribute")
        {
            IsConditional = true;
            if (arguments.Length == 1 && arguments[0].Value is false)
            {
                Disabled = true;
            }
            else if (arguments.Length == 2)
            {
                ConditionType = arguments[0].Value as ITypeSymbol;
                ConditionMember = new Written<string?>(arguments[1].Value as string, AtPosition(1));
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Profile" when !ProfileSet:
                    ProfileSet = true;
                    if (named.Value.Value is string profile)
                    {
                        Profile = new Written<string>(profile, At(named.Key));
                    }

                    break;
                case "ThresholdWarning" when named.Value.Value is double warning:
                    Warning = new Written<double>(warning, At(named.Key));
                    break;
                case "ThresholdCritical" when named.Value.Value is double critical:
                    Critical = new Written<double>(critical, At(named.Key));
                    break;
                case "IncludeArgs" when named.Value.Value is bool includeArgs:
                    IncludeArgs = includeArgs;
                    break;
                case "IncludeClassName" when named.Value.Value is bool includeClassName:
                    IncludeClassName = includeClassName;
                    break;
                case "OperationName" when !OperationNameSet:
                    OperationNameSet = true;
                    OperationName = named.Value.Value as string;
                    break;
                case "Namespace" or "TypeName" or "MethodName" when named.Value.Value is string glob:
                    Selectors[named.Key] = new Written<string>(glob, At(named.Key));
                    break;
            }
        }
    }

    public AttributeData Attribute { get; }

    public Location Location { get; }

    public Written<string>? Profile { get; }

    public Written<double>? Warning { get; }

    public Written<double>? Critical { get; }

    public bool? IncludeArgs { get; }

    public bool? IncludeClassName { get; }

    public string? OperationName { get; }

    /// <summary>Gets a value indicating whether the attribute sets the operation name (possibly to null, which means the default one).</summary>
    public bool OperationNameSet { get; }

    /// <summary>Gets a value indicating whether the attribute sets the profile (possibly to null, which means none).</summary>
    public bool ProfileSet { get; }

    public bool Disabled { get; }

    /// <summary>Gets a value indicating whether this is a <c>[ConditionalPerformanceLogging]</c>.</summary>
    public bool IsConditional { get; }

    public ITypeSymbol? ConditionType { get; }

    public Written<string?>? ConditionMember { get; }

    public System.Collections.Generic.Dictionary<string, Written<string>> Selectors { get; } = new();

    /// <summary>A named argument of a fabric rule, if set.</summary>
    public T? Named<T>(string name) =>
        Attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is T value ? value : default;
}
