using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using PerfLogging.Reporting;

namespace PerfLogging.Benchmarks;

/// <summary>
/// What <c>perflogging summary</c> does per byte: 64 MiB of JSON lines shaped exactly as <c>AddPerformanceJsonConsole</c>
/// writes them (every field of the performance object, a context, 40 operations, 1 line in 20 an application record)
/// read from memory into an <see cref="OperationSummary"/>. Throughput is 64 MiB divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    public const int Size = 64 << 20;

    private byte[] _log = null!;

    [GlobalSetup]
    public void CreateLog()
    {
        var random = new Random(42);
        var text = new StringBuilder(Size + 4096);
        for (var i = 0; text.Length < Size; i++)
        {
            var operation = $"Shop.Orders.Service{i % 40}.Handle";
            var seconds = Math.Exp((random.NextDouble() * 8) - 9);
            if (i % 20 == 19)
            {
                text.Append(CultureInfo.InvariantCulture, $$$"""{"timestamp":"2026-11-27T10:00:00.123Z","level":"Information","logger_name":"Shop.Orders","message":"Order {{{i}}} saved","context":{"request_id":"req_{{{i}}}","operation":"{{{operation}}}"}}""").Append('\n');
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $$$"""{"timestamp":"2026-11-27T10:00:00.123Z","level":"Information","logger_name":"Shop.Orders.Service","message":"{{{operation}}} completed in {{{seconds:0.000000}}} s","context":{"request_id":"req_{{{i}}}","operation":"{{{operation}}}","component":"orders"},"performance":{"operation_name":"{{{operation}}}","start_time":"2026-11-27T10:00:00.000Z","end_time":"2026-11-27T10:00:00.123Z","duration_seconds":{{{seconds:R}}},"success":true,"error_type":null,"error_message":null,"memory_start_mb":null,"memory_end_mb":null,"memory_delta_mb":null,"memory_peak_mb":null,"allocated_bytes":null,"cpu_percent":null,"function_name":"Handle","module_name":"Shop.Orders","class_name":"Shop.Orders.Service","args_summary":null,"result_summary":null,"exceeded_warning":false,"exceeded_critical":false,"warning_threshold":1,"critical_threshold":5}}""").Append('\n');
        }

        _log = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark]
    public long ReadLog()
    {
        var reader = new PerformanceLogReader(new OperationSummary());
        reader.Read(new MemoryStream(_log, writable: false));
        return reader.Records;
    }
}
