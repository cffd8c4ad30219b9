using Microsoft.CodeAnalysis;

namespace PerfLogging.Analyzers;

/// <summary>The PerfLogging types the analyzer recognises, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        Logging = compilation.GetTypeByMetadataName("PerfLogging.PerformanceLoggingAttribute");
        Profile = compilation.GetTypeByMetadataName("PerfLogging.PerformanceProfileAttribute");
        Conditional = compilation.GetTypeByMetadataName("PerfLogging.ConditionalPerformanceLoggingAttribute");
        Exclude = compilation.GetTypeByMetadataName("PerfLogging.NoPerformanceLoggingAttribute");
        NotLogged = compilation.GetTypeByMetadataName("PerfLogging.NotLoggedAttribute");
        Rule = compilation.GetTypeByMetadataName("PerfLogging.Fabrics.PerformanceLoggingRuleAttribute");
        ProjectFabric = compilation.GetTypeByMetadataName("PerfLogging.Fabrics.ProjectFabric");
        NamespaceFabric = compilation.GetTypeByMetadataName("PerfLogging.Fabrics.NamespaceFabric");
    }

    public INamedTypeSymbol? Logging { get; }

    public INamedTypeSymbol? Profile { get; }

    public INamedTypeSymbol? Conditional { get; }

    public INamedTypeSymbol? Exclude { get; }

    public INamedTypeSymbol? NotLogged { get; }

    public INamedTypeSymbol? Rule { get; }

    public INamedTypeSymbol? ProjectFabric { get; }

    public INamedTypeSymbol? NamespaceFabric { get; }

    /// <summary>The known symbols, or null when the compilation does not reference PerfLogging.Aspects.</summary>
    public static KnownSymbols? Create(Compilation compilation)
    {
        var symbols = new KnownSymbols(compilation);
        return symbols.Logging is null ? null : symbols;
    }

    public bool IsAspect(AttributeData attribute) =>
        Is(attribute, Logging) || Is(attribute, Profile) || Is(attribute, Conditional);

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    public bool IsFabric(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ProjectFabric) || SymbolEqualityComparer.Default.Equals(current, NamespaceFabric))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsNamespaceFabric(INamedTypeSymbol type) =>
        type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType, NamespaceFabric);
}
