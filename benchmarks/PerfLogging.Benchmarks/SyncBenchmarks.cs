using BenchmarkDotNet.Attributes;
using Castle.DynamicProxy;
using Microsoft.Extensions.Logging;
using PerfLogging.Configuration;

namespace PerfLogging.Benchmarks;

/// <summary>
/// <c>int Add(int, int)</c> timed by every technique. "Disabled" rows log at Warning and up, so a call under
/// threshold writes nothing; "Logged" and "Enabled" rows log every call to a provider that discards it.
/// </summary>
[MemoryDiagnoser]
public class SyncBenchmarks
{
    private readonly Calculator _bare = new();
    private readonly WovenCalculator _woven = new();
    private readonly WovenArgsCalculator _wovenArgs = new();
    private readonly InjectedCalculator _injected = new();
    private ICalculator _castle = null!;
    private ILoggerFactory _factory = null!;

    [GlobalSetup]
    public void LevelDisabled() => Configure(LogLevel.Warning, enabled: true);

    [GlobalSetup(Targets = [nameof(HandWrittenLogged), nameof(WovenLevelEnabled), nameof(WovenIncludeArgs)])]
    public void LevelEnabled() => Configure(LogLevel.Information, enabled: true);

    [GlobalSetup(Target = nameof(WovenEnabledFalse))]
    public void TrackingDisabled() => Configure(LogLevel.Information, enabled: false);

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    [Benchmark(Baseline = true)]
    public int Bare() => _bare.Add(1, 2);

    [Benchmark]
    public int HandWritten()
    {
        var start = Timing.Start();
        var result = _bare.Add(1, 2);
        Timing.Stop(start, "Add");
        return result;
    }

    [Benchmark]
    public int HandWrittenLogged()
    {
        var start = Timing.Start();
        var result = _bare.Add(1, 2);
        Timing.Stop(start, "Add");
        return result;
    }

    [Benchmark]
    public int WovenLevelDisabled() => _woven.Add(1, 2);

    [Benchmark]
    public int WovenLevelEnabled() => _woven.Add(1, 2);

    [Benchmark]
    public int WovenEnabledFalse() => _woven.Add(1, 2);

    [Benchmark]
    public int WovenIncludeArgs() => _wovenArgs.Add(1, 2);

    [Benchmark]
    public int CastleProxy() => _castle.Add(1, 2);

    [Benchmark]
    public int AspectInjector() => _injected.Add(1, 2);

    private void Configure(LogLevel minimum, bool enabled)
    {
        _factory = LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddProvider(new DiscardingLoggerProvider()));
        Timing.Logger = _factory.CreateLogger("Benchmarks.HandWritten");
        PerformanceLogging.Configure(_factory, new PerformanceLoggingOptions { Enabled = enabled });
        _castle = new ProxyGenerator().CreateInterfaceProxyWithTarget<ICalculator>(_bare, new TimingInterceptor());
    }
}
