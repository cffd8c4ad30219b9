using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PerfLogging.Analyzers;

namespace PerfLogging.Tests.Analyzers;

/// <summary>Runs the analyzer over a C# snippet and JSON additional files, in memory, offline.</summary>
internal static class AnalyzerRunner
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(PerformanceLoggingAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compile(string source, string path = "Test.cs") =>
        CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: path)],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

    /// <summary>The PERF diagnostics, sorted by position; fails on compiler errors and on analyzer crashes (AD0001).</summary>
    public static IReadOnlyList<Diagnostic> Run(string source, params (string Path, string Text)[] files) =>
        Run(source, new Dictionary<string, string>(), files);

    /// <summary>As <see cref="Run(string, ValueTuple{string, string}[])"/>, with MSBuild properties the analyzer sees (<c>build_property.*</c>).</summary>
    public static IReadOnlyList<Diagnostic> Run(string source, IReadOnlyDictionary<string, string> properties, params (string Path, string Text)[] files) =>
        Run(Compile(source), properties, files);

    /// <summary>As <see cref="Run(string, ValueTuple{string, string}[])"/>, for a source file of that name.</summary>
    public static IReadOnlyList<Diagnostic> RunFile(string path, string source, params (string Path, string Text)[] files) =>
        Run(Compile(source, path), new Dictionary<string, string>(), files);

    private static IReadOnlyList<Diagnostic> Run(CSharpCompilation compilation, IReadOnlyDictionary<string, string> properties, (string Path, string Text)[] files)
    {
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty("the snippet must compile");
        var options = new AnalyzerOptions(
            [.. files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text))],
            new GlobalOptionsProvider(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value)));
        var diagnostics = compilation
            .WithAnalyzers([new PerformanceAnalyzer()], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        diagnostics.Where(d => d.Id == "AD0001").ShouldBeEmpty();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary><c>file(line,column)</c> with 1-based numbers, as the build prints it.</summary>
    public static string Where(this Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static string At(string file, string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{marker}' is not in the snippet");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return $"{file}({line},{column})";
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
