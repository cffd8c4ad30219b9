using System.Globalization;
using PerfLogging.Configuration;

namespace PerfLogging.Samples;

/// <summary>Prints the effective configuration, as the application will use it.</summary>
internal static class ConfigurationReport
{
    public static void Print(TextWriter output, PerformanceLoggingOptions options, string source)
    {
        var t = options.Thresholds;
        var m = options.Metrics;
        var l = options.LogLevels;
        output.WriteLine($"PerfLogging configuration ({source})");
        output.WriteLine($"  Enabled:            {options.Enabled}");
        output.WriteLine($"  Default thresholds: warning {S(t.WarningSeconds)} s, critical {S(t.CriticalSeconds)} s");
        output.WriteLine($"  Memory thresholds:  warning {S(t.MemoryWarningMb)} MB, critical {S(t.MemoryCriticalMb)} MB");
        output.WriteLine("  Profiles:");
        foreach (var (name, profile) in options.Profiles.OrderBy(p => p.Value.WarningSeconds).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"    {name,-10} warning {S(profile.WarningSeconds),6} s   critical {S(profile.CriticalSeconds),6} s");
        }

        output.WriteLine("  Operations:");
        if (options.Operations.Count == 0)
        {
            output.WriteLine("    (none)");
        }

        foreach (var (name, operation) in options.Operations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(
                $"    {name,-10} enabled {operation.Enabled}, warning {S(operation.WarningSeconds)} s, critical {S(operation.CriticalSeconds)} s");
        }

        output.WriteLine(
            $"  Metrics:            memory {OnOff(m.IncludeMemoryUsage)}, cpu {OnOff(m.IncludeCpuUsage)}, args {OnOff(m.IncludeFunctionArgs)}, " +
            $"result {OnOff(m.IncludeFunctionResult)}, max arg length {m.MaxArgLength}, max result length {m.MaxResultLength}");
        output.WriteLine($"  Levels:             success {l.Success}, warning {l.Warning}, critical {l.Critical}, error {l.Error}");
        output.WriteLine($"  Fields:             context prefix '{options.ContextPrefix}', operation field '{options.OperationField}', auto naming {OnOff(options.AutoOperationNaming)}");
    }

    private static string S(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "inherited";

    private static string OnOff(bool value) => value ? "on" : "off";
}
