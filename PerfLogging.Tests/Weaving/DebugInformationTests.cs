using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

/// <summary>Breakpoints and sequence points of the original bodies still map to their source lines.</summary>
public class DebugInformationTests
{
    private static readonly string Assembly = typeof(Failures).Assembly.Location;

    private static IReadOnlyList<int> LinesOf(string typeName, string methodName)
    {
        using var pe = new PEReader(File.OpenRead(Assembly));
        var metadata = pe.GetMetadataReader();
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(Assembly, ".pdb")));
        var pdb = pdbProvider.GetMetadataReader();
        var handle = metadata.MethodDefinitions.Single(h =>
        {
            var method = metadata.GetMethodDefinition(h);
            return metadata.GetString(method.Name) == methodName &&
                metadata.GetString(metadata.GetTypeDefinition(method.GetDeclaringType()).Name) == typeName;
        });
        return pdb.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints()
            .Where(p => !p.IsHidden)
            .Select(p => p.StartLine)
            .ToList();
    }

    private static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Repository.Root, "PerfLogging.Tests.Target", file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void The_woven_method_keeps_the_sequence_points_of_every_source_line()
    {
        var lines = LinesOf("Failures", "Raise");

        lines.ShouldContain(LineOf("Failures.cs", "var doubled = value * 2;"));
        lines.ShouldContain(LineOf("Failures.cs", "if (doubled > 0)"));
        lines.ShouldContain(LineOf("Failures.cs", "throw new InvalidOperationException"));
        lines.ShouldContain(LineOf("Failures.cs", "return doubled;"));
    }

    [Test]
    public void The_woven_code_borrows_no_source_line()
    {
        // Only the original's lines, from its opening brace to its closing one: the woven blocks' points are hidden.
        var open = LineOf("Failures.cs", "public int Raise(int value)") + 1;
        var close = LineOf("Failures.cs", "return doubled;") + 1;

        LinesOf("Failures", "Raise").ShouldAllBe(line => line >= open && line <= close);
    }

    [Test]
    public void An_async_body_keeps_its_lines_in_the_state_machine()
    {
        var machine = typeof(AsyncService).GetNestedTypes(System.Reflection.BindingFlags.NonPublic)
            .Single(t => t.Name.StartsWith("<ComputeAsync>", StringComparison.Ordinal)).Name;

        LinesOf(machine, "MoveNext").ShouldContain(LineOf("Async.cs", "await Task.Delay(20);"));
    }
}
