using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Tests.Configuration;

public class ValidationRulesTests
{
    private static List<RuleViolation> Validate(Action<PerformanceLoggingOptions> change)
    {
        var options = new PerformanceLoggingOptions();
        change(options);
        return PerformanceLoggingOptionsValidator.Collect(options);
    }

    [Test]
    public void Default_options_are_valid() => Validate(_ => { }).ShouldBeEmpty();

    [TestCase(-0.5, "'Thresholds:WarningSeconds' is -0.5 s: a threshold cannot be negative. Set it to 0 or more seconds.")]
    [TestCase(double.NaN, "'Thresholds:WarningSeconds' is NaN: a threshold must be a finite number of seconds. Set it to a number of seconds, 0 or more.")]
    [TestCase(double.PositiveInfinity, "'Thresholds:WarningSeconds' is Infinity: a threshold must be a finite number of seconds. Set it to a number of seconds, 0 or more.")]
    public void A_warning_threshold_that_is_not_finite_and_non_negative_is_rejected(double value, string message)
    {
        var violations = Validate(o => o.Thresholds.WarningSeconds = value);

        violations.Select(v => v.Message).ShouldBe([message]);
        violations[0].Path.ShouldBe("Thresholds:WarningSeconds");
    }

    [TestCase(0.0)]
    [TestCase(0.001)]
    [TestCase(5.0)]
    public void A_finite_non_negative_warning_threshold_up_to_critical_is_accepted(double value) =>
        Validate(o => o.Thresholds.WarningSeconds = value).ShouldBeEmpty();

    [Test]
    public void A_warning_threshold_above_the_critical_one_is_rejected()
    {
        var violations = Validate(o => o.Thresholds.WarningSeconds = 6);

        violations.Single().Rule.ShouldBe(PerformanceLoggingRules.ThresholdOrder);
        violations.Single().Message.ShouldBe(
            "'Thresholds:WarningSeconds' (6 s) is above 'Thresholds:CriticalSeconds' (5 s): a call must reach the warning " +
            "threshold before the critical one. Make the warning threshold the smaller one.");
    }

    [Test]
    public void A_profile_with_warning_above_critical_is_rejected_with_its_key_path()
    {
        var violations = Validate(o => o.Profiles["api"] = new ProfileOptions { WarningSeconds = 3, CriticalSeconds = 2 });

        violations.Single().Path.ShouldBe("Profiles:api:WarningSeconds");
        violations.Single().Message.ShouldStartWith("'Profiles:api:WarningSeconds' (3 s) is above 'Profiles:api:CriticalSeconds' (2 s)");
    }

    [Test]
    public void A_negative_profile_threshold_is_rejected()
    {
        var violations = Validate(o => o.Profiles["fast"].CriticalSeconds = -1);

        violations.Select(v => v.Path).ShouldBe(["Profiles:fast:CriticalSeconds"]);
    }

    [Test]
    public void An_operation_with_warning_above_critical_is_rejected()
    {
        var violations = Validate(o => o.Operations["checkout"] = new OperationOptions { WarningSeconds = 3, CriticalSeconds = 1 });

        violations.Select(v => v.Path).ShouldBe(["Operations:checkout:WarningSeconds"]);
    }

    [Test]
    public void An_operation_with_only_one_threshold_is_accepted() =>
        Validate(o => o.Operations["checkout"] = new OperationOptions { WarningSeconds = 30 }).ShouldBeEmpty();

    [Test]
    public void A_negative_operation_threshold_is_rejected() =>
        Validate(o => o.Operations["checkout"] = new OperationOptions { CriticalSeconds = -2 })
            .Select(v => v.Path).ShouldBe(["Operations:checkout:CriticalSeconds"]);

    [Test]
    public void A_memory_warning_above_the_memory_critical_is_rejected_in_megabytes()
    {
        var violations = Validate(o => o.Thresholds.MemoryWarningMb = 600);

        violations.Single().Message.ShouldStartWith("'Thresholds:MemoryWarningMb' (600 MB) is above 'Thresholds:MemoryCriticalMb' (500 MB)");
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_length_limit_that_is_not_positive_is_rejected(int value)
    {
        var violations = Validate(o => o.Metrics.MaxArgLength = value);

        violations.Single().Message.ShouldBe(
            $"'Metrics:MaxArgLength' is {value}: a length limit must be a positive number of characters. Set it to 1 or more (the default is 200).");
    }

    [Test]
    public void A_positive_length_limit_is_accepted() => Validate(o => o.Metrics.MaxResultLength = 1).ShouldBeEmpty();

    [Test]
    public void An_unknown_level_name_is_rejected_with_a_suggestion()
    {
        var violations = Validate(o => o.LogLevels.Warning = "Warn");

        violations.Single().Message.ShouldBe(
            "'LogLevels:Warning' is 'Warn': not a log level. Did you mean 'Warning'? Use one of Trace, Debug, Information, Warning, Error, Critical, None.");
    }

    [TestCase("information")]
    [TestCase("NONE")]
    [TestCase("Debug")]
    public void Level_names_are_accepted_in_any_case(string level) => Validate(o => o.LogLevels.Success = level).ShouldBeEmpty();

    [Test]
    public void An_empty_operation_field_is_rejected() =>
        Validate(o => o.OperationField = " ").Single().Message.ShouldBe(
            "'OperationField' is empty: log fields need a name. Set it to a non-empty name (the default is 'operation').");

    [Test]
    public void Every_problem_is_reported_at_once_under_one_header()
    {
        var options = new PerformanceLoggingOptions();
        options.Thresholds.WarningSeconds = 6;
        options.Profiles["api"] = new ProfileOptions { WarningSeconds = -1, CriticalSeconds = 2 };
        options.LogLevels.Critical = "Fatal";

        var result = new PerformanceLoggingOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldBe(string.Join(
            Environment.NewLine,
            "PerformanceLoggingOptions is invalid (3 problems):",
            "  - 'Thresholds:WarningSeconds' (6 s) is above 'Thresholds:CriticalSeconds' (5 s): a call must reach the warning threshold before the critical one. Make the warning threshold the smaller one.",
            "  - 'Profiles:api:WarningSeconds' is -1 s: a threshold cannot be negative. Set it to 0 or more seconds.",
            "  - 'LogLevels:Critical' is 'Fatal': not a log level. Use one of Trace, Debug, Information, Warning, Error, Critical, None."));
    }

    [TestCase("apiKey", true)]
    [TestCase("api_key", true)]
    [TestCase("userPassword", true)]
    [TestCase("accessToken", true)]
    [TestCase("pin", true)]
    [TestCase("mapping", false)]
    [TestCase("orderId", false)]
    public void Secret_looking_names_are_recognised(string name, bool secret) =>
        PerformanceLoggingRules.LooksSecret(name).ShouldBe(secret);
}
