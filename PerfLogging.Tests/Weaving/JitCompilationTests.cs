using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Weaving;

/// <summary>
/// Invalid IL (a branch into a protected region, an unbalanced stack) throws only when the JIT compiles it. Every
/// method of every woven assembly in the repository is compiled here, generic ones over a reference and a value
/// type, so a weaving defect fails the suite instead of a user's process.
/// </summary>
public class JitCompilationTests
{
    /// <summary>A reference type, a value type and, where every parameter allows it (<c>allows ref struct</c>), a ref struct.</summary>
    private static IEnumerable<Type[]> Instantiations(Type[] parameters)
    {
        if (parameters.Length == 0)
        {
            return [[]];
        }

        var candidates = new List<Type> { typeof(object), typeof(int) };
        if (parameters.All(p => p.GenericParameterAttributes.HasFlag(GenericParameterAttributes.AllowByRefLike)))
        {
            candidates.Add(typeof(Span<int>));
        }

        return candidates.Select(c => Enumerable.Repeat(c, parameters.Length).ToArray());
    }

    [TestCase(typeof(Target.Calculator))]
    [TestCase(typeof(Shop.Services.OrderService))]
    [TestCase(typeof(Fidelity.Failures))]
    public void Every_method_of_a_woven_test_assembly_compiles(Type anyType) =>
        CompileAll(anyType.Assembly).ShouldBeGreaterThanOrEqualTo(WovenCount(ProjectOutput(anyType.Assembly.GetName().Name!)));

    [Test]
    public void Every_method_of_the_woven_sample_compiles()
    {
        var context = new SampleContext(Repository.SampleDll);
        try
        {
            var sample = context.LoadFromAssemblyPath(Repository.SampleDll);
            CompileAll(sample).ShouldBeGreaterThanOrEqualTo(WovenCount(Repository.SampleDll));
        }
        finally
        {
            context.Unload();
        }
    }

    private static string ProjectOutput(string project) =>
        Path.Combine(Repository.Root, project, "bin", Repository.BuildConfiguration, "net10.0", project + ".dll");

    /// <summary>How many methods the manifest beside the assembly lists as woven (more than zero, or the test proves nothing).</summary>
    private static int WovenCount(string assembly)
    {
        var manifest = Path.ChangeExtension(assembly, ".perflogging.json");
        var count = File.ReadLines(manifest).Count(line => line.Contains("\"method\":", StringComparison.Ordinal));
        count.ShouldBeGreaterThan(0);
        return count;
    }

    /// <summary>Compiles every method with a body; returns how many were compiled.</summary>
    private static int CompileAll(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var compiled = 0;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.IsAbstract || method.GetMethodBody() is null)
                {
                    continue;
                }

                compiled += Compile(type, method);
            }
        }

        return compiled;
    }

    private static int Compile(Type type, MethodBase method)
    {
        var typeArguments = Instantiations(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []);
        var methodArguments = Instantiations(method.IsGenericMethodDefinition ? method.GetGenericArguments() : []);
        var compiled = 0;
        foreach (var forType in typeArguments)
        {
            foreach (var forMethod in methodArguments)
            {
                var instantiation = forType.Concat(forMethod).Select(t => t.TypeHandle).ToArray();
                try
                {
                    if (instantiation.Length == 0)
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                    else
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
                    }

                    compiled++;
                }
                catch (Exception ex) when (ex is not InvalidProgramException && ex.Message.Contains("violates the constraint", StringComparison.Ordinal))
                {
                    // The instantiation breaks a constraint (a struct or class constraint): the other one is tried.
                }
                catch (InvalidProgramException ex)
                {
                    Assert.Fail($"{method.DeclaringType}.{method} over [{string.Join(", ", forType.Concat(forMethod).Select(t => t.Name))}] is invalid IL: {ex.Message}");
                }
            }
        }

        return compiled;
    }

    /// <summary>Loads the sample with its own dependencies, as its process would.</summary>
    private sealed class SampleContext(string path) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } resolved ? LoadFromAssemblyPath(resolved) : null;
    }
}
