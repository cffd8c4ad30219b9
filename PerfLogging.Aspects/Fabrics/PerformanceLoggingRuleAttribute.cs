namespace PerfLogging.Fabrics;

/// <summary>
/// A rule of a <see cref="ProjectFabric"/> or <see cref="NamespaceFabric"/>: applies the aspect, with these
/// settings, to every ordinary method with a body that the selectors match. Rules skip compiler-generated
/// members, property and event accessors, local functions, lambdas, constructors and abstract or extern members.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PerformanceLoggingRuleAttribute : PerformanceAspectAttribute
{
    /// <summary>Gets or sets the namespace: an exact name or a glob (<c>*</c> within a segment, <c>**</c> across segments).</summary>
    /// <value>The default value is every namespace (for a namespace fabric, its own).</value>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets a value indicating whether child namespaces of <see cref="Namespace"/> are selected too.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeChildNamespaces { get; set; } = true;

    /// <summary>Gets or sets a glob over type names (without namespace), e.g. <c>*Repository</c>.</summary>
    /// <value>The default value is every type.</value>
    public string? TypeName { get; set; }

    /// <summary>Gets or sets a glob over method names, e.g. <c>Get*</c>.</summary>
    /// <value>The default value is every method.</value>
    public string? MethodName { get; set; }

    /// <summary>Gets or sets the visibilities selected.</summary>
    /// <value>The default value is <see cref="MethodVisibility.Public"/>.</value>
    public MethodVisibility Visibility { get; set; } = MethodVisibility.Public;
}
