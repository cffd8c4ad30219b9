namespace PerfLogging.Tests.Target;

/// <summary>Iterators: the operation is the whole enumeration, streamed.</summary>
public class Streams
{
    public List<int> Produced { get; } = [];

    [PerformanceLogging]
    public IEnumerable<int> Numbers(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Produced.Add(i);
            yield return i;
        }
    }

    [PerformanceLogging]
    public IEnumerable<int> Broken()
    {
        yield return 1;
        throw new InvalidDataException("broken stream");
    }

    [PerformanceLogging]
    public async IAsyncEnumerable<int> NumbersAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            Produced.Add(i);
            yield return i;
        }
    }

    [PerformanceLogging]
    public IEnumerable<int> NotAnIterator() => [7, 8];

    [PerformanceLogging(IncludeArgs = true)]
    public IEnumerable<string> Repeat(string text, int times)
    {
        for (var i = 0; i < times; i++)
        {
            yield return text;
        }
    }
}
