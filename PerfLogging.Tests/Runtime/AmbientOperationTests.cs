using PerfLogging.Tests.Support;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Runtime;

/// <summary>
/// Which operation is the parent of which: synchronous operations on their thread, async and manual ones through
/// their flow, and every mix of the two.
/// </summary>
public class AmbientOperationTests
{
    private const string Submit = "OrderService.Submit";
    private const string Ship = "OrderService.Ship";
    private const string Pay = "OrderService.PayAsync";

    private readonly OperationDescriptor _submit = OrderService.Describe(nameof(OrderService.Submit));
    private readonly OperationDescriptor _ship = OrderService.Describe(nameof(OrderService.Ship));
    private readonly OperationDescriptor _pay = OrderService.Describe(nameof(OrderService.PayAsync));
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task An_async_operation_is_the_parent_of_calls_after_its_await_on_another_thread()
    {
        string? during = null;
        string? afterShip = null;

        await Woven.CallTask(_pay, async () =>
        {
            await Task.Yield();
            Woven.CallVoid(_ship, () => during = PerformanceContext.CurrentOperation);
            afterShip = PerformanceContext.CurrentOperation;
        });

        during.ShouldBe(Ship);
        afterShip.ShouldBe(Pay);
        ParentOf(Ship).ShouldBe(Pay);
        ParentOf(Pay).ShouldBeNull();
    }

    [Test]
    public async Task A_synchronous_operation_after_an_await_is_the_parent_of_its_nested_calls()
    {
        await Woven.CallTask(_pay, async () =>
        {
            await Task.Yield();
            Woven.Call(_submit, () =>
            {
                Woven.CallVoid(_ship, () => { });
                return 1;
            });
        });

        ParentOf(Ship).ShouldBe(Submit);
        ParentOf(Submit).ShouldBe(Pay);
        PerformanceContext.CurrentOperation.ShouldBeNull();
    }

    [Test]
    public void An_async_operation_started_inside_a_synchronous_one_is_the_innermost_until_it_returns()
    {
        string? afterPay = null;

        Woven.Call(_submit, () =>
        {
            Woven.CallTask(_pay, () =>
            {
                Woven.CallVoid(_ship, () => { });
                return Task.CompletedTask;
            });
            afterPay = PerformanceContext.CurrentOperation;
            return 1;
        });

        ParentOf(Ship).ShouldBe(Pay);
        ParentOf(Pay).ShouldBe(Submit);
        afterPay.ShouldBe(Submit);
    }

    [Test]
    public void A_manual_operation_inside_a_synchronous_one_is_the_innermost_until_disposed()
    {
        string? afterImport = null;

        Woven.Call(_submit, () =>
        {
            using (PerformanceTracker.Start("import"))
            {
                Woven.CallVoid(_ship, () => { });
            }

            afterImport = PerformanceContext.CurrentOperation;
            return 1;
        });

        ParentOf(Ship).ShouldBe("import");
        ParentOf("import").ShouldBe(Submit);
        afterImport.ShouldBe(Submit);
    }

    [Test]
    public void Code_of_another_flow_run_inside_a_synchronous_operation_keeps_its_own_parent()
    {
        // What a continuation run inline does: it runs on this thread, inside Submit, but in the flow it came from.
        ExecutionContext? payFlow = null;
        Woven.CallTask(_pay, () =>
        {
            payFlow = ExecutionContext.Capture();
            return Task.CompletedTask;
        });

        Woven.Call(_submit, () =>
        {
            ExecutionContext.Run(payFlow!, _ => Woven.CallVoid(_ship, () => { }), null);
            Woven.CallVoid(_ship, () => { });
            return 1;
        });

        var ships = _harness.Records.Where(r => r.Field("operation_name") == Ship).Select(r => r.Field("parent_operation"));
        ships.ShouldBe([Pay, Submit]);
        ParentOf(Submit).ShouldBeNull();
    }

    [Test]
    public void A_synchronous_operation_that_throws_leaves_no_ambient_operation_behind()
    {
        Should.Throw<InvalidOperationException>(() =>
            Woven.Call<int>(_submit, () =>
            {
                Woven.CallVoid(_ship, () => throw new InvalidOperationException("declined"));
                return 1;
            }));

        PerformanceContext.CurrentOperation.ShouldBeNull();
        Woven.CallVoid(_ship, () => { });
        _harness.Records.Last().Field("parent_operation").ShouldBeNull();
    }

    [Test]
    public void Recursion_deeper_than_the_initial_stack_names_each_level_parent_of_the_next()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"level{i}").ToArray();

        void Enter(int level)
        {
            if (level < names.Length)
            {
                using (PerformanceTracker.Start(names[level]))
                {
                    Woven.Call(_submit, () =>
                    {
                        Enter(level + 1);
                        return 1;
                    });
                }
            }
        }

        Enter(0);

        ParentOf(names[0]).ShouldBeNull();
        for (var level = 1; level < names.Length; level++)
        {
            ParentOf(names[level]).ShouldBe(Submit);
        }

        _harness.Records.Where(r => r.Field("operation_name") == Submit).Select(r => r.Field("parent_operation"))
            .ShouldBe(names.Reverse());
        PerformanceContext.CurrentOperation.ShouldBeNull();
    }

    private string? ParentOf(string operation) =>
        _harness.Records.Single(r => r.Field("operation_name") == operation).Field("parent_operation");
}
