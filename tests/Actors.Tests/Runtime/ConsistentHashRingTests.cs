using Crawler.Actors.Runtime.Routing;

namespace Crawler.Actors.Tests.Runtime;

public sealed class ConsistentHashRingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(33)]
    public void SlotFor_ManyKeys_EverySlotGetsAFairShare(int slots)
    {
        var ring = new ConsistentHashRing(slots, ConsistentHashingPool.DefaultVirtualNodesFactor);
        var counts = new int[slots];
        const int Keys = 20_000;
        for (var i = 0; i < Keys; i++)
        {
            counts[ring.SlotFor("host-" + i + ".example")]++;
        }

        var mean = Keys / (double)slots;
        Assert.All(counts, c => Assert.InRange(c, mean * 0.6, mean * 1.4));
    }

    [Fact]
    public void SlotFor_NumberAndItsText_SameSlot()
    {
        var ring = new ConsistentHashRing(8, 10);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(ring.SlotFor(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ring.SlotFor(i));
        }
    }

    [Fact]
    public void SlotFor_SameInputsInTwoRings_SamePlacement()
    {
        var a = new ConsistentHashRing(8, 10);
        var b = new ConsistentHashRing(8, 10);
        Assert.All(Enumerable.Range(0, 500), i => Assert.Equal(a.SlotFor("k" + i), b.SlotFor("k" + i)));
    }
}
