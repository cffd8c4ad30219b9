using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Configuration;

/// <summary>
/// The analyzer and the runtime loader read the same file the same way: what the binder rejects fails the build,
/// what it ignores is a warning, what it accepts is clean.
/// </summary>
public class BinderParityTests
{
    [TestCase("\"\"", 1.0)]
    [TestCase("null", 1.0)]
    [TestCase("\" 2\"", 2.0)]
    [TestCase("\"2.5e0\"", 2.5)]
    public void A_threshold_the_binder_accepts_or_ignores_does_not_fail_the_build(string value, double bound)
    {
        var json = $$"""{ "Thresholds": { "WarningSeconds": {{value}} } }""";

        Load(json).Thresholds.WarningSeconds.ShouldBe(bound);
        Analyze(json).Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }

    [TestCase("\" 64\"", 64)]
    [TestCase("\"+64\"", 64)]
    public void A_length_the_binder_accepts_is_clean(string value, int bound)
    {
        var json = $$"""{ "Metrics": { "MaxArgLength": {{value}} } }""";

        Load(json).Metrics.MaxArgLength.ShouldBe(bound);
        Analyze(json).ShouldBeEmpty();
    }

    [TestCase("\"0x10\"")]
    [TestCase("\"1,5\"")]
    [TestCase("\"16.5\"")]
    public void A_length_the_binder_rejects_fails_the_build_and_the_load(string value)
    {
        var json = $$"""{ "Metrics": { "MaxArgLength": {{value}} } }""";

        Should.Throw<OptionsValidationException>(() => Load(json));
        Analyze(json).ShouldHaveSingleItem().Id.ShouldBe("PERF003");
    }

    [Test]
    public void An_empty_string_for_a_number_or_switch_is_a_warning_that_it_is_ignored()
    {
        const string json = """{ "Enabled": "", "Thresholds": { "CriticalSeconds": "" } }""";

        var options = Load(json);
        var diagnostics = Analyze(json);

        options.Enabled.ShouldBeTrue();
        options.Thresholds.CriticalSeconds.ShouldBe(5);
        diagnostics.Select(d => (d.Id, d.Severity)).ShouldBe([("PERF008", DiagnosticSeverity.Warning), ("PERF008", DiagnosticSeverity.Warning)]);
        diagnostics[1].GetMessage().ShouldBe(
            "'Thresholds:CriticalSeconds' in perflogging.json is an empty string, which the configuration binder ignores: the option keeps its " +
            "default, and a value for it in a file loaded earlier is hidden. Remove the key, or write the value you mean.");
        diagnostics[1].Where().ShouldBe(At("perflogging.json", json, "\"\" }"));
    }

    [Test]
    public void A_lone_surrogate_fails_the_load_and_the_build()
    {
        const string json = """{ "ContextPrefix": "\uD800x" }""";

        Should.Throw<Exception>(() => Load(json));
        var diagnostic = Analyze(json).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("PERF004");
        diagnostic.GetMessage().ShouldContain("lone UTF-16 surrogate (0xD800)");
    }

    [Test]
    public void A_blank_profile_name_means_no_profile_on_both_sides()
    {
        Run("using PerfLogging; class S { [PerformanceProfile(\"\")] void M() { } }").ShouldBeEmpty();

        using var harness = new RuntimeHarness();
        var operation = OrderService.Describe(nameof(OrderService.Ship), new PerformanceProfileAttribute("")).Current;
        (operation.WarningSeconds, operation.CriticalSeconds).ShouldBe((1.0, 5.0));
        harness.Collector.GetSnapshot().ShouldNotContain(r => r.Category == PerfLogging.Diagnostics.SelfDiagnostics.Category);
    }

    [TestCase("[ 1 ]")]
    [TestCase("")]
    [TestCase("{ \"Enabled\": true, \"enabled\": false }")]
    public void A_file_the_loader_cannot_read_is_PERF004(string json)
    {
        Should.Throw<Exception>(() => Load(json));
        Analyze(json).ShouldHaveSingleItem().Id.ShouldBe("PERF004");
    }

    private static PerformanceLoggingOptions Load(string json)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", json);
        return PerformanceLoggingConfiguration.Load(new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build());
    }

    private static IReadOnlyList<Diagnostic> Analyze(string json) =>
        Run("using PerfLogging; class S { [PerformanceLogging] void M() { } }", ("perflogging.json", json));
}
