using System.Text.Json;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Packaging;

/// <summary>
/// A new user's first steps: pack, add ONE package from a local folder feed to a new project outside the
/// repository, build and run it, then break a threshold and watch the build fail.
/// </summary>
[Category("Build")]
public class PackageTests
{
    private static readonly string Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

    private TempDirectory _work = null!;

    [OneTimeSetUp]
    public void Pack()
    {
        _work = new TempDirectory();
        foreach (var project in new[] { "PerfLogging.Configuration", "PerfLogging.Aspects", "PerfLogging.Fody" })
        {
            var result = ProcessRunner.Run("dotnet",
            [
                "pack", Path.Combine(Repository.Root, project, project + ".csproj"), "--configuration", Repository.BuildConfiguration,
                "--no-build", "--output", Path.Combine(_work.Path, "feed"), $"-p:PackageVersion={Version}", "--nologo",
            ]);
            result.ExitCode.ShouldBe(0, result.Output);
        }
    }

    [OneTimeTearDown]
    public void CleanUp() => _work.Dispose();

    [Test]
    public void One_package_reference_weaves_logs_and_validates_at_build_time()
    {
        var app = Path.Combine(_work.Path, "Shop");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.Combine(_work.Path, "feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PerfLogging.Fody" Version="{Version}" />
                <None Update="perflogging.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "perflogging.json"), """{ "PerformanceLogging": { "Profiles": { "checkout": { "WarningSeconds": 0.5, "CriticalSeconds": 2 } } } }""");
        WriteProgram(app, "[PerformanceProfile(\"checkout\")]");

        var run = ProcessRunner.Run("dotnet", ["run", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var line = run.Output.Split('\n').Single(l => l.StartsWith('{'));
        var performance = JsonDocument.Parse(line).RootElement.GetProperty("performance");
        performance.GetProperty("operation_name").GetString().ShouldBe("OrderService.Submit");
        performance.GetProperty("warning_threshold").GetDouble().ShouldBe(0.5);
        run.Output.ShouldContain("84");
        File.Exists(Path.Combine(app, "bin", "Debug", "net10.0", "Shop.perflogging.json")).ShouldBeTrue();

        WriteProgram(app, "[PerformanceProfile(\"checkout\", ThresholdWarning = 3)]");
        var build = ProcessRunner.Run("dotnet", ["build", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);

        build.ExitCode.ShouldNotBe(0);
        build.Output.ShouldContain("Program.cs(13,37): error PERF001: 'ThresholdWarning' (3 s) is above 'Profiles:checkout:CriticalSeconds' (2 s) on 'OrderService.Submit'");
    }

    private static void WriteProgram(string app, string attribute) => File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using PerfLogging;
        using PerfLogging.Configuration;

        var configuration = new ConfigurationBuilder().AddPerformanceLoggingJsonFile(Path.Combine(AppContext.BaseDirectory, "perflogging.json")).Build();
        using var factory = LoggerFactory.Create(b => b.AddPerformanceJsonConsole());
        PerformanceLogging.Configure(factory, PerformanceLoggingConfiguration.Load(configuration));
        Console.WriteLine(new OrderService().Submit(42));

        public class OrderService
        {
            {{attribute}}
            public int Submit(int id) => id * 2;
        }
        """);
}
