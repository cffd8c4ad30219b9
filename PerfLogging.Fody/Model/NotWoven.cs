using Mono.Cecil;

namespace PerfLogging.Fody.Model;

/// <summary>A method the user wrote that is left as it is, and why.</summary>
internal sealed class NotWoven
{
    public NotWoven(MethodDefinition method, string reason)
    {
        Method = method;
        Reason = reason;
    }

    public MethodDefinition Method { get; }

    /// <summary>What keeps it from being woven: <c>not selected: internal, and rule 1 of the project fabric Shop.Fabric selects Public</c>.</summary>
    public string Reason { get; }
}
