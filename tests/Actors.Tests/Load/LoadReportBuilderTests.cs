using Crawler.Actors.Load;

namespace Crawler.Actors.Tests.Load;

public sealed class LoadReportBuilderTests
{
    [Fact]
    public void Tally_MeasurementsOverThreeSeconds_PublishesOneSnapshotPerSecondSeen()
    {
        var pool = new LatencyHistogramPool();
        var snapshots = new List<LoadIntervalSnapshot>();
        var tally = new LoadWorkerTally(0, trackUncorrected: true, pool, snapshots.Add);

        tally.Response(0, 200, 100);
        tally.Completed(0, 1_000_000, 900_000);
        tally.Response(0, 200, 100);
        tally.Completed(0, 2_000_000, 1_000_000);
        tally.Error(2, LoadErrorKind.Timeout);
        tally.Response(2, 503, 50);
        tally.Completed(2, 5_000_000, 5_000_000);
        var result = tally.Finish();

        Assert.Equal([0, 2], snapshots.Select(s => s.Second));
        Assert.Equal(2, snapshots[0].Requests);
        Assert.Equal(200, snapshots[0].Bytes);
        Assert.Equal(2, snapshots[1].Errors);
        Assert.Equal(3, result.Operations);
        Assert.Equal(3, result.Requests);
        Assert.Equal(1, result.Errors[(int)LoadErrorKind.Timeout]);
        Assert.Equal(1, result.Errors[(int)LoadErrorKind.Status]);
        Assert.Equal(2, result.StatusCounts[200]);
        Assert.Equal(1, result.StatusCounts[503]);
        Assert.Equal(3, result.Uncorrected!.Count);
    }

    [Fact]
    public void Build_TwoWorkers_MergesTotalsAndFillsQuietSecondsWithZeros()
    {
        var pool = new LatencyHistogramPool();
        var builder = new LoadReportBuilder(pool);
        var tallies = Enumerable.Range(0, 2).Select(w => new LoadWorkerTally(w, false, pool, builder.Add)).ToArray();
        foreach (var (t, i) in tallies.Select((t, i) => (t, i)))
        {
            t.Connected();
            t.Response(0, 200, 10);
            t.Completed(0, 1_000 * (i + 1), 0);
            t.Response(3, 404, 10);
            t.Completed(3, 9_000, 0);
        }

        foreach (var t in tallies)
        {
            builder.Add(t.Finish());
        }

        var report = builder.Build("http://x/", LoadModel.Closed, 2, null, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(4));

        Assert.Equal(4, report.Requests);
        Assert.Equal(40, report.Bytes);
        Assert.Equal(2, report.ConnectionsOpened);
        Assert.Equal(2, report.Errors[LoadErrorKind.Status]);
        Assert.Equal(new Dictionary<int, long> { [200] = 2, [404] = 2 }, report.StatusCodes);
        Assert.Equal([2L, 0, 0, 2], report.Series.Select(s => s.Requests));
        Assert.Equal(9_000, report.Series[3].P99Nanoseconds);
        Assert.Null(report.Uncorrected);
        Assert.Equal(1.0, report.RequestsPerSecond);
    }
}
