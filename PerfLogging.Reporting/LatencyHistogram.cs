namespace PerfLogging.Reporting;

/// <summary>
/// Durations in a fixed number of logarithmic buckets, so a summary of any number of calls takes the same memory
/// (2,765 counters, about 22 KB). A percentile is within <see cref="RelativeError"/> (0.5 %) of the exact
/// nearest-rank value for durations from 100 ns to 100,000 s, and never outside the smallest and largest duration
/// seen; <see cref="Max"/>, and a percentile whose rank is the last call, are exact.
/// </summary>
/// <remarks>
/// Bucket <c>i</c> holds the durations in (<c>m·γ^(i-1)</c>, <c>m·γ^i</c>] with <c>m</c> = 100 ns and
/// <c>γ = (1 + α) / (1 - α)</c>; it reports <c>2·m·γ^i / (γ + 1)</c>, which is within α of every value in it
/// (the scheme of DDSketch). Bucket 0 holds everything up to 100 ns; durations above 100,000 s share the last one.
/// </remarks>
public sealed class LatencyHistogram
{
    /// <summary>The largest relative difference between a reported percentile and the exact one: 0.5 %.</summary>
    public const double RelativeError = 0.005;

    /// <summary>The lower end of the range with the relative error bound, in seconds: 100 ns.</summary>
    public const double MinimumSeconds = 1e-7;

    /// <summary>The upper end of the range with the relative error bound, in seconds: 100,000 s.</summary>
    public const double MaximumSeconds = 1e5;

    private static readonly double s_gamma = (1 + RelativeError) / (1 - RelativeError);
    private static readonly double s_logGamma = Math.Log(s_gamma);
    private static readonly int s_bucketCount = (int)Math.Ceiling(Math.Log(MaximumSeconds / MinimumSeconds) / s_logGamma) + 1;

    private readonly long[] _counts = new long[s_bucketCount];

    /// <summary>Gets the number of buckets every histogram holds, whatever it counts.</summary>
    public static int BucketCount => s_bucketCount;

    /// <summary>Gets the number of durations added.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the smallest duration added, in seconds (0 when empty).</summary>
    public double Min { get; private set; }

    /// <summary>Gets the largest duration added, in seconds (0 when empty).</summary>
    public double Max { get; private set; }

    /// <summary>Adds one duration. Negative and non-finite values count as 0.</summary>
    /// <param name="seconds">The duration in seconds.</param>
    public void Add(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
        {
            seconds = 0;
        }

        _counts[IndexOf(seconds)]++;
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
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(2 * MinimumSeconds * Math.Pow(s_gamma, i) / (s_gamma + 1), Min, Max);
            }
        }

        return Max;
    }

    private static int IndexOf(double seconds) =>
        seconds <= MinimumSeconds ? 0 : Math.Min((int)Math.Ceiling(Math.Log(seconds / MinimumSeconds) / s_logGamma), s_bucketCount - 1);
}
