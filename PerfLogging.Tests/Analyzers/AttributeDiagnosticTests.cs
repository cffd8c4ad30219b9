using static PerfLogging.Tests.Analyzers.AnalyzerRunner;

namespace PerfLogging.Tests.Analyzers;

public class AttributeDiagnosticTests
{
    private const string Usings = "using System; using System.Threading.Tasks; using PerfLogging;\n";

    private static void ExpectNone(string code) => Run(Usings + code).ShouldBeEmpty();

    private static Microsoft.CodeAnalysis.Diagnostic ExpectOne(string code, string id, string marker)
    {
        var source = Usings + code;
        var diagnostic = Run(source).ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe(id);
        diagnostic.Where().ShouldBe(At("Test.cs", source, marker));
        return diagnostic;
    }

    [Test]
    public void PERF001_a_negative_threshold_is_an_error_at_its_argument() =>
        ExpectOne("class S { [PerformanceLogging(ThresholdWarning = -1)] void M() { } }", "PERF001", "ThresholdWarning = -1")
            .GetMessage().ShouldBe("'ThresholdWarning' is -1 s on 'S.M': a threshold cannot be negative. Set it to 0 or more seconds.");

    [Test]
    public void PERF001_names_a_generic_method_of_a_generic_type_as_its_operation_is_named() =>
        ExpectOne("class Repository<TItem> { [PerformanceLogging(ThresholdWarning = -1)] TItem Find<TKey>(TKey key) => default!; }", "PERF001", "ThresholdWarning = -1")
            .GetMessage().ShouldStartWith("'ThresholdWarning' is -1 s on 'Repository<TItem>.Find<TKey>':");

    [Test]
    public void PERF001_names_an_explicit_implementation_of_a_generic_interface_as_its_operation_is_named() =>
        ExpectOne("interface IStore<T> { T Load(T key); } class Store : IStore<System.Collections.Generic.List<int>> { [PerformanceLogging(ThresholdWarning = -1)] System.Collections.Generic.List<int> IStore<System.Collections.Generic.List<int>>.Load(System.Collections.Generic.List<int> key) => key; }", "PERF001", "ThresholdWarning = -1")
            .GetMessage().ShouldStartWith("'ThresholdWarning' is -1 s on 'Store.IStore<List<int>>.Load':");

    [Test]
    public void PERF005_names_a_static_constructor_as_CSharp_writes_it() =>
        ExpectOne("class Repository<T> { [PerformanceLogging] static Repository() { } }", "PERF005", "PerformanceLogging")
            .GetMessage().ShouldStartWith("'static Repository()' cannot carry [PerformanceLogging]");

    [Test]
    public void PERF001_an_infinite_threshold_is_an_error() =>
        ExpectOne("class S { [PerformanceLogging(ThresholdCritical = double.PositiveInfinity)] void M() { } }", "PERF001", "ThresholdCritical =")
            .GetMessage().ShouldStartWith("'ThresholdCritical' is Infinity on 'S.M': a threshold must be a finite number of seconds.");

    [Test]
    public void PERF001_warning_above_critical_on_one_attribute() =>
        ExpectOne("class S { [PerformanceLogging(ThresholdWarning = 5, ThresholdCritical = 1)] void M() { } }", "PERF001", "ThresholdWarning = 5")
            .GetMessage().ShouldBe(
                "'ThresholdWarning' (5 s) is above 'ThresholdCritical' (1 s) on 'S.M': a call must reach the warning threshold " +
                "before the critical one. Make the warning threshold the smaller one.");

    [Test]
    public void PERF001_warning_above_the_critical_threshold_of_its_profile() =>
        ExpectOne("class S { [PerformanceProfile(\"fast\", ThresholdWarning = 2)] void M() { } }", "PERF001", "ThresholdWarning = 2")
            .GetMessage().ShouldStartWith("'ThresholdWarning' (2 s) is above 'Profiles:fast:CriticalSeconds' (0.5 s) on 'S.M'");

    [Test]
    public void PERF001_warning_above_the_critical_default_from_the_configuration_file()
    {
        const string source = Usings + "class S { [PerformanceLogging(ThresholdWarning = 2)] void M() { } }";

        var diagnostic = Run(source, ("perflogging.json", """{ "Thresholds": { "WarningSeconds": 0.5, "CriticalSeconds": 1 } }""")).ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF001");
        diagnostic.GetMessage().ShouldStartWith("'ThresholdWarning' (2 s) is above 'Thresholds:CriticalSeconds' (1 s) on 'S.M'");
    }

    [Test]
    public void PERF001_a_method_attribute_merges_with_its_type_attribute() =>
        ExpectOne("[PerformanceLogging(ThresholdCritical = 1)] class S { [PerformanceLogging(ThresholdWarning = 3)] void M() { } }", "PERF001", "ThresholdWarning = 3");

    [Test]
    public void PERF001_valid_thresholds_and_profiles_are_accepted() =>
        ExpectNone("""
            [PerformanceProfile("slow")]
            class S
            {
                [PerformanceLogging(ThresholdWarning = 0, ThresholdCritical = 0)] void A() { }
                [PerformanceProfile("fast", ThresholdWarning = 0.2)] void B() { }
                [PerformanceLogging(ThresholdWarning = 4)] void C() { }
                void D() { }
            }
            """);

    [Test]
    public void PERF002_an_unknown_profile_lists_the_known_ones_with_a_suggestion() =>
        ExpectOne("class S { [PerformanceProfile(\"fats\")] void M() { } }", "PERF002", "\"fats\"")
            .GetMessage().ShouldBe(
                "Profile 'fats' on 'S.M' is not defined. Did you mean 'fast'? Known profiles: fast, normal, slow. " +
                "Use one of them, or define it under PerformanceLogging:Profiles in perflogging.json.");

    [Test]
    public void PERF002_a_profile_named_in_the_Profile_argument_is_checked_too() =>
        ExpectOne("class S { [PerformanceLogging(Profile = \"turbo\")] void M() { } }", "PERF002", "Profile = \"turbo\"");

    [Test]
    public void PERF002_profiles_defined_in_json_are_known_and_listed()
    {
        const string source = Usings + "class S { [PerformanceProfile(\"api\")] void A() { } [PerformanceProfile(\"apx\")] void B() { } }";

        var diagnostic = Run(source, ("appsettings.json", """{ "PerformanceLogging": { "Profiles": { "api": { "WarningSeconds": 0.05, "CriticalSeconds": 0.2 } } } }"""))
            .ShouldHaveSingleItem();

        diagnostic.Id.ShouldBe("PERF002");
        diagnostic.GetMessage().ShouldContain("Did you mean 'api'? Known profiles: fast, normal, slow, api.");
    }

    [TestCase("abstract class S { [PerformanceLogging] public abstract void M(); }", "it has no body (abstract)")]
    [TestCase("interface S { [PerformanceLogging] void M(); }", "it has no body (an interface member)")]
    [TestCase("class S { [PerformanceLogging] [System.Runtime.InteropServices.DllImport(\"libc\")] static extern int M(); }", "it has no body (extern)")]
    [TestCase("partial class S { [PerformanceLogging] partial void M(); }", "it has no body (a partial method without implementation)")]
    [TestCase("class S { [PerformanceLogging] static S() { } }", "a static constructor runs once")]
    [TestCase("class S { [PerformanceLogging] static int M(__arglist) => 0; }", "it takes a variable argument list (__arglist)")]
    public void PERF005_an_ineligible_target_is_an_error_at_the_attribute(string code, string reason) =>
        ExpectOne(code, "PERF005", "PerformanceLogging]").GetMessage().ShouldContain(reason);

    [Test]
    public void PERF005_bodies_virtual_members_and_partial_implementations_are_eligible() =>
        ExpectNone("""
            abstract class A { [PerformanceLogging] public virtual void V() { } }
            partial class P { [PerformanceLogging] partial void M(); partial void M() { } }
            interface I { [PerformanceLogging] void D() { } }
            """);

    [TestCase("\"Missing\"", "does not exist")]
    [TestCase("nameof(Flags.Instance)", "is not static")]
    [TestCase("nameof(Flags.Count)", "is of type 'int', not bool")]
    [TestCase("nameof(Flags.Takes)", "takes parameters")]
    [TestCase("\"Hidden\"", "is not accessible from the method")]
    public void PERF006_an_invalid_condition_member_is_an_error_at_the_member_name(string member, string problem)
    {
        var code = $$"""
            class Flags
            {
                public bool Instance => true;
                public static int Count => 1;
                public static bool Takes(int x) => true;
                private static bool Hidden => true;
            }
            class S { [ConditionalPerformanceLogging(typeof(Flags), {{member}})] void M() { } }
            """;

        ExpectOne(code, "PERF006", member).GetMessage().ShouldContain(problem);
    }

    [Test]
    public void PERF006_static_bool_properties_fields_and_methods_are_valid_conditions() =>
        ExpectNone("""
            static class Flags { public static bool P => true; public static bool F; internal static bool M() => true; }
            class S
            {
                [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.P))] void A() { }
                [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.F))] void B() { }
                [ConditionalPerformanceLogging(typeof(Flags), nameof(Flags.M))] void C() { }
                [ConditionalPerformanceLogging(false)] void D() { }
            }
            """);

    [Test]
    public void PERF009_a_secret_looking_parameter_with_IncludeArgs_is_a_warning_at_the_parameter() =>
        ExpectOne("class S { [PerformanceLogging(IncludeArgs = true)] void Login(string user, string password) { } }", "PERF009", "password")
            .GetMessage().ShouldStartWith("Parameter 'password' of 'S.Login' looks like a secret and IncludeArgs logs arguments.");

    [Test]
    public void PERF009_applies_when_the_configuration_turns_arguments_on()
    {
        const string source = Usings + "class S { [PerformanceLogging] void Login(string apiKey) { } }";

        Run(source, ("perflogging.json", """{ "Metrics": { "IncludeFunctionArgs": true } }""")).ShouldHaveSingleItem().Id.ShouldBe("PERF009");
    }

    [Test]
    public void PERF009_NotLogged_secrets_and_arguments_left_out_are_fine() =>
        ExpectNone("""
            class S
            {
                [PerformanceLogging(IncludeArgs = true)] void Login(string user, [NotLogged] string password) { }
                [PerformanceLogging] void Other(string token) { }
            }
            """);

    [Test]
    public void PERF010_an_async_void_method_is_a_warning_at_its_name() =>
        ExpectOne("class S { [PerformanceLogging] async void Fire() { await Task.Yield(); } }", "PERF010", "Fire()")
            .GetMessage().ShouldBe("'S.Fire' is async void: only its synchronous part, up to the first await, is timed. Return Task to time the whole operation.");

    [Test]
    public void PERF010_applies_to_methods_a_type_attribute_selects() =>
        ExpectOne("[PerformanceLogging] class S { async void Fire() { await Task.Yield(); } }", "PERF010", "Fire()");

    [Test]
    public void PERF010_async_Task_methods_and_excluded_ones_are_fine() =>
        ExpectNone("[PerformanceLogging] class S { async Task Run() { await Task.Yield(); } [NoPerformanceLogging] async void Fire() { await Task.Yield(); } }");

    [Test]
    public void A_project_without_PerfLogging_attributes_gets_no_diagnostic() =>
        ExpectNone("class S { void M(string password) { } }");
}
