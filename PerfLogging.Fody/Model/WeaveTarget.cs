using Mono.Cecil;

namespace PerfLogging.Fody.Model;

/// <summary>A method to weave, with its merged settings and shape.</summary>
internal sealed class WeaveTarget
{
    public WeaveTarget(MethodDefinition method, AspectSettings settings, bool explicitlyAnnotated)
    {
        Method = method;
        Settings = settings;
        ExplicitlyAnnotated = explicitlyAnnotated;
    }

    public MethodDefinition Method { get; }

    public AspectSettings Settings { get; }

    public bool ExplicitlyAnnotated { get; }

    public MethodShape Shape { get; set; }

    /// <summary>The item or result type of generic shapes.</summary>
    public TypeReference? ResultType { get; set; }
}
