using Microsoft.Extensions.Logging;
using PerfLogging.Tests.Support;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Runtime;

public class EnumerationTests
{
    private RuntimeHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new RuntimeHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private static OperationDescriptor Descriptor => OrderService.Describe(nameof(OrderService.Ship));

    [Test]
    public void An_enumeration_is_one_operation_streamed_item_by_item()
    {
        var produced = new List<int>();
        var sequence = OperationScope.TrackEnumerable(Descriptor, Produce(produced), null);

        _harness.Records.ShouldBeEmpty();
        using (var items = sequence.GetEnumerator())
        {
            items.MoveNext().ShouldBeTrue();
            produced.ShouldBe([1]);
            _harness.Records.ShouldBeEmpty();
            while (items.MoveNext())
            {
            }
        }

        produced.ShouldBe([1, 2, 3]);
        var record = _harness.Single();
        record.Level.ShouldBe(LogLevel.Warning);
        // Three steps of 0.75 s: the last runs when the fourth MoveNext finds the end.
        record.Field("duration_seconds").ShouldBe("2.25");
    }

    [Test]
    public void Each_enumeration_is_its_own_operation_and_stopping_early_ends_it()
    {
        var sequence = OperationScope.TrackEnumerable(Descriptor, Produce([]), null);

        sequence.First().ShouldBe(1);
        sequence.Count().ShouldBe(3);

        _harness.Records.Count.ShouldBe(2);
        _harness.Records[0].Field("duration_seconds").ShouldBe("0");
    }

    [Test]
    public void An_iterator_that_throws_is_logged_as_failed_and_the_exception_reaches_the_caller()
    {
        var sequence = OperationScope.TrackEnumerable(Descriptor, Failing(), null);

        Should.Throw<InvalidDataException>(() => sequence.ToList());

        _harness.Single().Level.ShouldBe(LogLevel.Error);
    }

    [Test]
    public async Task An_async_enumeration_is_one_operation_streamed_item_by_item()
    {
        var sequence = OperationScope.TrackAsyncEnumerable(Descriptor, ProduceAsync(), null);
        var items = new List<int>();

        await foreach (var item in sequence)
        {
            items.Add(item);
            if (items.Count == 1)
            {
                _harness.Records.ShouldBeEmpty();
            }
        }

        items.ShouldBe([1, 2]);
        _harness.Single().Field("duration_seconds").ShouldBe("6");
        _harness.Single().Level.ShouldBe(LogLevel.Critical);
    }

    private IEnumerable<int> Produce(List<int> produced)
    {
        for (var i = 1; i <= 3; i++)
        {
            produced.Add(i);
            yield return i;
            _harness.Time.Advance(TimeSpan.FromSeconds(0.75));
        }
    }

    private static IEnumerable<int> Failing()
    {
        yield return 1;
        throw new InvalidDataException("corrupt");
    }

    private async IAsyncEnumerable<int> ProduceAsync()
    {
        await Task.Yield();
        yield return 1;
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        await Task.Yield();
        yield return 2;
    }
}
