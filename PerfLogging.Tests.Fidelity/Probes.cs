using System.Runtime.CompilerServices;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Adversarial shapes for the in-place weaver: modifiers, virtual and interface members, accessors, filters, loops.</summary>
public class Probes
{
    private readonly int[] _values = [1, 2, 3];

    /// <summary>ref readonly return: encoded as modreq(InAttribute) int32&amp;.</summary>
    [PerformanceLogging]
    public ref readonly int ReadonlySlot() => ref _values[1];

    /// <summary>A virtual method's 'in' parameter is encoded as modreq(InAttribute) int32&amp;.</summary>
    [PerformanceLogging]
    public virtual int VirtualIn(in int x) => x + 1;

    /// <summary>An init accessor returns 'void modreq(IsExternalInit)'.</summary>
    public int Initialized
    {
        get;
        [PerformanceLogging]
        init;
    }

    /// <summary>A generic parameter that allows ref structs, passed and returned.</summary>
    [PerformanceLogging]
    public static T PassThrough<T>(T value)
        where T : allows ref struct => value;

    /// <summary>An exception thrown inside an inner filter is swallowed by the runtime (filter = false).</summary>
    [PerformanceLogging]
    public static int ThrowingInnerFilter(List<string> log)
    {
        try
        {
            throw new InvalidOperationException("body");
        }
        catch (InvalidOperationException) when (Explode(log))
        {
            return 1;
        }
        catch (InvalidOperationException)
        {
            return 2;
        }
    }

    /// <summary>The same under LogAndContinue: the woven filter must not catch the filter's own exception.</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static int ThrowingInnerFilterSwallowing(List<string> log)
    {
        try
        {
            throw new InvalidOperationException("body");
        }
        catch (InvalidOperationException) when (Explode(log))
        {
            return 1;
        }
        catch (InvalidOperationException)
        {
            return 2;
        }
    }

    private static bool Explode(List<string> log)
    {
        log.Add("filter");
        throw new FormatException("from filter");
    }

    /// <summary>The body's first instruction is a branch target (do/while), last is an endfinally.</summary>
    [PerformanceLogging]
    public static void LoopThenThrowInFinally(List<string> log)
    {
        var i = 0;
        do
        {
            i++;
        }
        while (i < 3);
        try
        {
            throw new InvalidOperationException("always " + i);
        }
        finally
        {
            log.Add("finally");
        }
    }

    /// <summary>Never returns.</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static int NeverReturnsSwallowed(int limit)
    {
        var i = 0;
        while (true)
        {
            if (++i > limit)
            {
                throw new InvalidOperationException("limit");
            }
        }
    }

    /// <summary>A ref struct return under LogAndContinue (the failure must still escape).</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public Span<int> SliceSwallowing(int length) => _values.AsSpan(0, length);

    [PerformanceLogging(OnError = PerformanceErrorMode.Silent)]
    public static ValueTask<int> SilentValueTask(bool fail) => fail ? throw new InvalidOperationException("x") : new(5);

    [PerformanceLogging]
    [SkipLocalsInit]
    public static (long A, long B, long C) SkipLocals(int value)
    {
        switch (value)
        {
            case 0: return (1, 2, 3);
            case 1: return (4, 5, 6);
            case 2: return default;
            default:
                Span<byte> buffer = stackalloc byte[16];
                buffer[0] = (byte)value;
                return (buffer[0], 0, 0);
        }
    }

    /// <summary>Tail-position call to a method returning a struct via a generic helper.</summary>
    [PerformanceLogging]
    public static async IAsyncEnumerable<int> AsyncIterate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [PerformanceLogging]
    public static Task<int> AwaitedPending(TaskCompletionSource<int> source) => source.Task;
}

/// <summary>An interface implementation with an 'in' parameter (implicitly virtual, so modreq).</summary>
public interface IMeasure
{
    int Measure(in int value);
}

[PerformanceLogging]
public sealed class Measurer : IMeasure
{
    public int Measure(in int value) => value * 3;
}

/// <summary>A struct constructor that assigns 'this = new S(…)' in the middle of its body.</summary>
public struct Resettable
{
    public Resettable(int x)
    {
        X = x;
        Log = null;
    }

    [PerformanceLogging]
    public Resettable(int x, List<string> log)
    {
        log.Add("before");
        this = new Resettable(x * 10);
        Log = log;
        log.Add("after");
    }

    [PerformanceLogging]
    public Resettable(string text)
    {
        if (text.Length == 0)
        {
            throw new ArgumentException("empty", nameof(text));
        }

        this = new Resettable(text.Length);
        Log = null;
    }

    public int X { get; }

    public List<string>? Log { get; }
}

/// <summary>Field initializers in a class and a struct, and base call arguments with out variables.</summary>
public class WithInitializers : Named
{
    private readonly List<string> _log = ["initializer"];

    [PerformanceLogging]
    public WithInitializers(string text)
        : base(int.TryParse(text, out var parsed) ? "number" : text)
    {
        Parsed = parsed;
        _log.Add("body");
    }

    public int Parsed { get; }

    public IReadOnlyList<string> LogEntries => _log;
}

public struct StructWithInitializers
{
    private int _a = 5;

    [PerformanceLogging]
    public StructWithInitializers(int b)
    {
        B = b + _a;
    }

    public int B { get; }

    public int A => _a;
}

/// <summary>Class primary constructor with a captured parameter and a base call.</summary>
[method: PerformanceLogging]
public class Primary(string name, int size) : Named(name)
{
    public int Size => size;

    public string Describe() => Name + size;
}

[method: PerformanceLogging]
public record Recorded(int Value, string Text);

public class Generic<T>
{
    [PerformanceLogging]
    public async Task<TOther> MapAsync<TOther>(T value, Func<T, TOther> map)
    {
        await Task.Yield();
        return map(value);
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public TOther Map<TOther>(T value, Func<T, TOther> map) => map(value);
}
