using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PerfLogging.Analyzers;
using PerfLogging.Analyzers.CodeFixes;

namespace PerfLogging.Tests.Analyzers;

/// <summary>Each code fix applied to a snippet: the exact resulting source, which compiles without the diagnostic.</summary>
public class CodeFixTests
{
    private static async Task<string> ApplyAsync(CodeFixProvider fix, string id, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Snippet", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences([.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PerformanceLoggingAttribute).Assembly.Location)]);
        var document = project.AddDocument("Test.cs", SourceText.From(source));

        var diagnostic = (await DiagnosticsAsync(document.Project)).Single(d => d.Id == id);
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions.ShouldHaveSingleItem().GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;

        var remaining = await DiagnosticsAsync(changed.Project);
        remaining.ShouldNotContain(d => d.Id == id);
        var compilation = await changed.Project.GetCompilationAsync();
        compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return (await changed.GetTextAsync()).ToString();
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        return await compilation!.WithAnalyzers([new PerformanceAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Test]
    public async Task PERF001_swaps_warning_and_critical() =>
        (await ApplyAsync(new SwapThresholdsCodeFix(), "PERF001", """
            using PerfLogging;
            class S { [PerformanceLogging(ThresholdWarning = 5, ThresholdCritical = 1)] void M() { } }
            """)).ShouldBe("""
            using PerfLogging;
            class S { [PerformanceLogging(ThresholdWarning = 1, ThresholdCritical = 5)] void M() { } }
            """);

    [Test]
    public async Task PERF001_offers_no_swap_when_the_critical_threshold_is_inherited()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Snippet", LanguageNames.CSharp)
            .WithMetadataReferences([.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PerformanceLoggingAttribute).Assembly.Location)]);
        var document = project.AddDocument("Test.cs", "using PerfLogging; class S { [PerformanceProfile(\"fast\", ThresholdWarning = 2)] void M() { } }");
        var diagnostic = (await DiagnosticsAsync(document.Project)).Single(d => d.Id == "PERF001");
        var actions = new List<CodeAction>();

        await new SwapThresholdsCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        actions.ShouldBeEmpty();
    }

    [Test]
    public async Task PERF002_replaces_the_profile_with_the_suggestion() =>
        (await ApplyAsync(new UseKnownProfileCodeFix(), "PERF002", """
            using PerfLogging;
            class S
            {
                [PerformanceProfile("fats")] void A() { }
            }
            """)).ShouldBe("""
            using PerfLogging;
            class S
            {
                [PerformanceProfile("fast")] void A() { }
            }
            """);

    [Test]
    public async Task PERF002_replaces_a_named_Profile_argument_too() =>
        (await ApplyAsync(new UseKnownProfileCodeFix(), "PERF002", """
            using PerfLogging;
            class S { [PerformanceLogging(Profile = "slo", IncludeArgs = true)] void A() { } }
            """)).ShouldBe("""
            using PerfLogging;
            class S { [PerformanceLogging(Profile = "slow", IncludeArgs = true)] void A() { } }
            """);

    [Test]
    public async Task PERF009_marks_the_parameter_NotLogged() =>
        (await ApplyAsync(new AddNotLoggedCodeFix(), "PERF009", """
            using PerfLogging;
            class S { [PerformanceLogging(IncludeArgs = true)] void Login(string user, string password) { } }
            """)).ShouldBe("""
            using PerfLogging;
            class S { [PerformanceLogging(IncludeArgs = true)] void Login(string user, [NotLogged] string password) { } }
            """);

    [Test]
    public async Task PERF009_qualifies_the_attribute_when_PerfLogging_is_not_imported() =>
        (await ApplyAsync(new AddNotLoggedCodeFix(), "PERF009", """
            class S { [PerfLogging.PerformanceLogging(IncludeArgs = true)] void Login(string apiKey) { } }
            """)).ShouldBe("""
            class S { [PerfLogging.PerformanceLogging(IncludeArgs = true)] void Login([PerfLogging.NotLogged] string apiKey) { } }
            """);

    [Test]
    public async Task PERF005_removes_the_attribute_from_an_ineligible_target() =>
        (await ApplyAsync(new RemoveAttributeCodeFix(), "PERF005", """
            using PerfLogging;
            abstract class S
            {
                [PerformanceLogging]
                public abstract void Run();
            }
            """)).ShouldBe("""
            using PerfLogging;
            abstract class S
            {
                public abstract void Run();
            }
            """);

    [Test]
    public async Task PERF005_keeps_other_attributes_of_the_same_list() =>
        (await ApplyAsync(new RemoveAttributeCodeFix(), "PERF005", """
            using System;
            using PerfLogging;
            abstract class S { [Obsolete, PerformanceLogging] public abstract void Run(); }
            """)).ShouldBe("""
            using System;
            using PerfLogging;
            abstract class S { [Obsolete] public abstract void Run(); }
            """);
}
