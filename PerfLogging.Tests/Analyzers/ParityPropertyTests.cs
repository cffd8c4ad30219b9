using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// Parity, generated: random configuration trees (one or two files, nulls, empty strings, strings for numbers, case
/// variants, arrays and scalars where objects belong, unknown keys) go through the analyzer and through the real
/// loader (ConfigurationBuilder, the binder, the validator) of the README's host. The build fails exactly when the
/// host would refuse to start.
/// </summary>
public class ParityPropertyTests
{
    private const int Cases = 2000;

    [Test]
    public void The_build_fails_exactly_when_the_host_would_refuse_the_configuration_and_says_the_same()
    {
        var random = new Random(20261130);
        var mismatches = new List<string>();
        using var folder = new TempDirectory();
        for (var i = 0; i < Cases && mismatches.Count < 10; i++)
        {
            var files = Generate(random);
            var analyzer = Run("class Plain { }", files);
            foreach (var environment in new[] { "Production", "Development" })
            {
                var runtime = Runtime(folder, files, environment);
                var errors = analyzer
                    .Where(d => d.Severity == DiagnosticSeverity.Error && AppliesTo(d, environment))
                    .Select(d => d.GetMessage())
                    .Where(m => !m.Contains("(In environment '", StringComparison.Ordinal) || m.Contains($"(In environment '{environment}'", StringComparison.Ordinal))
                    .Select(Unmerged)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var agree = runtime.LoadError is { } loadError
                    ? errors.Count > 0 && analyzer.Any(d => d.Id == "PERF004" && AppliesTo(d, environment))
                    : runtime.Problems.Count > 0 == errors.Count > 0 && runtime.Problems.Order(StringComparer.Ordinal).SequenceEqual(errors);
                if (!agree)
                {
                    mismatches.Add(
                        $"case {i}, {environment}: host {(runtime.LoadError ?? (runtime.Problems.Count > 0 ? "refuses: " + string.Join(" | ", runtime.Problems) : "starts"))}; " +
                        $"build {(errors.Count > 0 ? "fails: " + string.Join(" | ", errors) : "passes")}\n" +
                        string.Join("\n", files.Select(f => $"  {f.Path}: {f.Text}")));
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }

    /// <summary>A diagnostic located in another environment's file is not about this one.</summary>
    private static bool AppliesTo(Diagnostic diagnostic, string environment)
    {
        var file = Path.GetFileName(diagnostic.Location.GetLineSpan().Path);
        return !file.StartsWith("appsettings.", StringComparison.Ordinal) || file == "appsettings.json" || file == $"appsettings.{environment}.json";
    }

    /// <summary>The rule's message without the analyzer's notes on which file each value comes from and which environment has it.</summary>
    private static string Unmerged(string message)
    {
        foreach (var note in new[] { " (In environment '", " The files are merged:" })
        {
            var at = message.IndexOf(note, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message;
    }

    /// <summary>
    /// What the README's host makes of these files in <paramref name="environment"/>: a file it cannot load, or the
    /// problems its start-up validation reports (none when it starts).
    /// </summary>
    private static (string? LoadError, List<string> Problems) Runtime(TempDirectory folder, (string Path, string Text)[] files, string environment)
    {
        foreach (var name in new[] { "appsettings.json", "appsettings.Development.json", "perflogging.json" })
        {
            File.Delete(Path.Combine(folder.Path, name));
        }

        foreach (var (path, text) in files)
        {
            folder.Write(path, text);
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(folder.Path, "appsettings.json"), optional: true)
                .AddJsonFile(Path.Combine(folder.Path, $"appsettings.{environment}.json"), optional: true)
                .AddPerformanceLoggingJsonFile(Path.Combine(folder.Path, "perflogging.json"), optional: true)
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            return (ex.Message, []);
        }

        try
        {
            var options = new PerformanceLoggingOptions();
            PerformanceLoggingConfiguration.Bind(configuration, options);
            return (null, PerformanceLoggingOptionsValidator.Collect(options).Select(v => v.Message).ToList());
        }
        catch (OptionsValidationException ex)
        {
            return (null, [.. ex.Failures.SelectMany(f => f.Split('\n')).Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..].TrimEnd())]);
        }
    }

    private static (string Path, string Text)[] Generate(Random random)
    {
        var files = new List<(string, string)>();
        if (random.Next(3) > 0)
        {
            var wrapper = Key(random, "PerformanceLogging");
            files.Add(("perflogging.json", random.Next(6) switch
            {
                0 or 1 or 2 => Options(random),
                3 => $$"""{ "{{wrapper}}": {{Options(random)}}, "Thresholds": { "WarningSeconds": 9 } }""",
                4 => $$"""{ "{{wrapper}}:Thresholds:CriticalSeconds": {{Seconds(random)}}, "Enabled": false }""",
                _ => $$"""{ "{{wrapper}}": {{Options(random)}} }""",
            }));
        }

        if (files.Count == 0 || random.Next(2) == 0)
        {
            var colon = random.Next(4) == 0 ? $$""", "PerformanceLogging:Thresholds:WarningSeconds": {{Seconds(random)}}""" : string.Empty;
            files.Add(("appsettings.json", $$"""{ "Logging": { "LogLevel": { "Default": "Information" } }, "{{Key(random, "PerformanceLogging")}}": {{Options(random)}}{{colon}} }"""));
        }

        if (random.Next(4) == 0)
        {
            files.Add(("appsettings.Development.json", $$"""{ "PerformanceLogging": {{Options(random)}} }"""));
        }

        return [.. files];
    }

    private static string Options(Random random)
    {
        var members = new List<string>();
        void Maybe(string key, Func<string> value)
        {
            if (random.Next(4) == 0)
            {
                members.Add($"\"{Key(random, key)}\": {value()}");
            }
        }

        Maybe("Enabled", () => Boolean(random));
        Maybe("Thresholds", () => Section(random, () => Object(random, ("WarningSeconds", () => Seconds(random)), ("CriticalSeconds", () => Seconds(random)), ("MemoryWarningMb", () => Seconds(random)), ("MemoryCriticalMb", () => Seconds(random)))));
        Maybe("Profiles", () => Section(random, () => Map(random, () => Object(random, ("WarningSeconds", () => Seconds(random)), ("CriticalSeconds", () => Seconds(random))))));
        Maybe("Metrics", () => Section(random, () => Object(random, ("IncludeFunctionArgs", () => Boolean(random)), ("MaxArgLength", () => Length(random)), ("MaxResultLength", () => Length(random)))));
        Maybe("LogLevels", () => Section(random, () => Object(random, ("Success", () => Level(random)), ("Warning", () => Level(random)), ("Critical", () => Level(random)), ("Error", () => Level(random)))));
        Maybe("ContextPrefix", () => Name(random));
        Maybe("OperationField", () => Name(random));
        Maybe("Operations", () => Section(random, () => Map(random, () => Object(random, ("Enabled", () => Boolean(random)), ("WarningSeconds", () => Seconds(random)), ("CriticalSeconds", () => Seconds(random))))));
        Maybe("Bogus", () => "1");
        if (random.Next(5) == 0)
        {
            members.Add($"\"{Key(random, "Thresholds")}:{Key(random, "CriticalSeconds")}\": {Seconds(random)}");
        }

        if (random.Next(6) == 0)
        {
            members.Add($"\"Profiles:api:{Key(random, "WarningSeconds")}\": {Seconds(random)}");
        }
        return "{ " + string.Join(", ", members) + " }";
    }

    private static string Object(Random random, params (string Key, Func<string> Value)[] keys)
    {
        var members = keys.Where(_ => random.Next(2) == 0).Select(k => $"\"{Key(random, k.Key)}\": {k.Value()}");
        return "{ " + string.Join(", ", members) + " }";
    }

    private static string Map(Random random, Func<string> entry)
    {
        var names = new[] { "api", "fast", "Checkout", "slow" };
        var members = names.Where(_ => random.Next(3) == 0).Select(n => $"\"{n}\": {Pick(random, entry, () => "null", () => "5", () => "[]")}");
        return "{ " + string.Join(", ", members) + " }";
    }

    private static string Section(Random random, Func<string> value) =>
        random.Next(8) switch
        {
            0 => "null",
            1 => "[ 1 ]",
            2 => "\"x\"",
            _ => value(),
        };

    private static string Seconds(Random random) =>
        Pick(random, () => "0.5", () => "2", () => "0", () => "-1", () => "7.5", () => "\"1.5\"", () => "\" 2\"", () => "\"0x10\"", () => "\"\"", () => "null", () => "\"abc\"", () => "true", () => "[ 1 ]", () => "1e400");

    private static string Boolean(Random random) =>
        Pick(random, () => "true", () => "false", () => "\"True\"", () => "\"false\"", () => "\"yes\"", () => "\"\"", () => "null", () => "1");

    private static string Length(Random random) =>
        Pick(random, () => "64", () => "0", () => "-5", () => "\"64\"", () => "\" 64\"", () => "\"0x10\"", () => "\"16.5\"", () => "\"\"", () => "null");

    private static string Level(Random random) =>
        Pick(random, () => "\"Debug\"", () => "\"information\"", () => "\"Fatal\"", () => "\"\"", () => "null", () => "\"None\"", () => "3");

    private static string Name(Random random) =>
        Pick(random, () => "\"p_\"", () => "\"\"", () => "null", () => "\"a b\"", () => "\"op\"");

    private static string Pick(Random random, params Func<string>[] choices) => choices[random.Next(choices.Length)]();

    /// <summary>Configuration keys are case-insensitive: the key in a random case.</summary>
    private static string Key(Random random, string key) =>
        random.Next(3) switch
        {
            0 => key.ToUpperInvariant(),
            1 => key.ToLowerInvariant(),
            _ => key,
        };
}
