using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PerfLogging.Analyzers;

namespace PerfLogging.Benchmarks;

/// <summary>
/// What the analyzer adds to a build for a large configuration: a perflogging.json of about 5 MB (60,000
/// <c>Operations</c> entries) with a project of woven methods, analyzed the way the compiler runs it. Each invocation
/// changes the file's content, so nothing comes from the parse cache: this is the cost of a build after an edit.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int Entries = 60_000;

    private readonly PerformanceAnalyzer _analyzer = new();
    private CSharpCompilation _compilation = null!;
    private string _json = null!;
    private int _edit;

    [GlobalSetup]
    public void CreateProject()
    {
        var json = new StringBuilder("{ \"PerformanceLogging\": { \"Thresholds\": { \"WarningSeconds\": 1, \"CriticalSeconds\": 5 },\n  \"Operations\": {\n");
        for (var i = 0; i < Entries; i++)
        {
            json.Append("    \"Shop.Orders.Service").Append(i).Append(".Handle\": { \"Enabled\": true, \"WarningSeconds\": 0.5, \"CriticalSeconds\": 2 }")
                .Append(i + 1 < Entries ? ",\n" : "\n");
        }

        _json = json.Append("  }\n} }\n").ToString();
        var source = new StringBuilder("using PerfLogging;\nnamespace Shop.Orders;\n");
        for (var i = 0; i < 200; i++)
        {
            source.Append("public class Service").Append(i).Append(" { [PerformanceLogging(ThresholdWarning = 0.25)] public int Handle(int x) => x; }\n");
        }

        _compilation = CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(source.ToString())],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(typeof(PerformanceLoggingAttribute).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Megabytes of configuration analyzed per invocation.</summary>
    public double Megabytes => _json.Length / 1_048_576.0;

    /// <summary>The same project without a configuration file: what the analyzer costs anyway.</summary>
    [Benchmark(Baseline = true)]
    public int AnalyzeWithoutConfiguration() => Analyze([]);

    [Benchmark]
    public int AnalyzeFiveMegabyteConfiguration() => Analyze([new ConfigurationText("perflogging.json", _json + "// edit " + _edit++)]);

    private int Analyze(ImmutableArray<AdditionalText> files)
    {
        var options = new AnalyzerOptions(files);
        var diagnostics = _compilation
            .WithAnalyzers([_analyzer], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Length;
    }

    private sealed class ConfigurationText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
