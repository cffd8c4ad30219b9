using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLogging.Analyzers.CodeFixes;

/// <summary>PERF001: swap a warning threshold that is above the critical one on the same attribute.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapThresholdsCodeFix)), Shared]
public sealed class SwapThresholdsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF001"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics.Where(d => d.Properties.TryGetValue(FixProperties.Fix, out var fix) && fix == FixProperties.Swap))
        {
            var attribute = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>();
            var warning = Named(attribute, "ThresholdWarning");
            var critical = Named(attribute, "ThresholdCritical");
            if (root is null || warning is null || critical is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Swap the warning and critical thresholds",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(
                        [warning.Expression, critical.Expression],
                        (original, _) => original == warning.Expression ? critical.Expression.WithTriviaFrom(original) : warning.Expression.WithTriviaFrom(original)))),
                    nameof(SwapThresholdsCodeFix)),
                diagnostic);
        }
    }

    private static AttributeArgumentSyntax? Named(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}

/// <summary>PERF002: replace an unknown profile with the known one it most likely meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKnownProfileCodeFix)), Shared]
public sealed class UseKnownProfileCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF002"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Suggestion, out var suggestion) || suggestion is null)
            {
                continue;
            }

            var literal = root?.FindNode(diagnostic.Location.SourceSpan).DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
            if (root is null || literal is null)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use profile '{suggestion}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    nameof(UseKnownProfileCodeFix)),
                diagnostic);
        }
    }
}

/// <summary>PERF009: mark a secret-looking parameter [NotLogged].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNotLoggedCodeFix)), Shared]
public sealed class AddNotLoggedCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF009"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var parameter = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>();
            if (root is null || parameter is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark '{parameter.Identifier.ValueText}' [NotLogged]",
                    cancellation => AddAttributeAsync(context.Document, root, parameter, cancellation),
                    nameof(AddNotLoggedCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> AddAttributeAsync(Document document, SyntaxNode root, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var imported = root is CompilationUnitSyntax unit && unit.DescendantNodesAndSelf().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == "PerfLogging");
        var name = SyntaxFactory.ParseName(imported ? "NotLogged" : "PerfLogging.NotLogged");
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)))
            .WithTrailingTrivia(SyntaxFactory.Space);
        var updated = parameter.WithoutLeadingTrivia().AddAttributeLists(list).WithLeadingTrivia(parameter.GetLeadingTrivia());
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(parameter, updated)));
    }
}

/// <summary>PERF005: remove the performance attribute from a member that cannot be woven.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAttributeCodeFix)), Shared]
public sealed class RemoveAttributeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF005"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var attribute = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>();
            if (root is null || attribute?.Parent is not AttributeListSyntax list)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the performance attribute",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(list.Attributes.Count == 1
                        ? root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!
                        : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute))))),
                    nameof(RemoveAttributeCodeFix)),
                diagnostic);
        }
    }
}
