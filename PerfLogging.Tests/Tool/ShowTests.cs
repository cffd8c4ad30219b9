extern alias reporting;

using System.Text.Json;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Tool;

/// <summary><c>perflogging show</c> on the woven test assemblies: what was woven, from where, and the code it now runs.</summary>
public class ShowTests
{
    private static readonly string Target = Repository.WovenOutput("PerfLogging.Tests.Target");
    private static readonly string FabricTarget = Repository.WovenOutput("PerfLogging.Tests.FabricTarget");

    private static string Show(params string[] arguments)
    {
        var result = ToolRunner.Run(["show", .. arguments]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        return result.Output;
    }

    [Test]
    public void A_sync_method_shows_its_settings_with_their_sources_and_its_body_inside_the_runtime_calls()
    {
        var lines = ToolRunner.Lines(Show(Target, "--type", "Reporting", "--method", "Build"));

        lines[..17].ShouldBe(
        [
            "PerfLogging.Tests.Target.Reporting.Build(Int32)",
            "  operation: Reporting.Build",
            "  shape:     Value",
            "  settings:",
            "    OperationName      -       default",
            "    Profile            \"slow\"  type attribute",
            "    ThresholdWarning   -       configuration: Operations entry, else profile 'slow'",
            "    ThresholdCritical  -       configuration: Operations entry, else profile 'slow'",
            "    IncludeArgs        true    type attribute",
            "    IncludeResult      -       configuration: Metrics",
            "    IncludeMemory      -       configuration: Metrics",
            "    IncludeCpu         -       configuration: Metrics",
            "    IncludeClassName   -       default",
            "    LoggerName         -       default",
            "    OnError            -       default",
            "  woven code:",
            "    using System.Linq;",
        ]);
        var code = string.Join('\n', lines[15..]);
        code.ShouldContain("    public int Build(int rows)");
        code.ShouldContain("OperationScope.Start(");
        code.ShouldContain("scope.AddArgument(0, rows);");
        code.ShouldContain("result = Enumerable.Range(0, rows).Select((int r) => r * 2).Sum();");
        code.ShouldContain("catch (object thrown) when (scope.Filter(thrown))");
        code.ShouldContain("scope.Unwind();");
        code.ShouldContain("return scope.Complete(result);");
        code.IndexOf("OperationScope.Start(", StringComparison.Ordinal).ShouldBeLessThan(code.IndexOf("Enumerable.Range", StringComparison.Ordinal));
    }

    [Test]
    public void An_async_method_shows_the_timing_around_its_task_and_its_own_body_in_the_state_machine()
    {
        var output = Show(Target, "--type", "AsyncService", "--method", "ComputeAsync");

        output.ShouldStartWith("PerfLogging.Tests.Target.AsyncService.ComputeAsync(Int32)\n  operation: AsyncService.ComputeAsync\n  shape:     TaskOfT\n");
        var woven = output[output.IndexOf("  woven code:", StringComparison.Ordinal)..output.IndexOf("  its body, in the compiler's state machine <ComputeAsync>d__1:", StringComparison.Ordinal)];
        woven.ShouldContain("public Task<int> ComputeAsync(int value)");
        woven.ShouldContain("OperationScope.Start(");
        woven.ShouldContain("stateMachine.<>perf_scope = scope;");
        woven.ShouldContain("reference.Start(ref stateMachine);");
        woven.ShouldContain("return scope.LeaveTask(task);");
        var body = output[output.IndexOf("  its body, in the compiler's state machine", StringComparison.Ordinal)..];
        body.ShouldContain("Task.Delay(20).GetAwaiter();");
        body.ShouldContain("num2 = value * 2;");
        body.ShouldContain("if (!<>perf_scope.Failed(exception))");
        body.ShouldContain("<>perf_scope.Succeeded(result);\n        reference2.SetResult(result);");
    }

    [Test]
    public void Generic_methods_and_methods_of_generic_types_are_shown_with_their_type_parameters()
    {
        var find = Show(Target, "--type", "Repository", "--method", "Find");
        var max = Show(Target, "--type", "Algorithms", "--method", "Max");

        find.ShouldStartWith("PerfLogging.Tests.Target.Repository<T>.Find(Int32)\n  operation: Repository<T>.Find\n");
        find.ShouldContain("public T? Find(int id)");
        find.ShouldContain("_items.FirstOrDefault((T i) => i.Id == id2);");
        find.ShouldContain("return scope.Complete(result);");
        max.ShouldStartWith("PerfLogging.Tests.Target.Algorithms.Max<T>(T, T)\n  operation: Algorithms.Max<T>\n");
        max.ShouldContain("public static T Max<T>(T a, T b) where T : IComparable<T>");
        max.ShouldContain("result = ((a.CompareTo(b) >= 0) ? a : b);");
        max.ShouldContain("scope.AddArgument(1, b);");
    }

    [Test]
    public void A_constructor_is_timed_after_its_base_call_and_its_unwoven_overload_says_why()
    {
        var output = Show(Target, "--type", "Connection", "--method", "Connection");

        output.ShouldStartWith("PerfLogging.Tests.Target.Connection.Connection(String)\n  operation: Connection.Connection\n  shape:     Constructor\n");
        var code = output[output.IndexOf("  woven code:", StringComparison.Ordinal)..];
        code.IndexOf("base..ctor(host);", StringComparison.Ordinal).ShouldBeLessThan(code.IndexOf("OperationScope.Start(", StringComparison.Ordinal));
        code.ShouldContain("throw new ArgumentException(\"host required\", \"host\");");
        code.ShouldContain("Port = _port;");
        code.ShouldContain("scope.Complete();");
        output.ShouldEndWith(
            "\nPerfLogging.Tests.Target.Connection.Connection()\n" +
            "  not woven: not selected: a constructor is woven only by an attribute on the constructor itself; type attributes and fabric rules skip constructors\n");
    }

    [TestCase("ExcludedType", "Work", "excluded: [NoPerformanceLogging] is on its type PerfLogging.Tests.Target.ExcludedType")]
    [TestCase("Reporting", "Excluded", "excluded: [NoPerformanceLogging] is on the method")]
    [TestCase("Conditional", "Never", "disabled: the method attribute is [ConditionalPerformanceLogging(false)]")]
    public void A_method_asked_for_by_name_that_is_not_woven_says_why(string type, string method, string reason) =>
        Show(Target, "--type", type, "--method", method).ShouldBe($"PerfLogging.Tests.Target.{type}.{method}()\n  not woven: {reason}\n");

    [TestCase("OrderService", "Audit", "not selected: internal, and rule 1 of the project fabric Shop.Fabric selects Public")]
    [TestCase("CustomerCache", "Get", "not selected: its type is CustomerCache, and rule 2 of the project fabric Shop.Fabric selects types '*Repository'")]
    [TestCase("CleanupJob", "Other", "not selected: it is named Other, and rule 4 of the project fabric Shop.Fabric selects methods 'Run*'")]
    public void A_method_a_fabric_rule_passes_over_names_the_rule_and_the_selector_it_fails(string type, string method, string reason) =>
        Show(FabricTarget, "--type", type, "--method", method, "--no-code").ShouldEndWith($".{type}.{method}()\n  not woven: {reason}\n");

    [Test]
    public void Globs_select_methods_as_fabric_rules_do_and_no_code_leaves_the_code_out()
    {
        var output = Show(Target, "--type", "PerfLogging.**.Calc*", "--method", "Try*", "--no-code");
        var expected = Manifest(Target).Where(m => m.StartsWith("PerfLogging.Tests.Target.Calculator.Try", StringComparison.Ordinal)).ToList();

        expected.ShouldNotBeEmpty();
        ToolRunner.Lines(output).Where(l => l.StartsWith("PerfLogging.", StringComparison.Ordinal)).ShouldBe(expected);
        output.ShouldNotContain("woven code:");
    }

    [Test]
    public void Without_filters_every_woven_method_is_shown_in_the_manifests_order()
    {
        var output = Show(Target, "--no-code");

        ToolRunner.Lines(output).Where(l => l.StartsWith("PerfLogging.", StringComparison.Ordinal)).ShouldBe(Manifest(Target));
    }

    [Test]
    public void Errors_are_one_line_that_names_the_problem_and_the_fix_with_a_non_zero_exit_code()
    {
        using var folder = new TempDirectory();
        var notAssembly = folder.Write("Notes.dll", "just text");
        var unwoven = Path.Combine(folder.Path, "PerfLogging.Reporting.dll");
        File.Copy(typeof(reporting::PerfLogging.Reporting.OperationSummary).Assembly.Location, unwoven);
        var missing = Path.Combine(folder.Path, "Missing.dll");

        ToolRunner.Failure("show", missing).ShouldBe((1, $"perflogging: No such file: '{missing}'. Pass the path of a woven assembly, e.g. bin/Release/net10.0/MyApp.dll."));
        ToolRunner.Failure("show", folder.Path).ShouldBe((1, $"perflogging: '{folder.Path}' is a directory, not a file. Pass the path of a woven assembly, e.g. bin/Release/net10.0/MyApp.dll."));
        ToolRunner.Failure("show", notAssembly).ShouldBe((1, $"perflogging: '{notAssembly}' is not a .NET assembly. Pass the .dll a build wrote, e.g. bin/Release/net10.0/MyApp.dll."));
        ToolRunner.Failure("show", unwoven).ShouldBe((1,
            $"perflogging: No weaving manifest beside '{unwoven}': 'PerfLogging.Reporting.perflogging.json' is missing. Build the project with PerfLogging.Fody, which writes it when it weaves."));
        ToolRunner.Failure("show", Target, "--method", "Nope").ShouldBe((1,
            $"perflogging: No method matches --method 'Nope' in '{Target}'. Check the spelling, or use a glob such as --method '*Nope*'."));
        ToolRunner.Failure("show", Target, "--type", "Nowhere*").ShouldBe((1,
            $"perflogging: No woven method matches --type 'Nowhere*' in '{Target}' (64 woven). Run 'perflogging show {Target} --no-code' to list them."));
        ToolRunner.Failure("show", Target, "--type", "Shop..Data").ShouldBe((2,
            "perflogging: --type: 'Shop..Data' is not a valid Namespace glob: a segment between dots is empty. Write it like 'Shop.Services', 'Shop.*.Data' or 'Shop.**'."));
        ToolRunner.Failure("show").ShouldBe((2, "perflogging: show needs an assembly: perflogging show <assembly.dll> [--type GLOB] [--method GLOB] [--no-code]."));
        ToolRunner.Failure("show", Target, "--code").ShouldBe((2, "perflogging: '--code' is not an option of 'perflogging show'. Options: --type VALUE, --method VALUE, --no-code."));
        ToolRunner.Failure("show", Target, "--type").ShouldBe((2, "perflogging: --type needs a value, as in 'perflogging show ... --type VALUE'."));
        ToolRunner.Failure("shw", Target).ShouldBe((2, "perflogging: 'shw' is not a perflogging command. Use 'show' or 'summary' (perflogging --help)."));
    }

    [Test]
    public void A_stale_or_broken_manifest_asks_for_a_rebuild()
    {
        using var folder = new TempDirectory();
        var assembly = Path.Combine(folder.Path, "PerfLogging.Tests.Target.dll");
        File.Copy(Target, assembly);
        var manifest = Path.Combine(folder.Path, "PerfLogging.Tests.Target.perflogging.json");
        File.WriteAllText(manifest, File.ReadAllText(WovenManifest(Target)).Replace("Reporting.Build(Int32)", "Reporting.Build(Int64)", StringComparison.Ordinal));

        ToolRunner.Failure("show", assembly, "--no-code").ShouldBe((1,
            $"perflogging: '{manifest}' lists 'PerfLogging.Tests.Target.Reporting.Build(Int64)', which the assembly does not have: the manifest is from another build. Rebuild the project."));

        var original = File.ReadAllText(WovenManifest(Target));
        string[] broken =
        [
            "{ \"methods\": [ ",
            original.Replace("\"method\": \"PerfLogging.Tests.Target.Reporting.Build(Int32)\"", "\"method\": null", StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Replace(original, "\"settings\": \\{.*?\\n      \\}", "\"settings\": {}", System.Text.RegularExpressions.RegexOptions.Singleline),
        ];
        broken[1].ShouldNotBe(original);
        broken[2].ShouldNotBe(original);
        foreach (var text in broken)
        {
            File.WriteAllText(manifest, text);
            var (code, line) = ToolRunner.Failure("show", assembly, "--no-code");
            code.ShouldBe(1);
            line.ShouldStartWith($"perflogging: '{manifest}' is not a PerfLogging weaving manifest (");
            line.ShouldEndWith("). Rebuild the project to write it again.");
        }
    }

    [Test]
    public void A_manifest_saved_with_a_byte_order_mark_is_read()
    {
        using var folder = new TempDirectory();
        var assembly = Path.Combine(folder.Path, "PerfLogging.Tests.Target.dll");
        File.Copy(Target, assembly);
        File.WriteAllText(Path.Combine(folder.Path, "PerfLogging.Tests.Target.perflogging.json"), File.ReadAllText(WovenManifest(Target)), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = ToolRunner.Run("show", assembly, "--method", "Build", "--no-code");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("PerfLogging.Tests.Target.Reporting.Build(Int32)");
    }

    [Test]
    public void A_manifest_that_lists_an_unwoven_method_as_woven_asks_for_a_rebuild()
    {
        using var folder = new TempDirectory();
        var assembly = Path.Combine(folder.Path, "PerfLogging.Tests.Target.dll");
        File.Copy(Target, assembly);
        var manifest = Path.Combine(folder.Path, "PerfLogging.Tests.Target.perflogging.json");
        var unwoven = "PerfLogging.Tests.Target.Conditional.Never()";
        File.WriteAllText(manifest, File.ReadAllText(WovenManifest(Target)).Replace("PerfLogging.Tests.Target.Reporting.Build(Int32)", unwoven, StringComparison.Ordinal));

        ToolRunner.Failure("show", assembly, "--method", "Never").ShouldBe((1,
            $"perflogging: '{unwoven}' is not woven in '{assembly}', though '{manifest}' lists it as woven: the manifest is from another build; rebuild the project."));
    }

    private static string WovenManifest(string assembly) => Path.ChangeExtension(assembly, ".perflogging.json");

    private static List<string> Manifest(string assembly) =>
        [.. JsonDocument.Parse(File.ReadAllText(WovenManifest(assembly))).RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()!)];
}
