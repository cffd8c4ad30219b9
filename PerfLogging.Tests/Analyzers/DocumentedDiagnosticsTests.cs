using System.Text.RegularExpressions;
using PerfLogging.Tests.Support;
using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Analyzers;

/// <summary>
/// docs/diagnostics.md shows real output: every example (a C# or JSON block followed by the build's line) is run
/// through the analyzer, and the line it prints must be the one the page shows.
/// </summary>
public class DocumentedDiagnosticsTests
{
    private static readonly Regex Block = new(@"```(?<lang>csharp|json)\n(?<code>.*?)```\s*```text\n(?<out>.*?)\n```", RegexOptions.Singleline);
    private static readonly Regex Line = new(@"^(?<file>[\w.]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>PERF\d{3}): ");

    public static IEnumerable<TestCaseData> Examples()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match example in Block.Matches(page))
        {
            var expected = example.Groups["out"].Value.Trim();
            var id = Line.Match(expected) is { Success: true } line ? line.Groups["id"].Value : "?";
            yield return new TestCaseData(example.Groups["lang"].Value, example.Groups["code"].Value, expected).SetName($"{id} example: {Shorten(expected)}");
        }
    }

    [Test]
    public void Every_example_of_the_page_is_checked() => Examples().Count().ShouldBeGreaterThanOrEqualTo(12);

    [TestCaseSource(nameof(Examples))]
    public void The_documented_line_is_what_the_build_prints(string language, string code, string expected)
    {
        var line = Line.Match(expected);
        line.Success.ShouldBeTrue($"the example's output must be a whole build line: {expected}");
        var file = line.Groups["file"].Value;

        var diagnostics = language == "json"
            ? Run("class Plain { }", (file, code))
            : RunFile(file, code);

        diagnostics.Select(Format).ShouldContain(expected, string.Join("\n", diagnostics.Select(Format)));
    }

    private static string Format(Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        $"{diagnostic.Where()}: {(diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? "error" : "warning")} {diagnostic.Id}: {diagnostic.GetMessage()}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60];
}
