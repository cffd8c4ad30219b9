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

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Yielding)]
    public Task<int> BareYielding() => _bare.AddYieldingAsync(1, 2);

    [Benchmark]
    [BenchmarkCategory(Yielding)]
    public async Task<int> HandWrittenYielding()
    {
        var start = Timing.Start();
        var result = await _bare.AddYieldingAsync(1, 2);
        Timing.Stop(start, "AddYieldingAsync");
        return result;
    }

    [Benchmark]
    [BenchmarkCategory(Yielding)]
    public Task<int> WovenYielding() => _woven.AddYieldingAsync(1, 2);

    [Benchmark]
    [BenchmarkCategory(Yielding)]
    public Task<int> CastleYielding() => _castle.AddYieldingAsync(1, 2);
}
