namespace PerfLogging.Reporting;

/// <summary>
/// Durations in logarithmic buckets, so a summary of any number of calls takes bounded memory per operation: an
/// operation whose calls fall in a few buckets keeps only those (about 100 bytes for up to 4 buckets, 12 bytes a
/// bucket after that), and one that reaches <see cref="SparseBucketLimit"/> distinct buckets switches to all
/// 2,765 counters (about 22 KB). A percentile is within <see cref="RelativeError"/> (0.5 %) of the exact nearest-rank
/// value for durations from 100 ns to 100,000 s, and never outside the smallest and largest duration seen;
/// <see cref="Max"/>, and a percentile whose rank is the last call, are exact.
/// </summary>
/// <remarks>
/// Bucket <c>i</c> holds the durations in (<c>m·γ^(i-1)</c>, <c>m·γ^i</c>] with <c>m</c> = 100 ns and
/// <c>γ = (1 + α) / (1 - α)</c>; it reports <c>2·m·γ^i / (γ + 1)</c>, which is within α of every value in it
/// (the scheme of DDSketch). Bucket 0 holds everything up to 100 ns; durations above 100,000 s share the last one.
/// The sparse and the dense form hold the same buckets, so they report the same percentiles.
/// </remarks>
public sealed class LatencyHistogram
{
    /// <summary>The largest relative difference between a reported percentile and the exact one: 0.5 %.</summary>
    public const double RelativeError = 0.005;

    /// <summary>The lower end of the range with the relative error bound, in seconds: 100 ns.</summary>
    public const double MinimumSeconds = 1e-7;

    /// <summary>The upper end of the range with the relative error bound, in seconds: 100,000 s.</summary>
    public const double MaximumSeconds = 1e5;

    /// <summary>
    /// The number of distinct buckets kept as a sorted list (12 bytes each) before the histogram switches to one
    /// counter per bucket: 256, about 3 KB, an eighth of the dense form.
    /// </summary>
    public const int SparseBucketLimit = 256;

    private static readonly double s_gamma = (1 + RelativeError) / (1 - RelativeError);
    private static readonly double s_logGamma = Math.Log(s_gamma);
    private static readonly int s_bucketCount = (int)Math.Ceiling(Math.Log(MaximumSeconds / MinimumSeconds) / s_logGamma) + 1;

    // Sparse form: the first _used entries, sorted by bucket index. Null once dense.
    private int[]? _indexes = new int[4];
    private long[]? _sparseCounts = new long[4];
    private int _used;

    // Dense form: one counter per bucket. Null while sparse.
    private long[]? _counts;

    /// <summary>Gets the number of buckets every histogram covers, whatever it counts.</summary>
    public static int BucketCount => s_bucketCount;

    /// <summary>Gets the number of durations added.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the smallest duration added, in seconds (0 when empty).</summary>
    public double Min { get; private set; }

    /// <summary>Gets the largest duration added, in seconds (0 when empty).</summary>
    public double Max { get; private set; }

    /// <summary>Gets a value indicating whether the histogram holds one counter per bucket rather than a list of the buckets it uses.</summary>
    public bool IsDense => _counts is not null;

    /// <summary>Adds one duration. Negative and non-finite values count as 0.</summary>
    /// <param name="seconds">The duration in seconds.</param>
    public void Add(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
        {
            seconds = 0;
        }

        Increment(IndexOf(seconds));
        Min = Count == 0 ? seconds : Math.Min(Min, seconds);
        Max = Count == 0 ? seconds : Math.Max(Max, seconds);
        Count++;
    }

    /// <summary>The nearest-rank percentile: the smallest duration that at least <paramref name="fraction"/> of the calls took at most.</summary>
    /// <param name="fraction">Between 0 and 1: 0.5 for the median, 0.95 for p95.</param>
    /// <returns>The duration in seconds, within <see cref="RelativeError"/>; 0 when empty.</returns>
    public double Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Clamp((long)Math.Ceiling(fraction * Count), 1, Count);
        if (rank == Count)
        {
            return Max;
        }

        long seen = 0;
        if (_counts is { } counts)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                seen += counts[i];
                if (seen >= rank)
                {
                    return Reported(i);
                }
            }
        }
        else
        {
            for (var i = 0; i < _used; i++)
            {
                seen += _sparseCounts![i];
                if (seen >= rank)
                {
                    return Reported(_indexes![i]);
                }
            }
        }

        return Max;
    }

    private void Increment(int bucket)
    {
        if (_counts is { } counts)
        {
            counts[bucket]++;
            return;
        }

        var indexes = _indexes!;
        var position = Array.BinarySearch(indexes, 0, _used, bucket);
        if (position >= 0)
        {
            _sparseCounts![position]++;
            return;
        }

        if (_used == SparseBucketLimit)
        {
            counts = new long[s_bucketCount];
            for (var i = 0; i < _used; i++)
            {
                counts[indexes[i]] = _sparseCounts![i];
            }

            counts[bucket]++;
            _counts = counts;
            _indexes = null;
            _sparseCounts = null;
            return;
        }

        position = ~position;
        if (_used == indexes.Length)
        {
            Array.Resize(ref _indexes, Math.Min(indexes.Length * 2, SparseBucketLimit));
            Array.Resize(ref _sparseCounts, _indexes.Length);
            indexes = _indexes;
        }

        Array.Copy(indexes, position, indexes, position + 1, _used - position);
        Array.Copy(_sparseCounts!, position, _sparseCounts!, position + 1, _used - position);
        indexes[position] = bucket;
        _sparseCounts![position] = 1;
        _used++;
    }

    private double Reported(int bucket) => Math.Clamp(2 * MinimumSeconds * Math.Pow(s_gamma, bucket) / (s_gamma + 1), Min, Max);

    private static int IndexOf(double seconds) =>
        seconds <= MinimumSeconds ? 0 : Math.Min((int)Math.Ceiling(Math.Log(seconds / MinimumSeconds) / s_logGamma), s_bucketCount - 1);
}
