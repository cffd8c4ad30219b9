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
    private const int Cases = 1500;

    [Test]
    public void The_build_fails_exactly_when_the_host_would_refuse_the_configuration_and_says_the_same()
    {
        var random = new Random(20261130);
        var mismatches = new List<string>();
        using var folder = new TempDirectory();
        for (var i = 0; i < Cases && mismatches.Count < 10; i++)
        {
            var files = Generate(random);
            var runtime = Runtime(folder, files);
            var analyzer = Run("class Plain { }", files);
            var errors = analyzer.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var built = errors.Select(e => Unmerged(e.GetMessage())).Order(StringComparer.Ordinal).ToList();
            if (runtime.Count > 0 != errors.Count > 0 || !runtime.Order(StringComparer.Ordinal).SequenceEqual(built))
            {
                mismatches.Add(
                    $"case {i}: host {(runtime.Count > 0 ? "refuses: " + string.Join(" | ", runtime) : "starts")}; " +
                    $"build {(errors.Count > 0 ? "fails: " + string.Join(" | ", errors.Select(e => e.GetMessage())) : "passes")}\n" +
                    string.Join("\n", files.Select(f => $"  {f.Path}: {f.Text}")));
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }

    /// <summary>The rule's message without the analyzer's note on which file each value comes from.</summary>
    private static string Unmerged(string message)
    {
        var note = message.IndexOf(" The files are merged:", StringComparison.Ordinal);
        return note < 0 ? message : message[..note];
    }

    /// <summary>The problems the README's host reports at start for these files (Production), none when it starts.</summary>
    private static List<string> Runtime(TempDirectory folder, (string Path, string Text)[] files)
    {
        foreach (var name in new[] { "appsettings.json", "perflogging.json" })
        {
            File.Delete(Path.Combine(folder.Path, name));
        }

        foreach (var (path, text) in files)
        {
            folder.Write(path, text);
        }

        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(folder.Path, "appsettings.json"), optional: true)
                .AddPerformanceLoggingJsonFile(Path.Combine(folder.Path, "perflogging.json"), optional: true)
                .Build();
            var options = new PerformanceLoggingOptions();
            PerformanceLoggingConfiguration.Bind(configuration, options);
            return PerformanceLoggingOptionsValidator.Collect(options).Select(v => v.Message).ToList();
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures.SelectMany(f => f.Split('\n')).Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..].TrimEnd())];
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or InvalidOperationException)
        {
            return [ex.Message];
        }
    }

    private static (string Path, string Text)[] Generate(Random random)
    {
        var files = new List<(string, string)>();
        if (random.Next(3) > 0)
        {
            files.Add(("perflogging.json", random.Next(2) == 0 ? Options(random) : $$"""{ "{{Key(random, "PerformanceLogging")}}": {{Options(random)}} }"""));
        }

        if (files.Count == 0 || random.Next(2) == 0)
        {
            files.Add(("appsettings.json", $$"""{ "Logging": { "LogLevel": { "Default": "Information" } }, "{{Key(random, "PerformanceLogging")}}": {{Options(random)}} }"""));
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
