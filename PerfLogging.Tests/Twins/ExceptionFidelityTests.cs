extern alias unwoven;

using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Fidelity;
using PerfLogging.Tests.Support;
using Twin = unwoven::PerfLogging.Tests.Fidelity;

namespace PerfLogging.Tests.Twins;

/// <summary>
/// A failure leaves a woven method exactly as it leaves its unwoven twin: the first pass of exception handling is
/// untouched (caller filters before callee finally blocks, one first-chance exception per throw) and the stack trace
/// has the same frames. Each test asserts the twin's behaviour first, then the woven method's.
/// </summary>
public class ExceptionFidelityTests : HarnessTest
{
    private static List<string> FilterOrder(Action<List<string>> call)
    {
        var log = new List<string>();
        try
        {
            call(log);
        }
        catch (InvalidOperationException) when (Note(log, "caller filter"))
        {
            log.Add("caller catch");
        }

        return log;
    }

    private static bool Note(List<string> log, string text)
    {
        log.Add(text);
        return true;
    }

    [Test]
    public void A_callers_filter_runs_before_the_callees_finally_block()
    {
        FilterOrder(Twin.Failures.ThrowWithFinally).ShouldBe(["caller filter", "callee finally", "caller catch"]);

        FilterOrder(Failures.ThrowWithFinally).ShouldBe(["caller filter", "callee finally", "caller catch"]);
        var record = Harness.Single();
        record.Level.ShouldBe(LogLevel.Error);
        record.Field("error_type").ShouldBe("InvalidOperationException");
        record.Field("error_message").ShouldBe("boom");
    }

    [Test]
    public void The_record_is_written_in_the_first_pass_before_the_callers_filter_runs()
    {
        var recordsSeenByFilter = -1;
        try
        {
            Failures.ThrowWithFinally([]);
        }
        catch (InvalidOperationException) when ((recordsSeenByFilter = Harness.Records.Count) >= 0)
        {
        }

        recordsSeenByFilter.ShouldBe(1);
    }

    [Test]
    public void One_throw_across_three_woven_frames_raises_one_first_chance_exception()
    {
        CountFirstChance(() => Twin.Failures.Outer()).ShouldBe(1);

        CountFirstChance(() => Failures.Outer()).ShouldBe(1);
        Harness.Records.Select(r => r.Field("operation_name")).ShouldBe(["Failures.Inner", "Failures.Middle", "Failures.Outer"]);
        Harness.Records.ShouldAllBe(r => r.Level == LogLevel.Error);
    }

    [Test]
    public void A_failing_constructor_raises_one_first_chance_exception()
    {
        CountFirstChance(() => new Twin.Labelled(1)).ShouldBe(1);

        CountFirstChance(() => new Labelled(1)).ShouldBe(1);
        Harness.Single().Field("error_message").ShouldBe("constructor failed");
    }

    private static int CountFirstChance(Action call)
    {
        var count = 0;
        var thread = Environment.CurrentManagedThreadId;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref count);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            call();
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        return count;
    }

    [Test]
    public void A_synchronous_stack_trace_has_the_same_frames()
    {
        var twin = OwnFrames(Should.Throw<InvalidOperationException>(() => Twin.Failures.Outer()));
        twin.Select(Method).ShouldBe(["Failures.Inner()", "Failures.Middle()", "Failures.Outer()"]);
        twin.ShouldAllBe(frame => frame.Contains("Failures.cs:line ", StringComparison.Ordinal));

        OwnFrames(Should.Throw<InvalidOperationException>(() => Failures.Outer())).ShouldBe(twin);
    }

    [Test]
    public async Task An_async_stack_trace_has_the_same_frames()
    {
        var twin = OwnFrames(await Should.ThrowAsync<InvalidOperationException>(Twin.Failures.OuterAsync));
        twin.Select(Method).ShouldBe(["Failures.InnerAsync()", "Failures.OuterAsync()"]);

        OwnFrames(await Should.ThrowAsync<InvalidOperationException>(Failures.OuterAsync)).ShouldBe(twin);
        Harness.Records.Count.ShouldBe(2);
    }

    [Test]
    public void Swallowing_is_the_documented_difference_and_still_runs_the_callees_finally_first()
    {
        var log = new List<string>();
        Should.Throw<InvalidOperationException>(() => Twin.Failures.Swallowed(log));

        Failures.Swallowed(log).ShouldBe(0);
        log.ShouldBe(["callee finally", "callee finally"]);
        Harness.Single().Field("error_message").ShouldBe("swallowed");
    }

    /// <summary>The "at …" lines of the fidelity assembly, as text: method, file and line.</summary>
    private static string[] OwnFrames(Exception exception) =>
        exception.ToString().Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("at PerfLogging.Tests.Fidelity.", StringComparison.Ordinal)).ToArray();

    private static string Method(string frame) =>
        frame["at PerfLogging.Tests.Fidelity.".Length..frame.IndexOf(" in ", StringComparison.Ordinal)];
}
