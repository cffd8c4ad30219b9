using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;
using static PerfLogging.Tests.Support.ParityHarness;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// The analyzer judges the configuration the application runs with: each environment's files layered in the host's
/// order and merged key by key. Every case also loads the same files the way the README's host does, and the two
/// verdicts must agree.
/// </summary>
public class LayeringTests
{
    private const string Source = "using PerfLogging; class S { [PerformanceLogging] void M() { } }";

    [Test]
    public void A_warning_threshold_in_one_file_above_a_critical_one_in_another_fails_both()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Thresholds": { "CriticalSeconds": 2 } } }"""),
            ("perflogging.json", """{ "Thresholds": { "WarningSeconds": 3 } }"""),
        ];

        Should.Throw<OptionsValidationException>(() => Load("Production", files)).Message.ShouldContain("'Thresholds:WarningSeconds' (3 s) is above 'Thresholds:CriticalSeconds' (2 s)");
        var diagnostic = Run("class Plain { }", files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF003");
        diagnostic.Where().ShouldBe("perflogging.json(1,37)");
        diagnostic.GetMessage().ShouldStartWith("'Thresholds:WarningSeconds' (3 s) is above 'Thresholds:CriticalSeconds' (2 s)");
        diagnostic.GetMessage().ShouldEndWith(
            "The files are merged: 'Thresholds:WarningSeconds' comes from perflogging.json, 'Thresholds:CriticalSeconds' comes from appsettings.json.");
    }

    [Test]
    public void Perflogging_json_is_loaded_last_and_wins_over_appsettings()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Profiles": { "api": { "WarningSeconds": 0.1, "CriticalSeconds": 0.3 } } } }"""),
            ("perflogging.json", """{ "Profiles": { "api": { "CriticalSeconds": 3 } } }"""),
        ];
        const string source = "using PerfLogging; class S { [PerformanceProfile(\"api\", ThresholdWarning = 1)] void M() { } }";

        Load("Production", files).Profiles["api"].CriticalSeconds.ShouldBe(3);
        Run(source, files).ShouldBeEmpty();
    }

    [Test]
    public void A_profile_is_merged_key_by_key_across_files()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Profiles": { "api": { "WarningSeconds": 0.1, "CriticalSeconds": 0.2 } } } }"""),
            ("perflogging.json", """{ "Profiles": { "api": { "WarningSeconds": 0.5 } } }"""),
        ];

        Should.Throw<OptionsValidationException>(() => Load("Production", files)).Message.ShouldContain("'Profiles:api:WarningSeconds' (0.5 s) is above 'Profiles:api:CriticalSeconds' (0.2 s)");
        var diagnostic = Run(Source, files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF003");
        diagnostic.Where().ShouldBe("perflogging.json(1,44)");
        diagnostic.GetMessage().ShouldContain("'Profiles:api:WarningSeconds' comes from perflogging.json, 'Profiles:api:CriticalSeconds' comes from appsettings.json.");
    }

    [Test]
    public void A_profile_defined_for_one_environment_only_is_unknown_in_the_others_and_the_message_names_them()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { } }"""),
            ("appsettings.Production.json", """{ "PerformanceLogging": { "Profiles": { "checkout": { "WarningSeconds": 1, "CriticalSeconds": 3 } } } }"""),
            ("appsettings.Development.json", """{ "PerformanceLogging": { "Enabled": true } }"""),
        ];
        const string source = "using PerfLogging; class S { [PerformanceProfile(\"checkout\")] void M() { } }";

        Load("Production", files).Profiles.ShouldContainKey("checkout");
        Load("Development", files).Profiles.ShouldNotContainKey("checkout");
        var diagnostic = Run(source, files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF002");
        diagnostic.GetMessage().ShouldStartWith("Profile 'checkout' on 'S.M' is not defined.");
        diagnostic.GetMessage().ShouldEndWith("(In environment 'Development' (appsettings.json, appsettings.Development.json).)");
    }

    [Test]
    public void Environments_are_not_merged_with_each_other()
    {
        (string, string)[] files =
        [
            ("appsettings.Development.json", """{ "PerformanceLogging": { "Thresholds": { "WarningSeconds": 4 } } }"""),
            ("appsettings.Staging.json", """{ "PerformanceLogging": { "Thresholds": { "CriticalSeconds": 3 } } }"""),
        ];

        Load("Development", files).Thresholds.WarningSeconds.ShouldBe(4);
        Load("Staging", files).Thresholds.CriticalSeconds.ShouldBe(3);
        Run(Source, files).ShouldBeEmpty();
    }

    [Test]
    public void A_null_in_a_later_file_hides_the_earlier_value_and_the_default_applies()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Thresholds": { "WarningSeconds": 2, "CriticalSeconds": 9 } } }"""),
            ("perflogging.json", """{ "Thresholds": { "WarningSeconds": null } }"""),
        ];
        const string source = "using PerfLogging; class S { [PerformanceLogging(ThresholdCritical = 1.5)] void M() { } }";

        Load("Production", files).Thresholds.WarningSeconds.ShouldBe(1);
        var diagnostics = Run(source, files);
        diagnostics.Select(d => d.Id).ShouldBe(["PERF008"]);
        diagnostics[0].GetMessage().ShouldStartWith("'Thresholds:WarningSeconds' in perflogging.json is null, which the configuration binder ignores: the option keeps its default");
    }

    [Test]
    public void A_null_string_option_is_refused_at_start_and_at_build_time()
    {
        (string, string)[] files = [("perflogging.json", """{ "LogLevels": { "Success": null } }""")];

        var error = Should.Throw<OptionsValidationException>(() => Load("Production", files));
        var diagnostic = Run(Source, files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF003");
        error.Message.ShouldContain(diagnostic.GetMessage());
    }

    [Test]
    public void A_project_can_declare_another_loading_order()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "PerformanceLogging": { "Profiles": { "api": { "WarningSeconds": 0.1, "CriticalSeconds": 0.3 } } } }"""),
            ("perflogging.json", """{ "Profiles": { "api": { "CriticalSeconds": 3 } } }"""),
        ];
        const string source = "using PerfLogging; class S { [PerformanceProfile(\"api\", ThresholdWarning = 1)] void M() { } }";
        var perfloggingFirst = new Dictionary<string, string> { ["PerfLoggingConfigurationOrder"] = "perflogging.json;appsettings.json;appsettings.{Environment}.json" };

        Run(source, files).ShouldBeEmpty();
        var diagnostic = Run(source, perfloggingFirst, files).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (1 s) is above 'Profiles:api:CriticalSeconds' (0.3 s) on 'S.M'");
    }

    [Test]
    public void An_object_key_written_twice_merges_as_the_loader_merges_it()
    {
        (string, string)[] files = [("perflogging.json", """{ "Thresholds": { "WarningSeconds": 1 }, "thresholds": { "CriticalSeconds": 2 } }""")];

        Load("Production", files).Thresholds.CriticalSeconds.ShouldBe(2);
        Run(Source, files).ShouldBeEmpty();
    }

    [TestCase("""{ "Operations": { "x": null }, "Operations:x": null }""")]
    [TestCase("""{ "Profiles": { "api": 1 }, "Profiles:api": 2 }""")]
    public void A_value_key_written_twice_makes_the_loader_refuse_the_file_and_is_PERF004(string json)
    {
        (string, string)[] files = [("perflogging.json", json)];

        Should.Throw<Exception>(() => Load("Production", files));
        Run(Source, files).Select(d => d.Id).ShouldContain("PERF004");
    }

    [Test]
    public void A_later_empty_object_replaces_a_value_as_in_the_loader()
    {
        (string, string)[] files = [("perflogging.json", """{ "Thresholds:WarningSeconds": 9, "Thresholds": { "WarningSeconds": {} } }""")];

        Load("Production", files).Thresholds.WarningSeconds.ShouldBe(1);
        Run(Source, files).Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }

    [Test]
    public void A_map_entry_name_with_a_colon_is_an_entry_and_a_key()
    {
        (string, string)[] defines = [("perflogging.json", """{ "Profiles": { "api:x": { "WarningSeconds": 3 } } }""")];
        (string, string)[] breaks = [("perflogging.json", """{ "Profiles": { "api:WarningSeconds": 9 } }""")];

        Load("Production", defines).Profiles.ShouldContainKey("api");
        Run("using PerfLogging; class S { [PerformanceProfile(\"api\")] void M() { } }", defines).Select(d => d.Id).ShouldNotContain("PERF002");
        var error = Should.Throw<OptionsValidationException>(() => Load("Production", breaks));
        var diagnostic = Run("class Plain { }", breaks).Single(d => d.Severity == DiagnosticSeverity.Error);
        error.Message.ShouldContain(diagnostic.GetMessage());
    }

    [Test]
    public void Options_at_the_root_of_an_application_configuration_are_not_read()
    {
        (string, string)[] files =
        [
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "Enabled": "on", "Metrics": { "MaxArgLength": "abc" } }"""),
            ("perflogging.json", """{ "$schema": "./perflogging.schema.json" }"""),
        ];

        Load("Production", files).Enabled.ShouldBeTrue();
        Run("class Plain { }", files).ShouldBeEmpty();
    }

    [Test]
    public void A_built_in_profile_in_another_case_is_named_as_the_host_names_it()
    {
        (string, string)[] files = [("perflogging.json", """{ "Profiles": { "FAST": { "WarningSeconds": 6 } } }""")];

        var error = Should.Throw<OptionsValidationException>(() => Load("Production", files));
        var diagnostic = Run("class Plain { }", files).ShouldHaveSingleItem();
        diagnostic.GetMessage().ShouldStartWith("'Profiles:fast:WarningSeconds'");
        error.Message.ShouldContain(diagnostic.GetMessage());
    }
}
