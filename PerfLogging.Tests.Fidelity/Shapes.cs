using System.Runtime.CompilerServices;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Bodies with their own control flow: every return must reach the one epilogue with the right value.</summary>
[PerformanceLogging]
public class Shapes
{
    private readonly object _gate = new();
    private int[] _values = [1, 2, 3];

    public int Classify(int value) => value switch
    {
        < 0 => -1,
        0 => 0,
        < 10 => 1,
        _ => 2,
    };

    public string ManyReturns(int value)
    {
        if (value == 1)
        {
            return "one";
        }

        for (var i = 0; i < 3; i++)
        {
            if (i == value)
            {
                return "loop " + i;
            }
        }

        return value > 100 ? "big" : "other";
    }

    public int TryFinally(List<string> log)
    {
        try
        {
            log.Add("try");
            return 1;
        }
        finally
        {
            log.Add("finally");
        }
    }

    public int TryCatch(int value)
    {
        try
        {
            return 10 / value;
        }
        catch (DivideByZeroException)
        {
            return -1;
        }
    }

    public int Using(Disposable disposable)
    {
        using (disposable)
        {
            return disposable.Value;
        }
    }

    public int Locked()
    {
        lock (_gate)
        {
            return _values.Length;
        }
    }

    public void RefOutIn(ref int counter, out string text, in int increment)
    {
        counter += increment;
        text = "set " + counter;
    }

    public ref int FirstSlot() => ref _values[0];

    public T Echo<T>(T value) => value;

    public unsafe int StackAlloc(int count)
    {
        Span<int> numbers = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = i;
        }

        var sum = 0;
        foreach (var number in numbers)
        {
            sum += number;
        }

        return sum;
    }

    public unsafe int PointerAlloc(int count)
    {
        int* numbers = stackalloc int[count];
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            numbers[i] = i * 2;
            sum += numbers[i];
        }

        return sum;
    }

    public Span<int> Slice(int length) => _values.AsSpan(0, length);

    public void Replace(int[] values) => _values = values;

    /// <summary>A call in tail position: a test adds the <c>tail.</c> prefix C# never writes, then weaves it.</summary>
    public int Forward(int value) => Classify(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Recurse(int depth) => depth == 0 ? 0 : 1 + Recurse(depth - 1);
}

public sealed class Disposable(int value) : IDisposable
{
    public int Value { get; } = value;

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

[PerformanceLogging]
public struct Counter
{
    private int _count;

    public int Increment(int by)
    {
        _count += by;
        return _count;
    }

    public readonly int Count => _count;
}

[PerformanceLogging]
public class Box<T>
{
    private T? _value;

    public void Set(T value) => _value = value;

    public T? Get() => _value;

    public TOther Convert<TOther>(Func<T?, TOther> convert) => convert(_value);
}
