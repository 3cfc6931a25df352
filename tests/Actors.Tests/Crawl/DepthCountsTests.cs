using Crawler.Actors.Crawl;

namespace Crawler.Actors.Tests.Crawl;

public sealed class DepthCountsTests
{
    [Fact]
    public void Shallowest_Empty_IsMaxValue() => Assert.Equal(int.MaxValue, new DepthCounts().Shallowest);

    [Fact]
    public void Shallowest_FollowsAddsAndRemoves()
    {
        var counts = new DepthCounts();
        counts.Add(3);
        counts.Add(1);
        counts.Add(1);
        Assert.Equal(1, counts.Shallowest);

        counts.Remove(1);
        Assert.Equal(1, counts.Shallowest);
        counts.Remove(1);
        Assert.Equal(3, counts.Shallowest);
        counts.Remove(3);
        Assert.Equal(int.MaxValue, counts.Shallowest);
    }

    [Fact]
    public void Remove_DepthNotCounted_Throws()
    {
        var counts = new DepthCounts();
        counts.Add(0);

        Assert.Throws<InvalidOperationException>(() => counts.Remove(2));
        counts.Remove(0);
        Assert.Throws<InvalidOperationException>(() => counts.Remove(0));
    }
}
