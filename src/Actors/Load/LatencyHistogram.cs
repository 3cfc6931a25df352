using System.Diagnostics;
using System.Numerics;

namespace Crawler.Actors.Load;

/// <summary>
/// A log-linear latency histogram in the HdrHistogram layout, recording nanoseconds from 1 ns up to
/// <see cref="HighestTrackableValue"/> (1 hour) with at most 1/256 relative error on any reported
/// percentile. <see cref="Record"/> is allocation-free and lock-free: each worker owns one instance and
/// the owners merge them when they meet (per-second snapshots, end of run).
/// </summary>
/// <remarks>
/// Values are grouped into buckets of 256 sub-buckets; bucket 0 resolves 0..255 exactly and bucket k
/// covers [128·2^k, 256·2^k) in steps of 2^k, so a bucket's width is never more than 1/128 of its lower
/// bound. Percentiles report the middle of the sub-bucket, halving that to 1/256, and are clamped to the
/// exact <see cref="Min"/>/<see cref="Max"/>. Sum and sum of squares are kept exactly, so the mean and
/// standard deviation carry no bucketing error.
/// </remarks>
public sealed class LatencyHistogram
{
    /// <summary>One hour in nanoseconds: no request a load run makes can legitimately take longer.</summary>
    public const long HighestTrackableValue = 3_600L * 1_000_000_000L;

    // 2^7 half-count gives 256 sub-buckets per bucket: 2 significant decimal digits, i.e. < 1% error.
    private const int SubBucketHalfCountMagnitude = 7;
    private const int SubBucketHalfCount = 1 << SubBucketHalfCountMagnitude;
    private const int SubBucketCount = SubBucketHalfCount << 1;
    private const long SubBucketMask = SubBucketCount - 1;
    private const int LeadingZeroCountBase = 64 - SubBucketHalfCountMagnitude - 1;

    private static readonly int CountsLength = ComputeCountsLength();

    private readonly long[] _counts = new long[CountsLength];
    private long _totalCount;
    private long _sum;
    private double _sumOfSquares;
    private long _min = long.MaxValue;
    private long _max;

    public long Count => _totalCount;

    /// <summary>Exact smallest recorded value (0 when empty).</summary>
    public long Min => _totalCount == 0 ? 0 : _min;

    /// <summary>Exact largest recorded value (0 when empty).</summary>
    public long Max => _max;

    public double Mean => _totalCount == 0 ? 0 : (double)_sum / _totalCount;

    /// <summary>Population standard deviation of the recorded values.</summary>
    public double StdDev
    {
        get
        {
            if (_totalCount == 0)
            {
                return 0;
            }

            var mean = Mean;
            var variance = (_sumOfSquares / _totalCount) - (mean * mean);
            return variance <= 0 ? 0 : Math.Sqrt(variance);
        }
    }

    /// <summary>Records one value in nanoseconds; negatives count as 0, values above one hour as one hour.</summary>
    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }
        else if (value > HighestTrackableValue)
        {
            value = HighestTrackableValue;
        }

        _counts[CountsIndexOf(value)]++;
        _totalCount++;
        _sum += value;
        _sumOfSquares += (double)value * value;
        if (value < _min)
        {
            _min = value;
        }

        if (value > _max)
        {
            _max = value;
        }
    }

    /// <summary>Adds every value recorded in <paramref name="other"/> to this histogram.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._totalCount == 0)
        {
            return;
        }

        var source = other._counts;
        var target = _counts;
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }

        _totalCount += other._totalCount;
        _sum += other._sum;
        _sumOfSquares += other._sumOfSquares;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    public void Reset()
    {
        if (_totalCount == 0)
        {
            return;
        }

        Array.Clear(_counts);
        _totalCount = 0;
        _sum = 0;
        _sumOfSquares = 0;
        _min = long.MaxValue;
        _max = 0;
    }

    /// <summary>
    /// The value at percentile <paramref name="percentile"/> (0..100): the smallest recorded value such
    /// that at least that share of all values are less than or equal to it, within 1/256 relative error.
    /// </summary>
    public long Percentile(double percentile)
    {
        if (_totalCount == 0)
        {
            return 0;
        }

        if (percentile >= 100)
        {
            return _max;
        }

        var rank = RankOf(percentile, _totalCount);
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= rank)
            {
                var value = MedianEquivalentValue(i);
                return Math.Clamp(value, _min, _max);
            }
        }

        Debug.Assert(false, "cumulative count must reach the total count");
        return _max;
    }

    /// <summary>
    /// The 1-based rank of the sample at <paramref name="percentile"/> among <paramref name="count"/>
    /// sorted samples: ceil(p/100 · n), clamped to [1, n]. The nudge below the product keeps 99.9 % of
    /// 10 000 at rank 9 990 even though 99.9 has no exact binary form.
    /// </summary>
    public static long RankOf(double percentile, long count)
    {
        var exact = percentile / 100.0 * count;
        var rank = (long)Math.Ceiling(exact - (exact * 1e-12));
        return Math.Clamp(rank, 1, count);
    }

    /// <summary>Calls <paramref name="visit"/> with (lowest value, highest value, count) of each non-empty sub-bucket, in value order.</summary>
    public void ForEachBucket(Action<long, long, long> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = _counts[i];
            if (c != 0)
            {
                var low = LowestEquivalentValue(i);
                visit(low, low + SizeOfRange(i) - 1, c);
            }
        }
    }

    private static int CountsIndexOf(long value)
    {
        var bucketIndex = LeadingZeroCountBase - BitOperations.LeadingZeroCount((ulong)(value | SubBucketMask));
        var subBucketIndex = (int)(value >> bucketIndex);
        return ((bucketIndex + 1) << SubBucketHalfCountMagnitude) + (subBucketIndex - SubBucketHalfCount);
    }

    private static (int Bucket, int SubBucket) Decompose(int countsIndex)
    {
        var bucketIndex = (countsIndex >> SubBucketHalfCountMagnitude) - 1;
        var subBucketIndex = (countsIndex & (SubBucketHalfCount - 1)) + SubBucketHalfCount;
        if (bucketIndex < 0)
        {
            subBucketIndex -= SubBucketHalfCount;
            bucketIndex = 0;
        }

        return (bucketIndex, subBucketIndex);
    }

    private static long LowestEquivalentValue(int countsIndex)
    {
        var (bucket, subBucket) = Decompose(countsIndex);
        return (long)subBucket << bucket;
    }

    private static long SizeOfRange(int countsIndex) => 1L << Decompose(countsIndex).Bucket;

    private static long MedianEquivalentValue(int countsIndex)
        => LowestEquivalentValue(countsIndex) + (SizeOfRange(countsIndex) >> 1);

    private static int ComputeCountsLength() => CountsIndexOf(HighestTrackableValue) + 1;
}
