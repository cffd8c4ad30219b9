using PerfLogging.Analyzers;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Analyzers;

/// <summary>The analyzer in a real `dotnet build` of a project outside the repository: errors fail the build.</summary>
[Category("Build")]
public class AnalyzerBuildTests
{
    private TempDirectory _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempDirectory();

        // Empty build files stop any Directory.Build.* above the temp folder from leaking in.
        _project.Write("Directory.Build.props", "<Project />");
        _project.Write("Directory.Build.targets", "<Project />");
        _project.Write("Shop.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <WarningsAsErrors>CS8032;CS9057;AD0001</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="PerfLogging.Aspects" HintPath="{typeof(PerformanceLoggingAttribute).Assembly.Location}" />
                <Analyzer Include="{typeof(PerformanceAnalyzer).Assembly.Location}" />
                <AdditionalFiles Include="perflogging.json" />
              </ItemGroup>
            </Project>
            """);
        _project.Write("perflogging.json", """{ "PerformanceLogging": { "Thresholds": { "WarningSeconds": 1, "CriticalSeconds": 5 } } }""");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private ProcessRunner.Result Build() =>
        ProcessRunner.Run("dotnet", ["build", "-nodeReuse:false", "-p:UseSharedCompilation=false", "--nologo"], _project.Path);

    private void WriteService(string attribute) => _project.Write("OrderService.cs", $$"""
        using PerfLogging;

        namespace Shop;

        public class OrderService
        {
            {{attribute}}
            public int Submit(int id) => id;
        }
        """);

    [Test]
    public void A_bad_attribute_fails_the_build_with_PERF001_and_the_corrected_one_builds()
    {
        WriteService("[PerformanceLogging(ThresholdWarning = 5, ThresholdCritical = 1)]");

        var failed = Build();

        failed.ExitCode.ShouldNotBe(0);
        failed.Output.ShouldContain("OrderService.cs(7,25): error PERF001: 'ThresholdWarning' (5 s) is above 'ThresholdCritical' (1 s) on 'OrderService.Submit'");

        WriteService("[PerformanceLogging(ThresholdWarning = 1, ThresholdCritical = 5)]");
        var fixedBuild = Build();
        fixedBuild.ExitCode.ShouldBe(0, fixedBuild.Output);
        fixedBuild.Output.ShouldNotContain("PERF0");
    }

    [Test]
    public void A_bad_perflogging_json_fails_the_build_with_PERF003_at_its_line_and_column_and_the_corrected_one_builds()
    {
        WriteService("[PerformanceProfile(\"fast\")]");
        _project.Write("perflogging.json", "{\n  \"PerformanceLogging\": {\n    \"Thresholds\": { \"WarningSeconds\": -1 }\n  }\n}\n");

        var failed = Build();

        failed.ExitCode.ShouldNotBe(0);
        failed.Output.ShouldContain("perflogging.json(3,39): error PERF003: 'Thresholds:WarningSeconds' is -1 s: a threshold cannot be negative.");

        _project.Write("perflogging.json", "{\n  \"PerformanceLogging\": {\n    \"Thresholds\": { \"WarningSeconds\": 0.5 }\n  }\n}\n");
        var fixedBuild = Build();
        fixedBuild.ExitCode.ShouldBe(0, fixedBuild.Output);
    }
}
