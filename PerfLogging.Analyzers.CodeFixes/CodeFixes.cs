using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLogging.Analyzers.CodeFixes;

/// <summary>A fix that rewrites the document's syntax root for one diagnostic, or offers nothing when it does not apply.</summary>
public abstract class SyntaxFix : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            if (Fix(root, node, diagnostic) is { } fix)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, _ => Task.FromResult(document.WithSyntaxRoot(fix.Root)), GetType().Name),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixed root and the fix's title, or null when this diagnostic has no obvious fix.</summary>
    protected abstract (string Title, SyntaxNode Root)? Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic);
}

/// <summary>PERF001: swap a warning threshold that is above the critical one on the same attribute.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapThresholdsCodeFix)), Shared]
public sealed class SwapThresholdsCodeFix : SyntaxFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF001"];

    protected override (string Title, SyntaxNode Root)? Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
        var warning = Named(attribute, "ThresholdWarning")?.Expression;
        var critical = Named(attribute, "ThresholdCritical")?.Expression;
        if (!diagnostic.Properties.TryGetValue(FixProperties.Fix, out var fix) || fix != FixProperties.Swap || warning is null || critical is null)
        {
            return null;
        }

        return ("Swap the warning and critical thresholds", root.ReplaceNodes(
            [warning, critical],
            (original, _) => (original == warning ? critical : warning).WithTriviaFrom(original)));
    }

    private static AttributeArgumentSyntax? Named(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}

/// <summary>PERF002: replace an unknown profile with the known one it most likely meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKnownProfileCodeFix)), Shared]
public sealed class UseKnownProfileCodeFix : SyntaxFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF002"];

    protected override (string Title, SyntaxNode Root)? Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        var literal = node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
        if (!diagnostic.Properties.TryGetValue(FixProperties.Suggestion, out var suggestion) || suggestion is null || literal is null)
        {
            return null;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
        return ($"Use profile '{suggestion}'", root.ReplaceNode(literal, replacement));
    }
}

/// <summary>PERF009: mark a secret-looking parameter [NotLogged].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNotLoggedCodeFix)), Shared]
public sealed class AddNotLoggedCodeFix : SyntaxFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF009"];

    protected override (string Title, SyntaxNode Root)? Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter)
        {
            return null;
        }

        var imported = root.DescendantNodesAndSelf().OfType<UsingDirectiveSyntax>().Any(u => u.Name?.ToString() == "PerfLogging");
        var name = SyntaxFactory.ParseName(imported ? "NotLogged" : "PerfLogging.NotLogged");
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)))
            .WithTrailingTrivia(SyntaxFactory.Space);
        var updated = parameter.WithoutLeadingTrivia().AddAttributeLists(list).WithLeadingTrivia(parameter.GetLeadingTrivia());
        return ($"Mark '{parameter.Identifier.ValueText}' [NotLogged]", root.ReplaceNode(parameter, updated));
    }
}

/// <summary>PERF005: remove the performance attribute from a member that cannot be woven.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAttributeCodeFix)), Shared]
public sealed class RemoveAttributeCodeFix : SyntaxFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["PERF005"];

    protected override (string Title, SyntaxNode Root)? Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } attribute)
        {
            return null;
        }

        return ("Remove the performance attribute", list.Attributes.Count == 1
            ? root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!
            : root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute))));
    }
}
