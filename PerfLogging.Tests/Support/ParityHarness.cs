using Fody;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using PerfLogging.Configuration;

namespace PerfLogging.Tests.Support;

/// <summary>The two sides the analyzer is compared with: the README host's loading of the same files, and a real weave.</summary>
internal static class ParityHarness
{
    /// <summary>The options the README's host reaches for these files in <paramref name="environment"/> (throws as the host would).</summary>
    public static PerformanceLoggingOptions Load(string environment, params (string Path, string Text)[] files)
    {
        using var folder = new TempDirectory();
        foreach (var (path, text) in files)
        {
            folder.Write(path, text);
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(folder.Path, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(folder.Path, $"appsettings.{environment}.json"), optional: true)
            .AddPerformanceLoggingJsonFile(Path.Combine(folder.Path, "perflogging.json"), optional: true)
            .Build();
        return PerformanceLoggingConfiguration.Load(configuration);
    }

    /// <summary>The settings the weaver's manifest records for one method of the snippet, woven for real.</summary>
    public static System.Text.Json.JsonElement WovenSettings(string source, string method)
    {
        using var folder = new TempDirectory();
        var assembly = Path.Combine(folder.Path, "Snippet.dll");
        var emitted = PerfLogging.Tests.Analyzers.AnalyzerRunner.Compile(source).Emit(assembly);
        emitted.Success.ShouldBeTrue(string.Join("; ", emitted.Diagnostics));
        foreach (var dependency in new[] { typeof(PerformanceLoggingAttribute).Assembly.Location, typeof(PerformanceLoggingOptions).Assembly.Location })
        {
            File.Copy(dependency, Path.Combine(folder.Path, Path.GetFileName(dependency)), overwrite: true);
        }

        var result = new PerfLogging.Fody.ModuleWeaver().ExecuteTestRun(assembly, runPeVerify: false);
        result.Errors.ShouldBeEmpty();
        var manifest = Directory.GetFiles(folder.Path, "*.perflogging.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.GetDirectoryName(result.AssemblyPath)!, "*.perflogging.json"))
            .First();
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("methods").EnumerateArray()
            .Single(m => m.GetProperty("method").GetString() == method)
            .GetProperty("settings").Clone();
    }
}
