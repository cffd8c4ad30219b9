namespace PerfLogging.Tests.Target;

public interface IEntity
{
    int Id { get; }
}

public sealed record Order(int Id, string Customer) : IEntity;

/// <summary>Methods of a generic type, and generic methods with constraints.</summary>
public class Repository<T>
    where T : class, IEntity
{
    private readonly List<T> _items = [];

    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    public T Add(T item)
    {
        _items.Add(item);
        return item;
    }

    [PerformanceLogging]
    public T? Find(int id) => _items.FirstOrDefault(i => i.Id == id);

    [PerformanceLogging(IncludeResult = true)]
    public TResult Project<TResult>(int id, Func<T, TResult> selector)
        where TResult : notnull => selector(_items.First(i => i.Id == id));
}

public static class Algorithms
{
    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    public static T Max<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    [PerformanceLogging]
    public static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, Func<TKey, TValue> create)
        where TKey : notnull, IEquatable<TKey>
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = create(key);
            map[key] = value;
        }

        return value;
    }
}

/// <summary>Struct instance methods see and change the struct itself.</summary>
public struct Counter
{
    public int Value { get; private set; }

    [PerformanceLogging]
    public int Increment() => ++Value;

    [PerformanceLogging]
    public readonly int Peek() => Value;
}
