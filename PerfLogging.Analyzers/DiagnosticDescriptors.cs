using Microsoft.CodeAnalysis;

namespace PerfLogging.Analyzers;

/// <summary>Every PERFxxx diagnostic. The IDs are a contract: never renumber, only add.</summary>
public static class DiagnosticDescriptors
{
    public const string Category = "PerfLogging";

    public static readonly DiagnosticDescriptor InvalidThreshold = Error(
        "PERF001", "Invalid performance threshold", "A threshold on an attribute or fabric rule is negative, not finite, or a warning above its critical threshold after merging with its profile and the configuration.");

    public static readonly DiagnosticDescriptor UnknownProfile = Error(
        "PERF002", "Unknown performance profile", "The profile is neither built in (fast, normal, slow) nor defined under PerformanceLogging:Profiles in the JSON configuration.");

    public static readonly DiagnosticDescriptor InvalidConfigurationValue = Error(
        "PERF003", "Invalid value in PerfLogging configuration", "A value in perflogging.json or the PerformanceLogging section of appsettings*.json breaks a rule of the options model.");

    public static readonly DiagnosticDescriptor MalformedConfiguration = Error(
        "PERF004", "Malformed PerfLogging configuration file", "The JSON configuration file cannot be read.");

    public static readonly DiagnosticDescriptor IneligibleTarget = Error(
        "PERF005", "Performance aspect on a member that cannot be woven", "The attribute is on a member without a body (abstract, extern, interface member, partial definition), a static constructor or a varargs method.");

    public static readonly DiagnosticDescriptor InvalidCondition = Error(
        "PERF006", "Invalid condition of [ConditionalPerformanceLogging]", "The condition must name a static bool property, field or parameterless method that the method can access.");

    public static readonly DiagnosticDescriptor RuleMatchesNothing = Warning(
        "PERF007", "Fabric rule matches no method", "No method of the project is selected by the rule's Namespace, TypeName, MethodName and Visibility.");

    public static readonly DiagnosticDescriptor UnknownConfigurationKey = Warning(
        "PERF008", "Ignored key or value in PerfLogging configuration", "PerfLogging does not read this key (it is probably misspelled), or the configuration binder skips its empty value.");

    public static readonly DiagnosticDescriptor SecretArgument = Warning(
        "PERF009", "Secret-looking parameter in a logged argument list", "IncludeArgs is on and a parameter whose name looks like a secret is not marked [NotLogged].");

    public static readonly DiagnosticDescriptor AsyncVoid = Warning(
        "PERF010", "async void method is timed only to its first await", "An async void method returns at its first await; only that synchronous part can be timed.");

    public static readonly DiagnosticDescriptor InvalidGlob = Error(
        "PERF011", "Invalid glob in a fabric rule", "A Namespace, TypeName or MethodName selector of a fabric rule is not a valid glob.");

    private static DiagnosticDescriptor Error(string id, string title, string description) =>
        Create(id, title, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string description) =>
        Create(id, title, description, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string description, DiagnosticSeverity severity) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true, description);
}
