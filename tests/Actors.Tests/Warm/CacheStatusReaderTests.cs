using Crawler.Actors.Warm;
using Crawler.Protocol.Http1;

namespace Crawler.Actors.Tests.Warm;

public sealed class CacheStatusReaderTests
{
    [Theory]
    [InlineData("X-Cache", "HIT", CacheStatus.Hit)]
    [InlineData("X-Cache", "Hit from cloudfront", CacheStatus.Hit)]
    [InlineData("X-Cache", "Miss from cloudfront", CacheStatus.Miss)]
    [InlineData("X-Cache", "MISS, HIT", CacheStatus.Hit)]
    [InlineData("X-Cache", "HIT, MISS", CacheStatus.Miss)]
    [InlineData("X-Cache-Status", "EXPIRED", CacheStatus.Expired)]
    [InlineData("X-Cache-Status", "STALE", CacheStatus.Expired)]
    [InlineData("X-Cache-Status", "REVALIDATED", CacheStatus.Expired)]
    [InlineData("X-Cache-Status", "BYPASS", CacheStatus.Bypass)]
    [InlineData("x-cache-status", "hit", CacheStatus.Hit)]
    [InlineData("CF-Cache-Status", "DYNAMIC", CacheStatus.Bypass)]
    [InlineData("CF-Cache-Status", "HIT", CacheStatus.Hit)]
    [InlineData("X-Proxy-Cache", "MISS", CacheStatus.Miss)]
    [InlineData("Akamai-Cache-Status", "Hit from child", CacheStatus.Hit)]
    [InlineData("X-Cache", "TCP_MEM_HIT", CacheStatus.Hit)]
    [InlineData("X-Cache", "TCP_REFRESH_MISS", CacheStatus.Expired)]
    [InlineData("X-Cache", "something else", CacheStatus.Unknown)]
    [InlineData("Age", "120", CacheStatus.Hit)]
    [InlineData("Age", "0", CacheStatus.Unknown)]
    [InlineData("Age", "-1", CacheStatus.Unknown)]
    [InlineData("Server", "HIT", CacheStatus.Unknown)]
    public void Read_OneHeader_Classifies(string name, string value, CacheStatus expected)
    {
        var headers = new HttpHeaders();
        headers.Add(name, value);

        Assert.Equal(expected, CacheStatusReader.Read(headers));
    }

    [Fact]
    public void Read_NoHeaders_Unknown() => Assert.Equal(CacheStatus.Unknown, CacheStatusReader.Read(new HttpHeaders()));

    [Fact]
    public void Read_VerdictAndAge_VerdictWins()
    {
        var headers = new HttpHeaders();
        headers.Add("Age", "30");
        headers.Add("X-Cache-Status", "MISS");

        Assert.Equal(CacheStatus.Miss, CacheStatusReader.Read(headers));
    }
}
