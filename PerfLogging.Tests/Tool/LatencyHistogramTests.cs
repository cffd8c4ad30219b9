extern alias reporting;

using reporting::PerfLogging.Reporting;

namespace PerfLogging.Tests.Tool;

public class LatencyHistogramTests
{
    [TestCase(0.50)]
    [TestCase(0.95)]
    [TestCase(0.99)]
    public void Percentiles_are_within_the_documented_relative_error_of_the_exact_nearest_rank(double fraction)
    {
        var random = new Random(17);
        var histogram = new LatencyHistogram();
        var values = Enumerable.Range(0, 100_000).Select(_ => Math.Exp(random.NextDouble() * 20 - 14)).ToArray();
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        Array.Sort(values);
        var exact = values[(int)Math.Ceiling(fraction * values.Length) - 1];
        histogram.Percentile(fraction).ShouldBe(exact, exact * LatencyHistogram.RelativeError);
        histogram.Percentile(fraction).ShouldNotBe(exact);
        histogram.Max.ShouldBe(values[^1]);
        histogram.Count.ShouldBe(100_000);
    }

    [Test]
    public void The_last_rank_is_the_exact_maximum_and_an_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        histogram.Percentile(0.5).ShouldBe(0);

        histogram.Add(0.0123);
        histogram.Add(0.0456);

        histogram.Percentile(0.99).ShouldBe(0.0456);
        histogram.Percentile(0.5).ShouldBe(0.0123, 0.0123 * LatencyHistogram.RelativeError);
        LatencyHistogram.BucketCount.ShouldBe(2765);
    }

    [Test]
    public void Reading_a_log_allocates_the_same_whatever_its_length()
    {
        var line = System.Text.Encoding.UTF8.GetBytes(
            """{"timestamp":"2026-11-27T10:00:00.000Z","level":"Information","logger_name":"Shop","message":"m","context":{"operation":"op"},"performance":{"operation_name":"op""" +
            """_NN","duration_seconds":0.0123,"success":true,"exceeded_warning":false,"exceeded_critical":false}}""" + "\n");

        long Allocated(int lines)
        {
            var data = new byte[line.Length * lines];
            for (var i = 0; i < lines; i++)
            {
                line.CopyTo(data, i * line.Length);
                data[(i * line.Length) + Array.IndexOf(line, (byte)'N')] = (byte)('0' + (i % 10));
            }

            var reader = new PerformanceLogReader(new OperationSummary());
            var before = GC.GetAllocatedBytesForCurrentThread();
            reader.Read(new MemoryStream(data));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            reader.Records.ShouldBe(lines);
            return allocated;
        }

        var small = Allocated(1_000);
        var large = Allocated(100_000);

        large.ShouldBeLessThan(small + 64 * 1024);
        large.ShouldBeLessThan(2 * 1024 * 1024);
    }
}
