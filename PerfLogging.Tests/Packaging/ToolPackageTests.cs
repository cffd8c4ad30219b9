using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Packaging;

/// <summary>The perflogging tool packed into a fresh folder feed, installed as a local tool and as a tool in a folder, and run.</summary>
[Category("Build")]
public class ToolPackageTests
{
    private static readonly string Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

    private TempDirectory _work = null!;

    private string Feed => Path.Combine(_work.Path, "feed");

    [OneTimeSetUp]
    public void Pack()
    {
        _work = new TempDirectory();
        var result = ProcessRunner.Run("dotnet",
        [
            "pack", Path.Combine(Repository.Root, "PerfLogging.Tool", "PerfLogging.Tool.csproj"), "--configuration", Repository.BuildConfiguration,
            "--no-build", "--output", Feed, $"-p:PackageVersion={Version}", "--nologo",
        ]);
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
    }

    [OneTimeTearDown]
    public void CleanUp() => _work.Dispose();

    [Test]
    public void Installed_from_the_feed_into_a_local_tool_manifest_it_shows_a_woven_method()
    {
        var folder = Path.Combine(_work.Path, "local");
        Directory.CreateDirectory(folder);
        Dotnet(folder, "new", "tool-manifest");
        Dotnet(folder, "tool", "install", "--add-source", Feed, "PerfLogging.Tool", "--version", Version);

        var run = ProcessRunner.Run("dotnet", ["tool", "run", "perflogging", "show", Repository.WovenOutput("PerfLogging.Tests.Target"), "--method", "Build", "--no-code"], folder);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("PerfLogging.Tests.Target.Reporting.Build(Int32)\n  operation: Reporting.Build\n  shape:     Value\n");
    }

    [Test]
    public void Installed_from_the_feed_as_a_tool_in_a_folder_it_summarises_a_log_and_decompiles()
    {
        var tools = Path.Combine(_work.Path, "tools");
        Dotnet(_work.Path, "tool", "install", "--tool-path", tools, "--add-source", Feed, "PerfLogging.Tool", "--version", Version);
        var log = _work.Write("app.log",
            """{"timestamp":"2026-11-27T10:00:00.000Z","level":"Warning","performance":{"operation_name":"checkout","duration_seconds":1.5,"success":true,"exceeded_warning":true,"exceeded_critical":false}}""" + "\n");
        var perflogging = Path.Combine(tools, "perflogging");

        var summary = ProcessRunner.Run(perflogging, ["summary", log, "--format", "csv"]);
        var show = ProcessRunner.Run(perflogging, ["show", Repository.WovenOutput("PerfLogging.Tests.Target"), "--type", "Reporting", "--method", "Build"]);

        summary.ExitCode.ShouldBe(0, summary.Error);
        summary.Output.ShouldBe("operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors\ncheckout,1,1500.000,1500.000,1500.000,1500.000,1,0,0\n");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Output.ShouldContain("result = Enumerable.Range(0, rows).Select((int r) => r * 2).Sum();");
        show.Output.ShouldContain("return scope.Complete(result);");
    }

    private static void Dotnet(string folder, params string[] arguments)
    {
        var result = ProcessRunner.Run("dotnet", arguments, folder);
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
    }
}
