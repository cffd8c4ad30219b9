using System.Security.Cryptography;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Weaving;

/// <summary>Weaving is deterministic and incremental: rebuilds are byte-identical, an unchanged build does not reweave.</summary>
[Category("Build")]
public class RebuildTests
{
    private static readonly string Output =
        Path.Combine(Repository.Root, "PerfLogging.Tests.Target", "bin", Repository.BuildConfiguration, "net10.0");

    private static readonly string[] Files = ["PerfLogging.Tests.Target.dll", "PerfLogging.Tests.Target.pdb", "PerfLogging.Tests.Target.perflogging.json"];

    private static ProcessRunner.Result Build(bool incremental)
    {
        string[] arguments =
        [
            "build", Path.Combine(Repository.Root, "PerfLogging.Tests.Target", "PerfLogging.Tests.Target.csproj"),
            "--configuration", Repository.BuildConfiguration, "--no-dependencies", "--nologo", "-v", "n",
            "-nodeReuse:false", "-p:UseSharedCompilation=false",
        ];
        var result = ProcessRunner.Run("dotnet", incremental ? arguments : [.. arguments, "--no-incremental"]);
        result.ExitCode.ShouldBe(0, result.Output);
        return result;
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    [Test]
    public void Rebuilds_are_byte_identical_an_unchanged_build_does_not_reweave_and_a_changed_weaver_does()
    {
        Build(incremental: false).Output.ShouldContain("PerfLogging wove 64 method(s)");
        var first = Files.ToDictionary(f => f, f => Hash(Path.Combine(Output, f)));
        Build(incremental: false).Output.ShouldContain("PerfLogging wove 64 method(s)");

        foreach (var file in Files)
        {
            Hash(Path.Combine(Output, file)).ShouldBe(first[file], file);
        }

        var woven = File.GetLastWriteTimeUtc(Path.Combine(Output, Files[0]));
        var again = Build(incremental: true);

        again.Output.ShouldNotContain("PerfLogging wove");
        File.GetLastWriteTimeUtc(Path.Combine(Output, Files[0])).ShouldBe(woven);

        // A changed weaver is an input of the compile step, so the next incremental build weaves again.
        var weaver = Path.Combine(Repository.Root, "PerfLogging.Fody", "bin", Repository.BuildConfiguration, "netstandard2.0", "PerfLogging.Fody.dll");
        File.SetLastWriteTimeUtc(weaver, DateTime.UtcNow);
        Build(incremental: true).Output.ShouldContain("PerfLogging wove 64 method(s)");
        Hash(Path.Combine(Output, Files[0])).ShouldBe(first[Files[0]]);
    }
}
