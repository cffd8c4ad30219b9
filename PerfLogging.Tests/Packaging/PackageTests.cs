using System.Text.Json;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Packaging;

/// <summary>
/// A new user's first steps: pack, add ONE package from a local folder feed to a new project outside the
/// repository, build and run it, then break a threshold and watch the build fail.
/// </summary>
[Category("Build")]
public partial class PackageTests
{
    private static readonly string Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

    private TempDirectory _work = null!;

    [OneTimeSetUp]
    public void Pack()
    {
        _work = new TempDirectory();
        foreach (var project in new[] { "PerfLogging.Configuration", "PerfLogging.Aspects", "PerfLogging.Fody", "PerfLogging.AspNetCore" })
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
    public void Deleting_the_file_that_defines_a_profile_fails_the_next_incremental_build()
    {
        var app = CreateApp("Incremental", properties: "", references: "");
        var configuration = Path.Combine(app, "perflogging.json");
        File.WriteAllText(configuration, """{ "PerformanceLogging": { "Profiles": { "checkout": { "WarningSeconds": 0.5, "CriticalSeconds": 2 } } } }""");
        WriteProgram(app, "[PerformanceProfile(\"checkout\")]");
        var first = Build(app);
        first.ExitCode.ShouldBe(0, first.Output);

        File.Delete(configuration);
        var second = Build(app);

        second.ExitCode.ShouldNotBe(0, second.Output);
        second.Output.ShouldContain("Program.cs(13,25): error PERF002: Profile 'checkout' on 'OrderService.Submit' is not defined.");

        File.WriteAllText(configuration, """{ "PerformanceLogging": { "Profiles": { "checkout": { "WarningSeconds": 0.5, "CriticalSeconds": 2 } } } }""");
        Build(app).ExitCode.ShouldBe(0);
    }

    [Test]
    public void SkipPerfLoggingAnalyzer_turns_the_build_time_checks_off_and_still_weaves()
    {
        var app = CreateApp("Skipped", properties: "<SkipPerfLoggingAnalyzer>true</SkipPerfLoggingAnalyzer>", references: "");
        File.WriteAllText(Path.Combine(app, "perflogging.json"), """{ "PerformanceLogging": { "Thresholds": { "WarningSeconds": -1 } } }""");
        WriteProgram(app, "[PerformanceProfile(\"nowhere\", ThresholdWarning = 3, ThresholdCritical = 1)]");

        var build = Build(app);

        build.ExitCode.ShouldBe(0, build.Output);
        build.Output.ShouldNotContain("PERF0");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "Skipped.perflogging.json"))).RootElement;
        manifest.GetRawText().ShouldContain("OrderService.Submit");
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

    [Test]
    public void A_woven_app_publishes_with_native_AOT_without_trim_or_AOT_warnings_and_logs_from_the_native_executable()
    {
        var app = CreateApp("Native", properties: "<PublishAot>true</PublishAot>", references: "");
        File.WriteAllText(Path.Combine(app, "perflogging.json"), """{ "PerformanceLogging": { } }""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), NativeProgram);

        var publish = ProcessRunner.Run(
            "dotnet",
            ["publish", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--output", Path.Combine(app, "out")],
            app,
            TimeSpan.FromMinutes(10));

        publish.ExitCode.ShouldBe(0, publish.Output + publish.Error);
        var warnings = (publish.Output + publish.Error).Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"warning IL[23]\d{3}")).ToList();
        warnings.ShouldBeEmpty(string.Join('\n', warnings));
        var native = Path.Combine(app, "out", "Native");
        File.Exists(native).ShouldBeTrue("the publish made no native executable");
        File.Exists(Path.Combine(app, "out", "Native.dll")).ShouldBeFalse("the publish was not native");

        var run = ProcessRunner.Run(native, [], Path.Combine(app, "out"));

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var records = run.Output.Split('\n').Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("performance").GetProperty("operation_name").GetString()!);
        records.Keys.Order().ShouldBe(["Catalog.Count", "Catalog.Fail", "Catalog.Find<T>", "Catalog.LoadAsync", "Catalog.Names"]);
        foreach (var record in records.Values)
        {
            record.GetProperty("performance").GetProperty("module_name").GetString().ShouldBe("Native.dll");
            record.GetProperty("performance").GetProperty("class_name").GetString().ShouldBe("Catalog");
        }

        records["Catalog.Count"].GetProperty("performance").GetProperty("args_summary").GetString().ShouldBe("ids=[1, 2, 3]");
        records["Catalog.Count"].GetProperty("performance").GetProperty("result_summary").GetString().ShouldBe("3");
        records["Catalog.LoadAsync"].GetProperty("performance").GetProperty("result_summary").GetString().ShouldBe("42");
        records["Catalog.Find<T>"].GetProperty("performance").GetProperty("function_name").GetString().ShouldBe("Find<T>");
        records["Catalog.Names"].GetProperty("performance").GetProperty("success").GetBoolean().ShouldBeTrue();
        var failure = records["Catalog.Fail"];
        failure.GetProperty("level").GetString().ShouldBe("Error");
        failure.GetProperty("performance").GetProperty("success").GetBoolean().ShouldBeFalse();
        failure.GetProperty("performance").GetProperty("error_type").GetString().ShouldBe("InvalidOperationException");
        failure.GetProperty("exception").GetString()!.ShouldContain("at Catalog.Fail(");
        run.Output.ShouldContain("caught: out of stock");
        run.Output.ShouldContain("names: a,b");
    }

    private const string NativeProgram = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using PerfLogging;
        using PerfLogging.Configuration;

        var configuration = new ConfigurationBuilder().AddPerformanceLoggingJsonFile(Path.Combine(AppContext.BaseDirectory, "perflogging.json")).Build();
        using (var factory = LoggerFactory.Create(b => b.AddPerformanceJsonConsole()))
        {
            PerformanceLogging.Configure(factory, PerformanceLoggingConfiguration.Load(configuration));
            var catalog = new Catalog();
            catalog.Count(new HashSet<int> { 1, 2, 3 });
            await catalog.LoadAsync();
            Console.WriteLine("names: " + string.Join(',', catalog.Names()));
            catalog.Find("x");
            try
            {
                catalog.Fail();
            }
            catch (InvalidOperationException ex)
            {
                Console.WriteLine("caught: " + ex.Message);
            }
        }

        public class Catalog
        {
            [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
            public int Count(HashSet<int> ids) => ids.Count;

            [PerformanceLogging(IncludeResult = true)]
            public async Task<int> LoadAsync()
            {
                await Task.Yield();
                return 42;
            }

            [PerformanceLogging]
            public IEnumerable<string> Names()
            {
                yield return "a";
                yield return "b";
            }

            [PerformanceLogging]
            public T Find<T>(T key) => key;

            [PerformanceLogging]
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            public void Fail() => throw new InvalidOperationException("out of stock");
        }
        """;

    private static ProcessRunner.Result Build(string app) =>
        ProcessRunner.Run("dotnet", ["build", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);

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
        WriteNugetConfig(app);
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

    /// <summary>A nuget.config with only the freshly packed feed and nuget.org.</summary>
    private void WriteNugetConfig(string app)
    {
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
