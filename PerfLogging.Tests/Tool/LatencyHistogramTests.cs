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
    public void A_histogram_past_its_sparse_limit_reports_the_same_percentiles_as_before_it_went_dense()
    {
        var random = new Random(23);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 20 - 14)).ToArray();
        var histogram = new LatencyHistogram();
        double[] fractions = [0.01, 0.25, 0.5, 0.9, 0.95, 0.99];
        var sparse = new List<double[]>();
        var i = 0;
        for (; !histogram.IsDense; i++)
        {
            histogram.Add(values[i]);
            sparse.Add([.. fractions.Select(histogram.Percentile)]);
        }

        i.ShouldBeGreaterThan(LatencyHistogram.SparseBucketLimit);
        var dense = new LatencyHistogram();
        for (var j = 0; j < i; j++)
        {
            dense.Add(values[j]);
            if (j + 1 < i)
            {
                fractions.Select(dense.Percentile).ShouldBe(sparse[j]);
            }
        }

        fractions.Select(dense.Percentile).ShouldBe(sparse[^1]);
        foreach (var value in values[i..])
        {
            histogram.Add(value);
        }

        Array.Sort(values);
        foreach (var fraction in fractions)
        {
            var exact = values[(int)Math.Ceiling(fraction * values.Length) - 1];
            histogram.Percentile(fraction).ShouldBe(exact, exact * LatencyHistogram.RelativeError);
        }
    }

    [Test]
    public void A_hundred_thousand_operations_of_one_call_each_take_a_few_hundred_bytes_each()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("{\"performance\":{\"operation_name\":\"GET /orders/").Append(i).Append("\",\"duration_seconds\":0.01,\"success\":true}}\n");
        }

        var data = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        var summary = new OperationSummary();
        var reader = new PerformanceLogReader(summary);
        var before = GC.GetAllocatedBytesForCurrentThread();
        reader.Read(new MemoryStream(data));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        reader.Records.ShouldBe(100_000);
        summary.Operations.Count.ShouldBe(100_000);
        summary.Get("GET /orders/99999").Durations.Percentile(0.5).ShouldBe(0.01);
        (allocated / 100_000).ShouldBeLessThan(600, $"{allocated / 100_000} bytes per operation");
    }

    [Test]
    public void A_line_longer_than_the_limit_is_skipped_without_being_held_whole()
    {
        var record = System.Text.Encoding.UTF8.GetBytes("""{"performance":{"operation_name":"job","duration_seconds":0.004,"success":true}}""" + "\n");
        var padding = new byte[PerformanceLogReader.MaxLineBytes + (3 << 20)];
        padding.AsSpan().Fill((byte)'x');
        byte[] data = [.. record, .. padding, (byte)'\n', .. record, .. padding];

        var reader = new PerformanceLogReader(new OperationSummary());
        var before = GC.GetAllocatedBytesForCurrentThread();
        reader.Read(new MemoryStream(data));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        reader.Records.ShouldBe(2);
        reader.Skipped.ShouldBe(2);
        reader.Bytes.ShouldBe(data.Length);
        allocated.ShouldBeLessThan(32L << 20);
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
