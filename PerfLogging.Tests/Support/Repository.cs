using System.Reflection;

namespace PerfLogging.Tests.Support;

/// <summary>Paths of the repository the tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BuildConfiguration { get; } = Metadata("Configuration");

    public static string WorkerSampleDll => Path.Combine(Root, "Samples", "PerfLogging.Samples.Worker", "bin", BuildConfiguration, "net10.0", "PerfLogging.Samples.Worker.dll");

    public static string SampleDll => Path.Combine(Root, "Samples", "PerfLogging.Samples", "bin", BuildConfiguration, "net10.0", "PerfLogging.Samples.dll");

    public static string ToolDll => Path.Combine(Root, "PerfLogging.Tool", "bin", BuildConfiguration, "net10.0", "PerfLogging.Tool.dll");

    /// <summary>The woven test assembly in its own project's output, where its manifest is written beside it.</summary>
    public static string WovenOutput(string project) => Path.Combine(Root, project, "bin", BuildConfiguration, "net10.0", project + ".dll");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
