namespace PerfLogging.Tool;

/// <summary>
/// <c>perflogging show &lt;assembly.dll&gt;</c>: for each woven method, the manifest's data and the woven code; for a
/// method asked for by its exact name and not woven, why.
/// </summary>
internal static class ShowCommand
{
    public static void Run(Arguments arguments, TextWriter output)
    {
        var path = arguments.Input
            ?? throw new ToolException("show needs an assembly: perflogging show <assembly.dll> [--type GLOB] [--method GLOB] [--no-code].", Cli.UsageError);
        var filter = new MethodFilter(arguments.Option("--type"), arguments.Option("--method"));
        if (Directory.Exists(path))
        {
            throw new ToolException($"'{path}' is a directory, not a file. Pass the path of a woven assembly, e.g. bin/Release/net10.0/MyApp.dll.");
        }

        if (!File.Exists(path))
        {
            throw new ToolException($"No such file: '{path}'. Pass the path of a woven assembly, e.g. bin/Release/net10.0/MyApp.dll.");
        }

        using var assembly = WovenAssembly.Open(path);
        var manifestPath = WeavingManifest.PathFor(path);
        if (!File.Exists(manifestPath))
        {
            throw new ToolException(
                $"No weaving manifest beside '{path}': '{Path.GetFileName(manifestPath)}' is missing. Build the project with PerfLogging.Fody, which writes it when it weaves.");
        }

        var manifest = WeavingManifest.Read(manifestPath);
        var woven = manifest.Woven.Where(entry => filter.Matches(Resolve(assembly, entry.Method, manifestPath))).ToList();
        var notWoven = filter.IsExactMethod
            ? manifest.NotWoven.Where(entry => assembly.FindAll(entry.Method, woven: false).FirstOrDefault() is { } method && filter.Matches(method)).ToList()
            : [];
        if (woven.Count == 0 && notWoven.Count == 0)
        {
            throw new ToolException(filter.IsExactMethod
                ? $"No method matches {filter} in '{path}'. Check the spelling, or use a glob such as --method '*{arguments.Option("--method")}*'."
                : $"No woven method matches {filter} in '{path}' ({manifest.Woven.Count} woven). Run 'perflogging show {path} --no-code' to list them.");
        }

        var first = true;
        foreach (var entry in woven)
        {
            var methods = assembly.FindAll(entry.Method, woven: true);
            if (methods.Count == 0)
            {
                throw new ToolException(
                    $"'{entry.Method}' is not woven in '{path}', though '{manifestPath}' lists it as woven: the manifest is from another build; rebuild the project.");
            }

            Separate(output, ref first);
            WriteWoven(output, entry);
            if (!arguments.Flag("--no-code"))
            {
                if (methods.Count > 1)
                {
                    output.WriteLine($"  {methods.Count} woven methods have this signature (they differ only in types it leaves out); the code of each follows.");
                }

                foreach (var method in methods)
                {
                    WriteCode(output, "woven code:", assembly.Decompile(method));
                    if (WovenAssembly.StateMachineBody(method) is { } body)
                    {
                        WriteCode(output, $"its body, in the compiler's state machine {body.DeclaringType.Name}:", assembly.Decompile(body));
                    }
                }
            }
        }

        foreach (var entry in notWoven)
        {
            Separate(output, ref first);
            output.WriteLine(entry.Method);
            output.WriteLine($"  not woven: {entry.Reason}");
        }
    }

    private static void WriteCode(TextWriter output, string title, string code)
    {
        output.WriteLine($"  {title}");
        foreach (var line in code.TrimEnd().Split('\n'))
        {
            output.WriteLine(line.Length == 0 ? string.Empty : "    " + line.TrimEnd('\r').Replace("\t", "    ", StringComparison.Ordinal));
        }
    }

    private static void Separate(TextWriter output, ref bool first)
    {
        if (!first)
        {
            output.WriteLine();
        }

        first = false;
    }

    private static void WriteWoven(TextWriter output, WeavingManifest.WovenEntry entry)
    {
        output.WriteLine(entry.Method);
        output.WriteLine($"  operation: {entry.Operation}");
        output.WriteLine($"  shape:     {entry.Shape}");
        if (entry.Condition is not null)
        {
            output.WriteLine($"  condition: {entry.Condition}");
        }

        output.WriteLine("  settings:");
        var values = entry.Settings.Select(s => Display(s.Name, s.Value)).ToList();
        var width = values.Max(v => v.Length);
        for (var i = 0; i < values.Count; i++)
        {
            output.WriteLine($"    {entry.Settings[i].Name,-18} {values[i].PadRight(width)}  {entry.Settings[i].Source}");
        }
    }

    /// <summary>A setting's value as C# writes it: the manifest keeps <c>OnError</c> as the enum's number.</summary>
    private static string Display(string name, string? value) =>
        value is null ? "-"
        : name == "OnError" && int.TryParse(value, out var mode) && mode is >= 0 and <= 2 ? new[] { "LogAndRaise", "LogAndContinue", "Silent" }[mode]
        : value;

    private static Mono.Cecil.MethodDefinition Resolve(WovenAssembly assembly, string signature, string manifestPath) =>
        assembly.Find(signature)
            ?? throw new ToolException($"'{manifestPath}' lists '{signature}', which the assembly does not have: the manifest is from another build. Rebuild the project.");
}
