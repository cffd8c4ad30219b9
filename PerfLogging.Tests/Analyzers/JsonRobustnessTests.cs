using PerfLogging.Configuration;
using Microsoft.Extensions.Configuration;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLogging.Analyzers;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// Property tests over generated and mutated files: the analyzer never crashes (no AD0001), and it reports PERF004
/// exactly when the configuration loader (System.Text.Json with comments and trailing commas, unique keys) refuses the file.
/// </summary>
public class JsonRobustnessTests
{
    private static readonly Compilation Compilation = AnalyzerRunner.Compile("class S { }");

    private static readonly string Seed = File.ReadAllText(Path.Combine(Repository.Root, "perflogging.json"));

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "//", "/*", "*/", "\n", " ", "\t", "-", ".", "e", "0", "01", "1e", "-0.5",
        "true", "tru", "null", "\"Thresholds\"", "\"WarningSeconds\"", "\"PerformanceLogging\"", "\"Profiles\"", "NaN",
        "\u0001", "\u00e9", "\uFEFF", "\\u12", "\\u00e9", "1.", "Infinity", "{}", "[]", "\"\"", "\"a\":1",
    ];

    [Test]
    public void Mutated_configuration_files_never_crash_the_analyzer_and_PERF004_matches_the_loader([Range(0, 7)] int batch)
    {
        var random = new Random(1000 + batch);
        for (var i = 0; i < 250; i++)
        {
            Check(Mutate(Seed, random));
        }
    }

    [Test]
    public void Generated_files_never_crash_the_analyzer_and_PERF004_matches_the_loader([Range(0, 3)] int batch)
    {
        var random = new Random(2000 + batch);
        for (var i = 0; i < 250; i++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(1, 30);
            for (var p = 0; p < pieces; p++)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            Check(text.ToString());
        }
    }

    [Test]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        Diagnose(deep).ShouldHaveSingleItem().Id.ShouldBe("PERF004");
    }

    private static void Check(string text)
    {
        var diagnostics = Diagnose(text);
        diagnostics.Where(d => d.Id == "AD0001").ShouldBeEmpty(text);
        var malformed = diagnostics.Any(d => d.Id == "PERF004");
        malformed.ShouldBe(!LoaderAccepts(text), $"PERF004 disagrees with the loader for: {text}");
        foreach (var diagnostic in diagnostics)
        {
            diagnostic.Location.GetLineSpan().Path.ShouldBe("perflogging.json");
            diagnostic.Location.SourceSpan.End.ShouldBeLessThanOrEqualTo(text.Length);
        }
    }

    private static IReadOnlyList<Diagnostic> Diagnose(string text)
    {
        var file = new AnalyzerRunner.InMemoryText("perflogging.json", text);
        var crashes = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([file]), (ex, _, _) => crashes.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var result = Compilation.WithAnalyzers([new PerformanceAnalyzer()], options).GetAnalysisResultAsync(file, CancellationToken.None).GetAwaiter().GetResult();
        crashes.ShouldBeEmpty(text);
        return result.GetAllDiagnostics();
    }

    /// <summary>Whether the real configuration loader (as the host adds perflogging.json) reads the file.</summary>
    private static bool LoaderAccepts(string text)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", text);
        try
        {
            new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(random.Next(1, 6), chars.Length - at));
                    break;
                case 1:
                    chars.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    chars[at] = (char)random.Next(0, 128);
                    break;
                default:
                    chars.Length = at;
                    break;
            }
        }

        return chars.ToString();
    }
}
