using Mono.Cecil;

namespace PerfLogging.Fody.Model;

/// <summary>A method to weave, with its merged settings and shape.</summary>
internal sealed class WeaveTarget
{
    public WeaveTarget(MethodDefinition method, AspectSettings settings)
    {
        Method = method;
        Settings = settings;
    }

    public MethodDefinition Method { get; }

    public AspectSettings Settings { get; }

    public MethodShape Shape { get; set; }

    /// <summary>The imported condition member (getter, field or method), resolved once when the target is checked.</summary>
    public MemberReference? Condition { get; set; }

    /// <summary>The item or result type of generic shapes.</summary>
    public TypeReference? ResultType { get; set; }
}
