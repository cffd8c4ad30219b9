using System.Reflection;

namespace PerfLogging.Tests.Support;

/// <summary>Paths of the repository the tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BuildConfiguration { get; } = Metadata("Configuration");

    public static string WorkerSampleDll => Path.Combine(Root, "Samples", "PerfLogging.Samples.Worker", "bin", BuildConfiguration, "net10.0", "PerfLogging.Samples.Worker.dll");

    public static string SampleDll => Path.Combine(Root, "Samples", "PerfLogging.Samples", "bin", BuildConfiguration, "net10.0", "PerfLogging.Samples.dll");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
