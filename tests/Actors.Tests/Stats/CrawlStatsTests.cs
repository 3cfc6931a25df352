using Crawler.TestSupport.Time;
using Crawler.Actors.Fetching;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Stats;

public sealed class CrawlStatsTests
{
    [Fact]
    public void Snapshot_MixedOutcomes_CountsOverallAndPerHost()
    {
        var time = new FakeTimeProvider();
        var stats = new CrawlStats(time);
        stats.Record(Outcome("http://a.test/", 200, 1000));
        stats.Record(Outcome("http://a.test/missing", 404, 10) with { Error = new FetchError(FetchFailureKind.HttpStatus, "HTTP 404", 404) });
        stats.Record(Outcome("http://b.test:8080/", null, 0) with { Error = new FetchError(FetchFailureKind.Network, "refused") });
        stats.SetQueue(queued: 5, inFlight: 2);
        time.Advance(TimeSpan.FromSeconds(2));

        var snapshot = stats.Snapshot();

        Assert.Equal(3, snapshot.Done);
        Assert.Equal(1, snapshot.Succeeded);
        Assert.Equal(2, snapshot.Failed);
        Assert.Equal(1010, snapshot.Bytes);
        Assert.Equal(5, snapshot.Queued);
        Assert.Equal(2, snapshot.InFlight);
        Assert.Equal(1.5, snapshot.UrlsPerSecond);
        Assert.Equal(505, snapshot.BytesPerSecond);
        Assert.Equal(new Dictionary<int, long> { [200] = 1, [404] = 1 }, snapshot.StatusCodes);
        Assert.Equal(new Dictionary<string, long> { ["HTTP 404"] = 1, ["Network"] = 1 }, snapshot.Errors);
        Assert.Equal(["a.test", "b.test:8080"], snapshot.Hosts.Select(h => h.Host));
        Assert.Equal(2, snapshot.Hosts[0].Requests);
        Assert.Equal(1, snapshot.Hosts[0].Failed);
        Assert.Equal(1, snapshot.Hosts[1].Errors["Network"]);
    }

    [Fact]
    public void Snapshot_AfterComplete_ElapsedStopsMoving()
    {
        var time = new FakeTimeProvider();
        var stats = new CrawlStats(time);
        time.Advance(TimeSpan.FromSeconds(3));
        stats.Complete();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(3), stats.Snapshot().Elapsed);
    }

    [Fact]
    public void Snapshot_IsImmutable_LaterRecordsDoNotChangeIt()
    {
        var stats = new CrawlStats();
        var before = stats.Snapshot();

        stats.Record(Outcome("http://a.test/", 200, 1));

        Assert.Equal(0, before.Done);
        Assert.Empty(before.StatusCodes);
        Assert.Equal(StatsSnapshot.Empty.Done, before.Done);
    }

    private static UrlOutcome Outcome(string url, int? status, long bytes)
        => new(Url.Parse(url), 0, null) { StatusCode = status, Bytes = bytes };
}
