using System.Reflection.Metadata.Ecma335;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using Mono.Cecil;
using PerfLogging.Fody;

namespace PerfLogging.Tool;

/// <summary>A woven assembly: its methods by the manifest's signatures, and their code decompiled to C#.</summary>
internal sealed class WovenAssembly : IDisposable
{
    private readonly string _path;
    private readonly ModuleDefinition _module;
    private readonly Dictionary<string, List<MethodDefinition>> _methods = new(StringComparer.Ordinal);
    private CSharpDecompiler? _decompiler;

    private WovenAssembly(string path, ModuleDefinition module)
    {
        _path = path;
        _module = module;
        foreach (var method in module.GetTypes().SelectMany(t => t.Methods))
        {
            // Two methods can share a signature: overloads whose parameter types differ only in namespace, and
            // conversion operators that differ only in their return type.
            var signature = Names.Signature(method);
            if (!_methods.TryGetValue(signature, out var methods))
            {
                _methods.Add(signature, methods = []);
            }

            methods.Add(method);
        }
    }

    public static WovenAssembly Open(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
        try
        {
            return new WovenAssembly(path, ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver }));
        }
        catch (BadImageFormatException)
        {
            throw new ToolException($"'{path}' is not a .NET assembly. Pass the .dll a build wrote, e.g. bin/Release/net10.0/MyApp.dll.");
        }
    }

    /// <summary>The first method with this manifest signature, or null when the assembly has none (a stale manifest).</summary>
    public MethodDefinition? Find(string signature) => _methods.GetValueOrDefault(signature)?[0];

    /// <summary>The methods with this manifest signature, woven or not as asked: those whose code does (or does not) call <c>OperationScope</c>.</summary>
    public IReadOnlyList<MethodDefinition> FindAll(string signature, bool woven) =>
        _methods.TryGetValue(signature, out var methods) ? [.. methods.Where(m => IsWoven(m) == woven)] : [];

    /// <summary>Whether the weaver changed the method: its own IL calls <c>PerfLogging.Weaving.OperationScope</c>.</summary>
    public static bool IsWoven(MethodDefinition method) =>
        method.HasBody && method.Body.Instructions.Any(i =>
            i.Operand is MethodReference called && called.DeclaringType.FullName.StartsWith("PerfLogging.Weaving.OperationScope", StringComparison.Ordinal));

    /// <summary>The method as it is now, woven, decompiled to C#.</summary>
    public string Decompile(MethodDefinition method)
    {
        _decompiler ??= new CSharpDecompiler(_path, new DecompilerSettings(LanguageVersion.Latest)
        {
            ThrowOnAssemblyResolveErrors = false,

            // Method calls as written (Select(r => r * 2)), not query syntax the source never had.
            QueryExpressions = false,
        });
        return _decompiler.DecompileAsString(MetadataTokens.EntityHandle(method.MetadataToken.ToInt32()));
    }

    /// <summary>
    /// The <c>MoveNext</c> of an async method's or iterator's state machine, where the compiler put the method's own
    /// body (the weaving goes around the method that starts it); null for other methods.
    /// </summary>
    public static MethodDefinition? StateMachineBody(MethodDefinition method) =>
        method.CustomAttributes
            .Where(a => a.AttributeType.Namespace == "System.Runtime.CompilerServices" && a.AttributeType.Name.EndsWith("StateMachineAttribute", StringComparison.Ordinal))
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as TypeReference)
            .Select(type => type?.Resolve()?.Methods.FirstOrDefault(m => m.Name.EndsWith("MoveNext", StringComparison.Ordinal)))
            .FirstOrDefault(moveNext => moveNext is not null);

    public void Dispose() => _module.Dispose();
}
