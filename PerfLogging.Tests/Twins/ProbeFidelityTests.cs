extern alias unwoven;

using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>Adversarial shapes for the in-place weaver, each compared with its unwoven twin.</summary>
public class ProbeFidelityTests : HarnessTest
{
    [Test]
    public void A_ref_readonly_return_runs()
    {
        new Twin.Probes().ReadonlySlot().ShouldBe(2);

        new Probes().ReadonlySlot().ShouldBe(2);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_virtual_method_with_an_in_parameter_runs()
    {
        new Twin.Probes().VirtualIn(4).ShouldBe(5);

        new Probes().VirtualIn(4).ShouldBe(5);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void An_interface_implementation_with_an_in_parameter_runs()
    {
        ((Twin.IMeasure)new Twin.Measurer()).Measure(2).ShouldBe(6);

        ((IMeasure)new Measurer()).Measure(2).ShouldBe(6);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void An_init_accessor_runs()
    {
        new Twin.Probes { Initialized = 3 }.Initialized.ShouldBe(3);

        new Probes { Initialized = 3 }.Initialized.ShouldBe(3);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_generic_parameter_that_allows_ref_structs_runs_over_a_span()
    {
        Twin.Probes.PassThrough<Span<int>>(new int[] { 1, 2 }.AsSpan()).Length.ShouldBe(2);
        Twin.Probes.PassThrough(7).ShouldBe(7);

        Probes.PassThrough(7).ShouldBe(7);
        Probes.PassThrough<Span<int>>(new int[] { 1, 2 }.AsSpan()).Length.ShouldBe(2);
    }

    [Test]
    public void An_exception_thrown_by_an_inner_filter_is_swallowed_as_unwoven()
    {
        var twinLog = new List<string>();
        Twin.Probes.ThrowingInnerFilter(twinLog).ShouldBe(2);

        var log = new List<string>();
        Probes.ThrowingInnerFilter(log).ShouldBe(2);
        log.ShouldBe(twinLog);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void An_exception_thrown_by_an_inner_filter_is_swallowed_as_unwoven_under_LogAndContinue()
    {
        var twinLog = new List<string>();
        Twin.Probes.ThrowingInnerFilterSwallowing(twinLog).ShouldBe(2);

        var log = new List<string>();
        Probes.ThrowingInnerFilterSwallowing(log).ShouldBe(2);
        log.ShouldBe(twinLog);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_loop_at_offset_zero_and_a_final_endfinally()
    {
        var twinLog = new List<string>();
        Should.Throw<InvalidOperationException>(() => Twin.Probes.LoopThenThrowInFinally(twinLog)).Message.ShouldBe("always 3");

        var log = new List<string>();
        Should.Throw<InvalidOperationException>(() => Probes.LoopThenThrowInFinally(log)).Message.ShouldBe("always 3");
        log.ShouldBe(twinLog);
        Harness.Single().Field("error_message").ShouldBe("always 3");
    }

    [Test]
    public void A_method_that_never_returns_swallowed()
    {
        Should.Throw<InvalidOperationException>(() => Twin.Probes.NeverReturnsSwallowed(3));

        Probes.NeverReturnsSwallowed(3).ShouldBe(0);
        Harness.Single().Field("error_message").ShouldBe("limit");
    }

    [Test]
    public void A_ref_struct_return_under_LogAndContinue_still_raises()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Twin.Probes().SliceSwallowing(10).Length);

        new Probes().SliceSwallowing(2).Length.ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => new Probes().SliceSwallowing(10).Length);
    }

    [Test]
    public async Task A_silent_value_task()
    {
        (await Twin.Probes.SilentValueTask(false)).ShouldBe(5);

        (await Probes.SilentValueTask(false)).ShouldBe(5);
        (await Probes.SilentValueTask(true)).ShouldBe(0);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(9)]
    public void SkipLocalsInit_with_a_switch(int value) =>
        Probes.SkipLocals(value).ShouldBe(Twin.Probes.SkipLocals(value));

    [Test]
    public async Task An_async_iterator()
    {
        var twin = new List<int>();
        await foreach (var i in Twin.Probes.AsyncIterate(3))
        {
            twin.Add(i);
        }

        var woven = new List<int>();
        await foreach (var i in Probes.AsyncIterate(3))
        {
            woven.Add(i);
        }

        woven.ShouldBe(twin);
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_struct_constructor_that_assigns_this_mid_body_is_tracked_whole()
    {
        var twinLog = new List<string>();
        var twin = new Twin.Resettable(2, twinLog);
        (twin.X, twinLog.Count).ShouldBe((20, 2));

        var log = new List<string>();
        var woven = new Resettable(2, log);
        (woven.X, log.Count).ShouldBe((20, 2));
        Harness.Single().Field("success").ShouldBe("True");
    }

    [Test]
    public void A_struct_constructor_that_throws_before_assigning_this_records_the_failure()
    {
        Should.Throw<ArgumentException>(() => new Twin.Resettable(string.Empty));

        Should.Throw<ArgumentException>(() => new Resettable(string.Empty));
        Harness.Single().Field("error_type").ShouldBe("ArgumentException");
    }

    [Test]
    public void Field_initializers_and_out_variables_in_the_base_call()
    {
        var twin = new Twin.WithInitializers("42");
        (twin.Name, twin.Parsed, string.Join(",", twin.LogEntries)).ShouldBe(("number", 42, "initializer,body"));

        var woven = new WithInitializers("42");
        (woven.Name, woven.Parsed, string.Join(",", woven.LogEntries)).ShouldBe(("number", 42, "initializer,body"));
        new StructWithInitializers(1).B.ShouldBe(new Twin.StructWithInitializers(1).B);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void Primary_constructors_and_records()
    {
        new Primary("p", 3).Describe().ShouldBe(new Twin.Primary("p", 3).Describe());
        new Recorded(1, "a").ShouldBe(new Recorded(1, "a"));
        new Recorded(1, "a").ToString().ShouldBe(new Twin.Recorded(1, "a").ToString());
        Harness.Records.Count.ShouldBe(4);
    }

    [Test]
    public async Task Generic_methods_of_generic_types()
    {
        (await new Generic<int>().MapAsync(2, i => i.ToString())).ShouldBe(await new Twin.Generic<int>().MapAsync(2, i => i.ToString()));
        new Generic<string>().Map("ab", s => s.Length).ShouldBe(2);
        new Generic<string>().Map<int>("ab", _ => throw new InvalidOperationException()).ShouldBe(0);
    }

    /// <summary>
    /// Unwoven, a single awaiting caller's continuation runs inline on the thread that completes the task; the woven
    /// method registers a ContinueWith on the very same task first, which may change how the await resumes.
    /// </summary>
    [Test]
    public void The_awaiting_callers_continuation_runs_inline_as_unwoven()
    {
        static (bool Inline, int Thread) Observe(Func<TaskCompletionSource<int>, Task<int>> call)
        {
            var source = new TaskCompletionSource<int>();
            var completing = 0;
            var resumedOn = -1;
            async Task Await(Task<int> task)
            {
                await task.ConfigureAwait(false);
                resumedOn = Environment.CurrentManagedThreadId;
            }

            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            var awaiting = Await(call(source));
            SynchronizationContext.SetSynchronizationContext(previous);
            var thread = new Thread(() =>
            {
                completing = Environment.CurrentManagedThreadId;
                source.SetResult(1);
            });
            thread.Start();
            thread.Join();
            awaiting.Wait(TimeSpan.FromSeconds(5)).ShouldBeTrue();
            return (resumedOn == completing, resumedOn);
        }

        var twin = Observe(Twin.Probes.AwaitedPending);
        twin.Inline.ShouldBeTrue();

        Observe(Probes.AwaitedPending).Inline.ShouldBe(twin.Inline);
    }

    /// <summary>JIT-compiles every non-generic method of the probe types and lists the ones the runtime rejects.</summary>
    [Test]
    public void Every_probe_method_compiles()
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
            System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly;
        var failures = new List<string>();
        foreach (var type in new[] { typeof(Probes), typeof(Measurer), typeof(Probes2), typeof(Probes3) })
        {
            foreach (var method in type.GetMethods(all).Cast<System.Reflection.MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.IsGenericMethodDefinition || method.IsAbstract)
                {
                    continue;
                }

                try
                {
                    _ = method.GetMethodBody();
                    System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
                catch (Exception ex)
                {
                    failures.Add($"{type.Name}.{method.Name}: {ex.GetType().Name}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}
