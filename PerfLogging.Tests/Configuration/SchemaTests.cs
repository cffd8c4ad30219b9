using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Configuration;

/// <summary>perflogging.schema.json stays in step with the options model and accepts the shipped perflogging.json.</summary>
public class SchemaTests
{
    /// <summary>The schema, loaded once: JsonSchema.Net registers a loaded schema by its id for the whole process.</summary>
    internal static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(Repository.Root, "perflogging.schema.json"));

    private static readonly JsonNode SchemaDocument = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "perflogging.schema.json")))!;

    private static EvaluationResults Evaluate(string json) =>
        Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Test]
    public void The_shipped_perflogging_json_is_valid_against_the_schema() =>
        Evaluate(File.ReadAllText(Path.Combine(Repository.Root, "perflogging.json"))).IsValid.ShouldBeTrue();

    [TestCase("""{ "Thresholds": { "WarningSeconds": 0.5 } }""")]
    [TestCase("""{ "PerformanceLogging": { "Profiles": { "api": { "WarningSeconds": 0.05, "CriticalSeconds": 0.2 } } } }""")]
    [TestCase("""{ "Operations": { "checkout": { "Enabled": false } }, "LogLevels": { "Success": "Debug" } }""")]
    public void Valid_files_in_both_shapes_pass(string json) => Evaluate(json).IsValid.ShouldBeTrue();

    [TestCase("""{ "Thresholds": { "WarningSeconds": -1 } }""")]
    [TestCase("""{ "Thresholds": { "WarnSeconds": 1 } }""")]
    [TestCase("""{ "LogLevels": { "Success": "Info" } }""")]
    [TestCase("""{ "Metrics": { "MaxArgLength": 0 } }""")]
    [TestCase("""{ "PerformanceLogging": { "Enabled": "yes" } }""")]
    public void Invalid_values_and_unknown_keys_fail(string json) => Evaluate(json).IsValid.ShouldBeFalse();

    [Test]
    public void Every_option_property_appears_in_the_schema_with_its_default()
    {
        var options = SchemaDocument["definitions"]!["options"]!["properties"]!;
        AssertSection(options, typeof(PerformanceLoggingOptions), new PerformanceLoggingOptions());
        AssertSection(options["Thresholds"]!["properties"]!, typeof(ThresholdOptions), new ThresholdOptions());
        AssertSection(options["Metrics"]!["properties"]!, typeof(MetricsOptions), new MetricsOptions());
        AssertSection(options["LogLevels"]!["properties"]!, typeof(LogLevelOptions), new LogLevelOptions());
        AssertSection(options["Tracing"]!["properties"]!, typeof(TracingOptions), new TracingOptions());
        AssertSection(SchemaDocument["definitions"]!["profile"]!["properties"]!, typeof(ProfileOptions), null);
        AssertSection(SchemaDocument["definitions"]!["operation"]!["properties"]!, typeof(OperationOptions), null);
    }

    private static void AssertSection(JsonNode properties, Type type, object? defaults)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var entry = properties[property.Name];
            entry.ShouldNotBeNull($"perflogging.schema.json lacks '{type.Name}.{property.Name}'");
            var value = defaults is null ? null : property.GetValue(defaults);
            if (value is double number && entry["default"] is { } numericDefault)
            {
                numericDefault.GetValue<double>().ShouldBe(number, $"default of {type.Name}.{property.Name}");
            }
            else if (value is bool or int or string && entry["default"] is { } schemaDefault)
            {
                schemaDefault.ToJsonString().ShouldBe(System.Text.Json.JsonSerializer.Serialize(value), $"default of {type.Name}.{property.Name}");
            }
            else if (value is bool or int or string)
            {
                Assert.Fail($"perflogging.schema.json gives no default for '{type.Name}.{property.Name}'");
            }
        }
    }
}
