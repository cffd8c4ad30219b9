using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Configuration;
using PerfLogging.Configuration;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Documentation;

/// <summary>
/// Every C# and JSON block of the README, the docs and the package READMEs is real. A C# block preceded by
/// <c>&lt;!-- snippet: path --&gt;</c> (or <c>path#region</c>) must be that file (or region) verbatim, and the build
/// compiles the file; any other C# block compiles on its own with the implicit usings of the worker SDK (of the web
/// SDK when it builds a <c>WebApplication</c>) and nothing else, so every namespace it needs beyond those is shown. A JSON block parses; a configuration block also passes
/// perflogging.schema.json and the runtime loader. docs/diagnostics.md is the exception for JSON: its blocks are the
/// wrong inputs the page explains, checked by <c>DocumentedDiagnosticsTests</c>.
/// </summary>
public class SnippetTests
{
    private static readonly Regex Fence = new(@"^(?<marker><!-- snippet: (?<source>[^ #]+)(#(?<region>[\w-]+))? -->\n)?```(?<lang>csharp|json)\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline);

    /// <summary>The implicit usings of a <c>Microsoft.NET.Sdk.Worker</c> project (what the host snippets assume).</summary>
    private const string WorkerUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    /// <summary>What a <c>Microsoft.NET.Sdk.Web</c> project imports besides: for snippets of a web app only.</summary>
    private const string WebUsings = """
        global using global::System.Net.Http.Json;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        """;

    /// <summary>The top-level keys of a perflogging.json without the PerformanceLogging wrapper.</summary>
    private static readonly HashSet<string> OptionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "$schema", "Enabled", "Thresholds", "Profiles", "Metrics", "LogLevels", "ContextPrefix", "OperationField", "AutoOperationNaming", "Tracing", "Operations",
    };

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (
                name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" ||
                (name.StartsWith("Microsoft.", StringComparison.Ordinal) && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)) ||
                name.StartsWith("OpenTelemetry", StringComparison.Ordinal) ||
                name is "PerfLogging.Aspects.dll" or "PerfLogging.Configuration.dll" or "PerfLogging.AspNetCore.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public sealed record Snippet(string File, int Line, string Language, string Code, string? Source, string? Region)
    {
        public override string ToString() => $"{File}({Line})";
    }

    /// <summary>README.md, docs/*.md and the README of every package.</summary>
    public static IEnumerable<string> Pages() =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(p => Path.GetRelativePath(Repository.Root, p)))
            .Concat(Directory.GetDirectories(Repository.Root, "PerfLogging.*")
                .SelectMany(project => new[] { Path.Combine(project, "README.md"), Path.Combine(project, "package", "README.md") })
                .Where(File.Exists)
                .Select(p => Path.GetRelativePath(Repository.Root, p)))
            .Select(p => p.Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<Snippet> Snippets() =>
        Pages().SelectMany(page =>
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);
            return Fence.Matches(text).Select(m => new Snippet(
                page,
                text.AsSpan(0, m.Groups["lang"].Index).Count('\n') + 1,
                m.Groups["lang"].Value,
                m.Groups["code"].Value,
                m.Groups["source"].Success ? m.Groups["source"].Value : null,
                m.Groups["region"].Success ? m.Groups["region"].Value : null));
        });

    public static IEnumerable<TestCaseData> CSharpSnippets() =>
        Snippets().Where(s => s.Language == "csharp").Select(s => new TestCaseData(s).SetName($"C# block at {s}"));

    public static IEnumerable<TestCaseData> JsonSnippets() =>
        Snippets().Where(s => s.Language == "json" && s.File != "docs/diagnostics.md").Select(s => new TestCaseData(s).SetName($"JSON block at {s}"));

    [Test]
    public void The_pages_have_the_blocks_they_are_known_to_have()
    {
        Pages().ShouldContain("PerfLogging.Fody/package/README.md");
        Pages().ShouldContain("PerfLogging.AspNetCore/README.md");
        CSharpSnippets().Count().ShouldBeGreaterThanOrEqualTo(24);
        JsonSnippets().Count().ShouldBeGreaterThanOrEqualTo(6);
        Snippets().Count(s => s.Source is not null).ShouldBeGreaterThanOrEqualTo(3);
    }

    [TestCaseSource(nameof(CSharpSnippets))]
    public void A_CSharp_block_compiles_or_is_the_file_it_quotes(Snippet snippet)
    {
        if (snippet.Source is not null)
        {
            snippet.Code.TrimEnd().ShouldBe(Quoted(snippet.Source, snippet.Region), $"{snippet} must be {snippet.Source} verbatim");
            return;
        }

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(snippet.Code, parse, path: snippet.ToString());
        var topLevel = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var web = snippet.Code.Contains("WebApplication", StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree, CSharpSyntaxTree.ParseText(WorkerUsings + (web ? WebUsings : string.Empty), parse)],
            References.Value,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        errors.ShouldBeEmpty($"{snippet} does not compile as copied:\n{snippet.Code}");
    }

    [TestCaseSource(nameof(JsonSnippets))]
    public void A_JSON_block_parses_and_a_configuration_block_is_valid(Snippet snippet)
    {
        using var document = JsonDocument.Parse(snippet.Code);
        var root = document.RootElement;
        var names = root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().Select(p => p.Name).ToList() : [];
        if (names.Count == 0 || !(names.Contains("PerformanceLogging") || names.All(OptionKeys.Contains)))
        {
            return;
        }

        var results = PerfLogging.Tests.Configuration.SchemaTests.Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        results.IsValid.ShouldBeTrue($"{snippet} is not valid against perflogging.schema.json:\n{snippet.Code}");

        using var folder = new TempDirectory();
        var file = folder.Write("perflogging.json", snippet.Code);
        var configuration = new ConfigurationBuilder().AddPerformanceLoggingJsonFile(file).Build();
        Should.NotThrow(() => PerformanceLoggingConfiguration.Load(configuration), $"{snippet} is refused by the runtime loader");
    }

    /// <summary>The file, or the lines between <c>#region name</c> and its <c>#endregion</c> without their common indent.</summary>
    private static string Quoted(string source, string? region)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, source)).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (region is null)
        {
            return text.TrimEnd();
        }

        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {region}");
        start.ShouldBeGreaterThanOrEqualTo(0, $"{source} has no #region {region}");
        var end = Array.FindIndex(lines, start, l => l.Trim() == "#endregion");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd();
    }
}
