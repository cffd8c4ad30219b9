using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Castle.DynamicProxy;
using Microsoft.Extensions.Logging;
using PerfLogging.Configuration;

namespace PerfLogging.Benchmarks;

/// <summary>
/// The async twin, <c>Task&lt;int&gt; AddAsync(int, int)</c>, for a task that completes synchronously and one that
/// yields. Logging is at Warning and up, so calls under threshold write nothing.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AsyncBenchmarks
{
    private const string Completed = "completes synchronously";
    private const string Yielding = "yields";
    private const int YieldingBatch = 100;

    private readonly Calculator _bare = new();
    private readonly WovenCalculator _woven = new();
    private IAsyncCalculator _castle = null!;
    private ILoggerFactory _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(new DiscardingLoggerProvider()));
        Timing.Logger = _factory.CreateLogger("Benchmarks.HandWritten");
        PerformanceLogging.Configure(_factory, new PerformanceLoggingOptions());
        _castle = new ProxyGenerator().CreateInterfaceProxyWithTargetInterface<IAsyncCalculator>(_bare, new TimingAsyncInterceptor());
    }

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Completed)]
    public Task<int> BareCompleted() => _bare.AddAsync(1, 2);

    [Benchmark]
    [BenchmarkCategory(Completed)]
    public async Task<int> HandWrittenCompleted()
    {
        var start = Timing.Start();
        var result = await _bare.AddAsync(1, 2);
        Timing.Stop(start, "AddAsync");
        return result;
    }

    [Benchmark]
    [BenchmarkCategory(Completed)]
    public Task<int> WovenCompleted() => _woven.AddAsync(1, 2);

    [Benchmark]
    [BenchmarkCategory(Completed)]
    public Task<int> CastleCompleted() => _castle.AddAsync(1, 2);

    // A yielding call costs a thread-pool hop; blocking the benchmark thread on each one would add a wake-up of that
    // thread, which varies more than the work measured. So each invocation awaits a batch of calls in a loop, as
    // async code does, and the rows report the cost per call.
    [Benchmark(Baseline = true, OperationsPerInvoke = YieldingBatch)]
    [BenchmarkCategory(Yielding)]
    public async Task<int> BareYielding()
    {
        var sum = 0;
        for (var i = 0; i < YieldingBatch; i++)
        {
            sum += await _bare.AddYieldingAsync(i, 2);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = YieldingBatch)]
    [BenchmarkCategory(Yielding)]
    public async Task<int> HandWrittenYielding()
    {
        var sum = 0;
        for (var i = 0; i < YieldingBatch; i++)
        {
            sum += await HandWrittenYieldingCall(i);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = YieldingBatch)]
    [BenchmarkCategory(Yielding)]
    public async Task<int> WovenYielding()
    {
        var sum = 0;
        for (var i = 0; i < YieldingBatch; i++)
        {
            sum += await _woven.AddYieldingAsync(i, 2);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = YieldingBatch)]
    [BenchmarkCategory(Yielding)]
    public async Task<int> CastleYielding()
    {
        var sum = 0;
        for (var i = 0; i < YieldingBatch; i++)
        {
            sum += await _castle.AddYieldingAsync(i, 2);
        }

        return sum;
    }

    private async Task<int> HandWrittenYieldingCall(int a)
    {
        var start = Timing.Start();
        var result = await _bare.AddYieldingAsync(a, 2);
        Timing.Stop(start, "AddYieldingAsync");
        return result;
    }
}
