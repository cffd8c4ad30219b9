using System.Collections.Generic;
using Fody;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

/// <summary>
/// Weaves every method that carries a performance aspect (on itself or its type), in place: the calls into the
/// PerfLogging runtime go around the method's own body, so it stays the same method to everything that inspects it.
/// </summary>
public sealed partial class ModuleWeaver : BaseModuleWeaver
{
    private RuntimeReferences _runtime = null!;

    /// <inheritdoc />
    public override void Execute()
    {
        _runtime = new RuntimeReferences(this, ModuleDefinition);
        var targets = CollectTargets();
        var woven = new List<WeaveTarget>();
        foreach (var target in targets)
        {
            if (Check(target) && Weave(target))
            {
                woven.Add(target);
            }
        }

        RemoveFabrics();
        WriteManifest(woven);
        WriteInfo($"PerfLogging wove {woven.Count} method(s) in {ModuleDefinition.Assembly.Name.Name}.");
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetAssembliesForScanning() =>
        ["netstandard", "mscorlib", "System.Runtime", "System.Private.CoreLib", "System.Threading.Tasks", "PerfLogging.Aspects"];

    /// <inheritdoc />
    public override bool ShouldCleanReference => false;
}
