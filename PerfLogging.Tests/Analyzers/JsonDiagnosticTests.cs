using Microsoft.Extensions.Configuration;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Analyzers;

public class JsonDiagnosticTests
{
    private const string Source = "class S { }";

    private static IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> RunJson(string file, string json) => Run(Source, (file, json));

    [Test]
    public void PERF003_invalid_values_are_located_at_their_line_and_column()
    {
        const string json = """
            {
              "PerformanceLogging": {
                "Thresholds": { "WarningSeconds": -2, "CriticalSeconds": 5 },
                "Profiles": { "api": { "WarningSeconds": 3, "CriticalSeconds": 1 } },
                "Metrics": { "MaxArgLength": 0 },
                "LogLevels": { "Error": "Fatal" }
              }
            }
            """;

        var diagnostics = RunJson("perflogging.json", json);

        diagnostics.Select(d => (d.Id, d.Where())).ShouldBe(
        [
            ("PERF003", At("perflogging.json", json, "-2")),
            ("PERF003", At("perflogging.json", json, "3, \"CriticalSeconds\": 1")),
            ("PERF003", At("perflogging.json", json, "0 }")),
            ("PERF003", At("perflogging.json", json, "\"Fatal\"")),
        ]);
        diagnostics[0].GetMessage().ShouldBe("'Thresholds:WarningSeconds' is -2 s: a threshold cannot be negative. Set it to 0 or more seconds.");
    }

    [Test]
    public void PERF003_a_value_of_the_wrong_type_names_the_expected_type()
    {
        const string json = """{ "Enabled": "maybe", "Thresholds": { "WarningSeconds": "soon" } }""";

        var diagnostics = RunJson("perflogging.json", json);

        diagnostics.Select(d => d.GetMessage()).ShouldBe(
        [
            "'Enabled' is \"maybe\": PerfLogging reads it as true or false. Write true or false there.",
            "'Thresholds:WarningSeconds' is \"soon\": PerfLogging reads it as a number. Write a number there.",
        ]);
        diagnostics[1].Where().ShouldBe(At("perflogging.json", json, "\"soon\""));
    }

    [Test]
    public void PERF003_only_the_PerformanceLogging_section_of_appsettings_is_checked()
    {
        const string json = """{ "Logging": { "LogLevel": { "Default": "Fatal" } }, "PerformanceLogging": { "Thresholds": { "CriticalSeconds": -1 } } }""";

        var diagnostic = RunJson("appsettings.Development.json", json).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF003");
        diagnostic.Where().ShouldBe(At("appsettings.Development.json", json, "-1"));
    }

    [Test]
    public void Valid_files_comments_and_trailing_commas_give_no_diagnostic()
    {
        RunJson("perflogging.json", File.ReadAllText(Path.Combine(Repository.Root, "perflogging.json"))).ShouldBeEmpty();
        RunJson("perflogging.json", """
            // solution-wide settings
            { "Thresholds": { "WarningSeconds": "0.5", /* strings are numbers to the binder */ "CriticalSeconds": 2, }, }
            """).ShouldBeEmpty();
        RunJson("appsettings.json", """{ "Logging": { "Anything": 1 } }""").ShouldBeEmpty();
        RunJson("other.json", "{ not json").ShouldBeEmpty();
    }

    [TestCase("{ \"Thresholds\": { \"WarningSeconds\": 1 ", "The object is not closed")]
    [TestCase("{ \"Thresholds\" { } }", "':' expected after property name \"Thresholds\"")]
    [TestCase("{ \"Enabled\": tru }", "Unexpected 't' where a value was expected")]
    [TestCase("", "The file is empty")]
    public void PERF004_malformed_json_is_located_where_parsing_failed(string json, string reason)
    {
        var diagnostic = RunJson("perflogging.json", json).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF004");
        diagnostic.GetMessage().ShouldStartWith("perflogging.json is not valid JSON: ");
        diagnostic.GetMessage().ShouldContain(reason);
    }

    [Test]
    public void PERF004_points_at_the_offending_character()
    {
        const string json = "{\n  \"Enabled\": true\n  \"Thresholds\": {}\n}";

        RunJson("perflogging.json", json).ShouldHaveSingleItem().Where().ShouldBe("perflogging.json(3,3)");
    }

    [Test]
    public void PERF008_an_unknown_key_is_a_warning_at_the_key_with_a_suggestion()
    {
        const string json = """{ "Thresholds": { "WarnSeconds": 1 }, "Metrics": { "IncludeArgs": true } }""";

        var diagnostics = RunJson("perflogging.json", json);

        diagnostics.Select(d => (d.Id, d.Where())).ShouldBe(
        [
            ("PERF008", At("perflogging.json", json, "\"WarnSeconds\"")),
            ("PERF008", At("perflogging.json", json, "\"IncludeArgs\"")),
        ]);
        diagnostics[0].GetMessage().ShouldStartWith("'Thresholds:WarnSeconds' in perflogging.json is not a PerfLogging option and is ignored. Did you mean 'WarningSeconds'?");
    }

    [Test]
    public void Compile_time_and_run_time_give_the_same_verdict_and_message_for_the_same_values()
    {
        const string json = """
            { "Thresholds": { "WarningSeconds": 6, "CriticalSeconds": 5, "MemoryWarningMb": -1 },
              "Profiles": { "api": { "WarningSeconds": -0.5 }, "batch": { "WarningSeconds": 40, "CriticalSeconds": 30 } },
              "Metrics": { "MaxResultLength": -3 },
              "LogLevels": { "Success": "Info" },
              "OperationField": "",
              "Operations": { "checkout": { "WarningSeconds": 3, "CriticalSeconds": 2 } } }
            """;
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", json);
        var options = new PerformanceLoggingOptions();
        PerformanceLoggingConfiguration.Bind(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build(), options);

        var runtime = PerformanceLoggingOptionsValidator.Collect(options).Select(v => v.Message).Order(StringComparer.Ordinal).ToList();
        var compileTime = RunJson("perflogging.json", json).Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToList();

        runtime.Count.ShouldBe(8);
        compileTime.ShouldBe(runtime);
    }

    [Test]
    public void The_analyzer_schema_knows_every_option_property()
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "PerfLogging.Configuration", "Validation", "ConfigurationSchema.cs"));
        var properties = new[] { typeof(PerformanceLoggingOptions), typeof(ThresholdOptions), typeof(ProfileOptions), typeof(OperationOptions), typeof(MetricsOptions), typeof(LogLevelOptions), typeof(TracingOptions) }
            .SelectMany(t => t.GetProperties().Select(p => p.Name));

        foreach (var name in properties)
        {
            source.ShouldContain($"(\"{name}\",", customMessage: $"ConfigurationSchema lacks '{name}'");
        }
    }
}
