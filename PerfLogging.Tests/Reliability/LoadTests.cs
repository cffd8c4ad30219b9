using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PerfLogging.Runtime;
using PerfLogging.Tests.Support;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Reliability;

/// <summary>16 threads x 50,000 calls of woven sync, async and iterator methods, some failing.</summary>
[Category("Load")]
public class LoadTests
{
    private const int Threads = 16;
    private const int CallsPerThread = 50_000;

    [Test]
    public async Task Every_call_is_recorded_exactly_once_and_memory_returns_to_baseline()
    {
        var provider = new CountingProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(provider));
        PerformanceLogging.Configure(factory, new PerfLogging.Configuration.PerformanceLoggingOptions());
        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PerformanceMeter.MeterName && instrument.Name == PerformanceMeter.DurationInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref measured));
        listener.Start();

        await RunAsync(1_000);
        provider.Reset();
        Interlocked.Exchange(ref measured, 0);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        long failures;
        try
        {
            failures = await RunAsync(CallsPerThread);
        }
        finally
        {
            PerformanceLogging.Reset();
        }

        const long calls = (long)Threads * CallsPerThread;
        failures.ShouldBe(calls / 8);
        provider.Records.ShouldBe(calls);
        provider.Errors.ShouldBe(failures);
        Interlocked.Read(ref measured).ShouldBe(calls);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        (after - baseline).ShouldBeLessThan(2 * 1024 * 1024, $"memory grew from {baseline} to {after} bytes");
    }

    /// <summary>Runs the mix on every thread; returns how many calls failed (as expected).</summary>
    private static async Task<long> RunAsync(int callsPerThread)
    {
        long failures = 0;
        var workers = Enumerable.Range(0, Threads).Select(_ => Task.Run(async () =>
        {
            var calculator = new Calculator();
            var streams = new Streams();
            var service = new AsyncService();
            for (var i = 0; i < callsPerThread; i++)
            {
                switch (i % 4)
                {
                    case 0:
                        calculator.Add(i, 1);
                        break;
                    case 1:
                        try
                        {
                            calculator.Divide(i, i % 8 == 1 ? 0 : 1);
                        }
                        catch (DivideByZeroException)
                        {
                            Interlocked.Increment(ref failures);
                        }

                        break;
                    case 2:
                        streams.Produced.Clear();
                        streams.Numbers(2).Sum();
                        break;
                    default:
                        await service.ValueAsync(i);
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return failures;
    }

    private sealed class CountingProvider : TestLoggerProvider
    {
        private long _records;
        private long _errors;

        public long Records => Interlocked.Read(ref _records);

        public long Errors => Interlocked.Read(ref _errors);

        public void Reset()
        {
            Interlocked.Exchange(ref _records, 0);
            Interlocked.Exchange(ref _errors, 0);
        }

        public override void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> { Count: > 0 } fields && fields[0].Key == "operation_name")
            {
                Interlocked.Increment(ref _records);
                if (logLevel == LogLevel.Error)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
        }
    }
}
