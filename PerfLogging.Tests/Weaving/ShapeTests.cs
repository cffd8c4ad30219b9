using System.Reflection;
using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

/// <summary>Every synchronous method shape, woven by the real weaver at build time and called like any code.</summary>
public class ShapeTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private string[] Operations() => _harness.Records.Select(r => r.Field("operation_name")!).ToArray();

    [Test]
    public void An_instance_method_returning_a_value_is_logged_and_returns_its_value()
    {
        new Calculator().Add(2, 3).ShouldBe(5);

        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Information);
        record.Category.ShouldBe("PerfLogging.Tests.Target.Calculator");
        record.Field("operation_name").ShouldBe("Calculator.Add");
        record.Field("success").ShouldBe("True");
        record.Field("function_name").ShouldBe("Add");
        record.Field("module_name").ShouldBe("PerfLogging.Tests.Target.dll");
    }

    [Test]
    public void A_static_method_is_logged() => Check(() => Calculator.Greet("ann").ShouldBe("Hello ann"), "Calculator.Greet");

    [Test]
    public void The_method_is_woven_in_place_and_keeps_its_implementation_flags()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

        var greet = typeof(Calculator).GetMethod(nameof(Calculator.Greet), all)!;

        greet.MethodImplementationFlags.ShouldBe(MethodImplAttributes.NoInlining);
        greet.GetMethodBody()!.ExceptionHandlingClauses.Select(c => c.Flags)
            .ShouldBe([ExceptionHandlingClauseOptions.Filter, ExceptionHandlingClauseOptions.Fault]);
        typeof(Calculator).Assembly.GetTypes().SelectMany(t => t.GetMethods(all))
            .Where(m => m.Name.EndsWith("$PerfOriginal", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Test]
    public void A_void_method_is_logged() => Check(() => new Calculator().Nothing(), "Calculator.Nothing");

    [Test]
    public void Overloads_are_each_logged()
    {
        new Calculator().Add(1.5, 1.5).ShouldBe(3.0);
        new Calculator().Add(1, 1).ShouldBe(2);

        Operations().ShouldBe(["Calculator.Add", "Calculator.Add"]);
    }

    [Test]
    public void Recursion_logs_every_call_and_inner_calls_know_their_parent()
    {
        new Calculator().Factorial(3).ShouldBe(6);

        Operations().ShouldBe(["Calculator.Factorial", "Calculator.Factorial", "Calculator.Factorial"]);
        _harness.Records[0].Field("parent_operation").ShouldBe("Calculator.Factorial");
        _harness.Records[2].Field("parent_operation").ShouldBeNull();
    }

    [Test]
    public void Optional_and_params_arguments_are_passed_and_summarised()
    {
        new Calculator().Join(parts: ["a", "b"]).ShouldBe("a, b");

        _harness.Single().Field("args_summary").ShouldBe("separator=\", \", parts=[\"a\", \"b\"]");
    }

    [Test]
    public void Out_parameters_are_set_and_not_summarised()
    {
        new Calculator().TryParse("42", out var value).ShouldBeTrue();

        value.ShouldBe(42);
        _harness.Single().Field("args_summary").ShouldBe("text=\"42\"");
    }

    [Test]
    public void Ref_and_in_parameters_are_passed_by_reference_and_summarised_by_value()
    {
        var counter = 5;
        var by = 3;

        new Calculator().Increment(ref counter, in by);

        counter.ShouldBe(8);
        _harness.Single().Field("args_summary").ShouldBe("counter=5, by=3");
    }

    [Test]
    public void NotLogged_and_secret_looking_parameters_are_redacted()
    {
        new Calculator().Login("ann", "t0k", "hunter2");

        _harness.Single().Field("args_summary").ShouldBe("user=\"ann\", token=***, password=***");
    }

    [Test]
    public void A_NotLogged_return_value_is_redacted() =>
        Check(() => new Calculator().IssueToken().ShouldBe("tok_123"), "Calculator.IssueToken", r => r.Field("result_summary").ShouldBe("***"));

    [Test]
    public void Arguments_and_result_are_summarised_when_the_attribute_asks()
    {
        new Calculator().Divide(10, 2).ShouldBe(5);

        _harness.Single().Field("args_summary").ShouldBe("a=10, b=2");
        _harness.Single().Field("result_summary").ShouldBe("5");
    }

    [Test]
    public void Named_operations_and_logger_names_come_from_the_attribute()
    {
        new Calculator().Named();
        new Calculator().ShortName();

        Operations().ShouldBe(["custom_name", "ShortName"]);
        _harness.Records[0].Category.ShouldBe("Shop.Custom");
    }

    [Test]
    public void A_profile_and_an_override_of_it_set_the_thresholds()
    {
        new Calculator().Fast();
        new Calculator().SlowWithOverride();

        _harness.Records.Select(r => (r.Field("warning_threshold"), r.Field("critical_threshold"))).ShouldBe([("0.1", "0.5"), ("12", "30")]);
    }

    [Test]
    public void Performance_context_fields_are_on_the_record() =>
        Check(() => new Calculator().WithContext(), "Calculator.WithContext", r => r.Field("component").ShouldBe("database"));

    [Test]
    public void Generic_type_methods_are_logged_with_their_typed_arguments()
    {
        var repository = new Target.Repository<Order>();
        var order = new Order(1, "ann");

        repository.Add(order).ShouldBeSameAs(order);
        repository.Find(1).ShouldBeSameAs(order);
        repository.Project(1, o => o.Customer.Length).ShouldBe(3);

        Operations().ShouldBe(["Repository<T>.Add", "Repository<T>.Find", "Repository<T>.Project<TResult>"]);
        _harness.Records[0].Field("args_summary").ShouldBe("item=Order { Id = 1, Customer = ann }");
        _harness.Records[2].Field("result_summary").ShouldBe("3");
        _harness.Records[0].Category.ShouldBe("PerfLogging.Tests.Target.Repository");
    }

    [Test]
    public void Generic_methods_with_constraints_are_logged()
    {
        Algorithms.Max(3, 9).ShouldBe(9);
        Algorithms.Max("pear", "apple").ShouldBe("pear");
        Algorithms.GetOrAdd(new Dictionary<string, List<int>>(), "k", _ => [1]).ShouldBe([1]);

        Operations().ShouldBe(["Algorithms.Max<T>", "Algorithms.Max<T>", "Algorithms.GetOrAdd<TKey, TValue>"]);
        _harness.Records[0].Field("args_summary").ShouldBe("a=3, b=9");
        _harness.Records[1].Field("result_summary").ShouldBe("\"pear\"");
    }

    [Test]
    public void Struct_methods_change_the_struct_itself()
    {
        var counter = new Counter();

        counter.Increment().ShouldBe(1);
        counter.Increment().ShouldBe(2);
        counter.Peek().ShouldBe(2);

        counter.Value.ShouldBe(2);
        Operations().ShouldBe(["Counter.Increment", "Counter.Increment", "Counter.Peek"]);
    }

    [Test]
    public void Virtual_override_and_base_calls_are_each_logged()
    {
        Greeter greeter = new LoudGreeter();

        greeter.Greet("bo").ShouldBe("HI BO");

        Operations().ShouldBe(["Greeter.Greet", "LoudGreeter.Greet"]);
        _harness.Records[0].Field("parent_operation").ShouldBe("LoudGreeter.Greet");
    }

    [Test]
    public void Calls_through_an_interface_are_logged_including_explicit_implementations()
    {
        IGreeter greeter = new Greeter();

        greeter.Greet("a").ShouldBe("Hi a");
        greeter.Farewell("b").ShouldBe("Bye b");

        Operations().ShouldBe(["Greeter.Greet", "Greeter.IGreeter.Farewell"]);
    }

    [Test]
    public void Explicit_implementations_of_a_generic_interface_are_named_as_CSharp_writes_the_interface()
    {
        var store = new MultiStore();

        ((IStore<string>)store).Load("a").ShouldBe("a");
        ((IStore<List<int>>)store).Load([1]).ShouldBe([1]);

        Operations().ShouldBe(["MultiStore.IStore<string>.Load", "MultiStore.IStore<List<int>>.Load"]);
        _harness.Records[1].Field("function_name").ShouldBe("IStore<List<int>>.Load");
    }

    [Test]
    public void An_abstract_member_implementation_and_its_virtual_caller_are_logged()
    {
        Shape shape = new Square(2);

        shape.Describe().ShouldBe("Square of area 4");

        Operations().ShouldBe(["Square.Area", "Shape.Describe"]);
    }

    [Test]
    public void Spans_and_ref_returns_pass_through_untouched()
    {
        var buffers = new Buffers();

        buffers.Sum([1, 2, 3]).ShouldBe(6);
        buffers.First() = 10;
        buffers.All()[1] = 20;

        buffers.Values.ShouldBe([10, 20, 3]);
        Operations().ShouldBe(["Buffers.Sum", "Buffers.First", "Buffers.All"]);
        _harness.Records[0].Field("args_summary").ShouldBeNull();
    }

    [Test]
    public void An_annotated_constructor_is_logged_after_its_base_call()
    {
        var connection = new Connection("db");
        _ = new Connection();

        connection.Name.ShouldBe("db");
        connection.Port.ShouldBe(80);
        _harness.Single().Field("operation_name").ShouldBe("Connection.Connection");
    }

    [Test]
    public void A_failing_constructor_is_logged_and_rethrows()
    {
        Should.Throw<ArgumentException>(() => new Connection(string.Empty)).ParamName.ShouldBe("host");

        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    private void Check(Action call, string operation, Action<Microsoft.Extensions.Logging.Testing.FakeLogRecord>? more = null)
    {
        call();
        var record = _harness.Single();
        record.Field("operation_name").ShouldBe(operation);
        more?.Invoke(record);
    }
}
