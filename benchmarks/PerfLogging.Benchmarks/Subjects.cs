using System.Runtime.CompilerServices;

namespace PerfLogging.Benchmarks;

/// <summary>The method every technique times: trivial, never inlined, so only the timing around it differs.</summary>
public interface ICalculator
{
    int Add(int a, int b);
}

public interface IAsyncCalculator
{
    Task<int> AddAsync(int a, int b);

    Task<int> AddYieldingAsync(int a, int b);
}

public class Calculator : ICalculator, IAsyncCalculator
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int a, int b) => a + b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<int> AddAsync(int a, int b) => a + b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<int> AddYieldingAsync(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }
}

/// <summary>The same methods, woven by PerfLogging.</summary>
public class WovenCalculator
{
    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int a, int b) => a + b;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<int> AddAsync(int a, int b) => a + b;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public async Task<int> AddYieldingAsync(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }
}

public class WovenArgsCalculator
{
    [PerformanceLogging(IncludeArgs = true)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int a, int b) => a + b;
}

/// <summary>The same method with AspectInjector's Around advice.</summary>
public class InjectedCalculator
{
    [Timed]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add(int a, int b) => a + b;
}
