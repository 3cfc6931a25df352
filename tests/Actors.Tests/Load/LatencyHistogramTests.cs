using Crawler.Actors.Load;

namespace Crawler.Actors.Tests.Load;

public sealed class LatencyHistogramTests
{
    private const double MaxRelativeError = 0.01;
    private const int SampleCount = 200_000;
    private static readonly double[] Checked = [0, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100];

    public static TheoryData<string> Distributions => new() { "uniform", "exponential", "bimodal", "lognormal-wide" };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Percentile_KnownDistribution_WithinOnePercentOfExact(string distribution)
    {
        var samples = Generate(distribution, seed: 42);
        var histogram = new LatencyHistogram();
        foreach (var v in samples)
        {
            histogram.Record(v);
        }

        Array.Sort(samples);
        foreach (var p in Checked)
        {
            var exact = samples[LatencyHistogram.RankOf(p, samples.Length) - 1];
            AssertClose(exact, histogram.Percentile(p), $"{distribution} p{p}");
        }

        Assert.Equal(samples[^1], histogram.Max);
        Assert.Equal(samples[0], histogram.Min);
        Assert.Equal(samples.Length, histogram.Count);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void MeanAndStdDev_KnownDistribution_MatchExactValues(string distribution)
    {
        var samples = Generate(distribution, seed: 7);
        var histogram = new LatencyHistogram();
        foreach (var v in samples)
        {
            histogram.Record(v);
        }

        var mean = samples.Average(v => (double)v);
        var stdev = Math.Sqrt(samples.Average(v => ((double)v - mean) * ((double)v - mean)));
        Assert.Equal(mean, histogram.Mean, mean * 1e-9);
        Assert.Equal(stdev, histogram.StdDev, stdev * 1e-6);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(127L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(257L)]
    [InlineData(1_000L)]
    [InlineData(1_000_000L)]
    [InlineData(999_999_999L)]
    [InlineData(LatencyHistogram.HighestTrackableValue - 1)]
    [InlineData(LatencyHistogram.HighestTrackableValue)]
    public void Percentile_SingleValueAtBoundary_WithinOnePercent(long value)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(value);
        histogram.Record(value);

        AssertClose(value, histogram.Percentile(50), $"value {value}");
        Assert.Equal(value, histogram.Max);
    }

    [Fact]
    public void Percentile_EveryValueFromOneMicrosecondToOneHourInSteps_WithinOnePercent()
    {
        // Geometric steps of 0.3 % from 1 µs to 1 h: every bucket boundary region is crossed.
        var histogram = new LatencyHistogram();
        for (var v = 1_000.0; v <= LatencyHistogram.HighestTrackableValue; v *= 1.003)
        {
            histogram.Reset();
            histogram.Record((long)v);
            histogram.Record((long)v + 1);
            AssertClose((long)v, histogram.Percentile(1), $"value {(long)v}");
        }
    }

    [Fact]
    public void Record_BeyondRange_ClampedToLimits()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);
        histogram.Record(LatencyHistogram.HighestTrackableValue * 2);

        Assert.Equal(0, histogram.Min);
        Assert.Equal(LatencyHistogram.HighestTrackableValue, histogram.Max);
        Assert.Equal(2, histogram.Count);
    }

    [Fact]
    public void Merge_OfPartitions_EqualsRecordingAllInOne()
    {
        var samples = Generate("bimodal", seed: 3);
        var all = new LatencyHistogram();
        var parts = Enumerable.Range(0, 4).Select(_ => new LatencyHistogram()).ToArray();
        for (var i = 0; i < samples.Length; i++)
        {
            all.Record(samples[i]);
            parts[i % parts.Length].Record(samples[i]);
        }

        var merged = new LatencyHistogram();
        foreach (var part in parts)
        {
            merged.Merge(part);
        }

        Assert.Equal(all.Count, merged.Count);
        Assert.Equal(all.Min, merged.Min);
        Assert.Equal(all.Max, merged.Max);
        Assert.Equal(all.Mean, merged.Mean, 1e-6);
        foreach (var p in Checked)
        {
            Assert.Equal(all.Percentile(p), merged.Percentile(p));
        }

        Assert.Equal(Buckets(all), Buckets(merged));
    }

    [Fact]
    public void Reset_AfterRecording_IsEmptyAndReusable()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(5_000);
        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Percentile(99));
        histogram.Record(7);
        Assert.Equal(7, histogram.Min);
        Assert.Equal(7, histogram.Percentile(50));
    }

    [Fact]
    public void Record_InSteadyState_DoesNotAllocate()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            histogram.Record(i * 997L);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData(99.9, 10_000, 9_990)]
    [InlineData(50, 3, 2)]
    [InlineData(0, 10, 1)]
    [InlineData(100, 10, 10)]
    [InlineData(99.99, 10_000, 9_999)]
    public void RankOf_DecimalPercentiles_AreExact(double p, long n, long expected)
        => Assert.Equal(expected, LatencyHistogram.RankOf(p, n));

    private static List<(long, long, long)> Buckets(LatencyHistogram h)
    {
        var list = new List<(long, long, long)>();
        h.ForEachBucket((lo, hi, c) => list.Add((lo, hi, c)));
        return list;
    }

    private static void AssertClose(long exact, long actual, string what)
    {
        var error = exact == 0 ? actual : Math.Abs(actual - exact) / (double)exact;
        Assert.True(error <= MaxRelativeError, $"{what}: exact {exact}, histogram {actual}, relative error {error:P3}");
    }

    private static long[] Generate(string distribution, int seed)
    {
        var random = new Random(seed);
        var samples = new long[SampleCount];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = distribution switch
            {
                // 1 µs .. 10 ms
                "uniform" => random.NextInt64(1_000, 10_000_000),
                // mean 2 ms
                "exponential" => 1_000 + (long)(-Math.Log(1 - random.NextDouble()) * 2_000_000),
                // 95 % around 200 µs, 5 % around 800 ms (a GC pause or a stall)
                "bimodal" => random.NextDouble() < 0.95
                    ? 150_000 + random.NextInt64(100_000)
                    : 700_000_000 + random.NextInt64(200_000_000),
                // spans 1 µs .. tens of seconds
                "lognormal-wide" => Math.Max(1_000, (long)Math.Exp(13 + (3 * Gaussian(random)))),
                _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
            };
        }

        return samples;
    }

    private static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
