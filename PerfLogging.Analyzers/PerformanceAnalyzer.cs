using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLogging.Analyzers.Attributes;
using PerfLogging.Analyzers.Configuration;
using PerfLogging.Analyzers.Fabrics;

namespace PerfLogging.Analyzers;

/// <summary>
/// Reports PerfLogging configuration mistakes at compile time: attribute and fabric-rule arguments (checked against
/// the JSON configuration they inherit from) and the JSON configuration files themselves.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PerformanceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.InvalidThreshold,
        DiagnosticDescriptors.UnknownProfile,
        DiagnosticDescriptors.InvalidConfigurationValue,
        DiagnosticDescriptors.MalformedConfiguration,
        DiagnosticDescriptors.IneligibleTarget,
        DiagnosticDescriptors.InvalidCondition,
        DiagnosticDescriptors.RuleMatchesNothing,
        DiagnosticDescriptors.UnknownConfigurationKey,
        DiagnosticDescriptors.SecretArgument,
        DiagnosticDescriptors.AsyncVoid,
        DiagnosticDescriptors.InvalidGlob,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(file =>
            ConfigurationReader.Read(
                file.AdditionalFile,
                file.ReportDiagnostic,
                judgedAlone: !ConfigurationLayers.From(file.Options).TryPlace(file.AdditionalFile.Path, out _, out _),
                file.CancellationToken));
        context.RegisterCompilationStartAction(start =>
        {
            // Each environment's files, layered in the application's order and merged: the configuration it runs with.
            var models = ConfigurationModel.Read(start.Options.AdditionalFiles, ConfigurationLayers.From(start.Options), start.CancellationToken);
            start.RegisterCompilationEndAction(end => models.Check((model, report) => model.ReportViolations(report), end.ReportDiagnostic));

            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var methods = new MethodAnalysis(symbols, models, start.Compilation);
            start.RegisterSymbolAction(methods.AnalyzeMethod, SymbolKind.Method);
            start.RegisterSymbolAction(methods.AnalyzeType, SymbolKind.NamedType);

            var fabrics = new FabricAnalysis(symbols, models);
            start.RegisterSymbolAction(fabrics.AnalyzeType, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                fabrics.ReportRulesMatchingNothing(end);
                methods.CheckEffectiveThresholds(fabrics.OrderedRules(), fabrics.SelectableMethods, end.ReportDiagnostic);
            });
        });
    }
}
