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
        var app = CreateApp("Shop", properties: "", references: "");
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

    [Test]
    public void A_project_pinning_Microsoft_Extensions_10_0_0_restores_and_runs_without_downgrade_warnings()
    {
        var app = CreateApp(
            "Pinned",
            properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            references: """
                <PackageReference Include="Microsoft.Extensions.Logging" Version="10.0.0" />
                <PackageReference Include="Microsoft.Extensions.Options" Version="10.0.0" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.0" />
                """);
        File.WriteAllText(Path.Combine(app, "perflogging.json"), """{ "PerformanceLogging": { "Profiles": { "checkout": { "WarningSeconds": 0.5, "CriticalSeconds": 2 } } } }""");
        WriteProgram(app, "[PerformanceProfile(\"checkout\")]");

        var run = ProcessRunner.Run("dotnet", ["run", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        (run.Output + run.Error).ShouldNotContain("NU1605");
        (run.Output + run.Error).ShouldNotContain("NU1608");
        JsonDocument.Parse(run.Output.Split('\n').Single(l => l.StartsWith('{'))).RootElement
            .GetProperty("performance").GetProperty("warning_threshold").GetDouble().ShouldBe(0.5);
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        assets.ShouldContain("\"Microsoft.Extensions.Options/10.0.0\"");
        assets.ShouldContain("\"Microsoft.Extensions.Logging/10.0.0\"");
    }

    [Test]
    public void The_READMEs_nuget_config_with_clear_and_source_mapping_restores_into_an_empty_package_cache()
    {
        var app = CreateApp("Mapped", properties: "", references: "");

        // The README's snippet, with its feed path: <clear/>, then PerfLogging.* mapped to the local feed.
        File.WriteAllText(Path.Combine(app, "nuget.config"), ReadmeNugetConfig().Replace("~/perflogging-feed", Path.Combine(_work.Path, "feed"), StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(app, "perflogging.json"), """{ "PerformanceLogging": { } }""");
        WriteProgram(app, "[PerformanceLogging]");
        using var cache = new TempDirectory();

        var run = ProcessRunner.Run(
            "dotnet",
            ["run", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            app,
            TimeSpan.FromMinutes(8),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = cache.Path });

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        (run.Output + run.Error).ShouldNotContain("NU1101");
        Directory.Exists(Path.Combine(cache.Path, "perflogging.fody", Version)).ShouldBeTrue();
        JsonDocument.Parse(run.Output.Split('\n').Single(l => l.StartsWith('{'))).RootElement
            .GetProperty("performance").GetProperty("operation_name").GetString().ShouldBe("OrderService.Submit");
    }

    /// <summary>The nuget.config block of the README's install section.</summary>
    private static string ReadmeNugetConfig()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("```xml\n<?xml", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "README.md has no nuget.config snippet");
        start += "```xml\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>A new project outside the repository that references PerfLogging.Fody from the freshly packed feed.</summary>
    private string CreateApp(string name, string properties, string references)
    {
        var app = Path.Combine(_work.Path, name);
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
        File.WriteAllText(Path.Combine(app, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PerfLogging.Fody" Version="{Version}" />
                {references}
                <None Update="perflogging.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        return app;
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
