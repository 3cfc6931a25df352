using System.Net;
using Crawler.Protocol.Connections;
using Crawler.TestSupport.Time;

namespace Crawler.Protocol.Tests.Connections;

public sealed class DnsCacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(29, 1)]
    [InlineData(30, 2)]
    [InlineData(31, 2)]
    public async Task Resolve_SecondLookupAfterElapsed_AsksAgainOnlyOnceTtlPassed(int elapsedSeconds, int lookups)
    {
        var time = new FakeTimeProvider();
        var asked = 0;
        var cache = new DnsCache(time, Ttl, (_, _) =>
        {
            asked++;
            return Task.FromResult(new[] { IPAddress.Parse($"10.0.0.{asked}") });
        });

        var first = await cache.ResolveAsync("example.test", 80, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(elapsedSeconds));
        var second = await cache.ResolveAsync("example.test", 80, CancellationToken.None);

        Assert.Equal(lookups, asked);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), first.Single());
        Assert.Equal(IPAddress.Parse($"10.0.0.{lookups}"), second.Single());
    }

    [Fact]
    public async Task Resolve_HostNameDiffersOnlyInCase_SharesOneEntry()
    {
        var time = new FakeTimeProvider();
        var asked = 0;
        var cache = new DnsCache(time, Ttl, (_, _) =>
        {
            asked++;
            return Task.FromResult(new[] { IPAddress.Loopback });
        });

        await cache.ResolveAsync("Example.TEST", 80, CancellationToken.None);
        await cache.ResolveAsync("example.test", 80, CancellationToken.None);

        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task Resolve_IpLiteral_NeverAsksResolver()
    {
        var asked = 0;
        var cache = new DnsCache(new FakeTimeProvider(), Ttl, (_, _) =>
        {
            asked++;
            return Task.FromResult(Array.Empty<IPAddress>());
        });

        var addresses = await cache.ResolveAsync("127.0.0.1", 80, CancellationToken.None);

        Assert.Equal(IPAddress.Loopback, addresses.Single());
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task Resolve_ResolverReturnsNothing_ThrowsNetworkExceptionAndCachesNothing()
    {
        var asked = 0;
        var cache = new DnsCache(new FakeTimeProvider(), Ttl, (_, _) =>
        {
            asked++;
            return Task.FromResult(Array.Empty<IPAddress>());
        });

        var e = await Assert.ThrowsAsync<NetworkException>(() => cache.ResolveAsync("nowhere.test", 443, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<NetworkException>(() => cache.ResolveAsync("nowhere.test", 443, CancellationToken.None).AsTask());

        Assert.Contains("nowhere.test", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, asked);
    }
}
