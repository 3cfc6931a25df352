using Crawler.Protocol.Caching;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Tests.Client;
using Crawler.Protocol.Urls;
using Crawler.TestSupport.Loopback;
using Crawler.TestSupport.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Protocol.Tests.Caching;

public sealed class CacheTests
{
    private const string ETag = "\"v1\"";

    private static Task<KestrelServer> StartAsync(Func<DateTimeOffset> now) => KestrelServer.StartAsync(app =>
    {
        app.MapGet("/fresh", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = 304;
                context.Response.Headers.CacheControl = "max-age=60";
                context.Response.Headers["X-Revalidated"] = "yes";
                return Task.CompletedTask;
            }

            context.Response.Headers.CacheControl = "max-age=60";
            context.Response.Headers.ETag = ETag;
            context.Response.Headers["X-Revalidated"] = "no";
            return context.Response.WriteAsync("cached body " + context.Request.Headers.IfNoneMatch);
        });
        app.MapGet("/no-store", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store, max-age=60";
            return context.Response.WriteAsync("secret");
        });
        app.MapGet("/no-cache", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = ETag;
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("always revalidated");
        });
        app.MapGet("/expires", (HttpContext context) =>
        {
            context.Response.Headers.Expires = now().AddSeconds(30).ToString("r");
            return context.Response.WriteAsync("expires body");
        });
        app.MapGet("/big", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "max-age=60";
            return context.Response.Body.WriteAsync(new byte[4096]).AsTask();
        });
    },
    compression: false,
    beforeRoutes: app => app.Use(async (context, next) =>
    {
        // Kestrel stamps the real time; the fake clock is what the client ages responses by.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = now().ToString("r");
            return Task.CompletedTask;
        });
        await next(context);
    }));

    private static (FakeTimeProvider Time, CrawlerClient Client, MemoryHttpCache Cache) CreateClient(long maxBodyBytes = MemoryHttpCache.DefaultMaxBodyBytes)
    {
        // Whole seconds, so the HTTP dates the server stamps equal the clock exactly.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var time = new FakeTimeProvider(start);
        var cache = new MemoryHttpCache(maxBodyBytes);
        return (time, new CrawlerClient(new ClientOptions { Cache = cache }, time), cache);
    }

    private static async Task<(string Body, FetchResponse Response)> GetAsync(CrawlerClient client, string url)
    {
        var response = await client.SendAsync(new FetchRequest(Url.Parse(url)));
        await using (response)
        {
            return (await ClientFactory.ReadBodyAsync(response), response);
        }
    }

    [Fact]
    public async Task Get_FreshResponse_ServedFromCacheWithoutRequest()
    {
        var (time, client, _) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        var first = await GetAsync(client, server.Url("/fresh"));
        time.Advance(TimeSpan.FromSeconds(59));
        var second = await GetAsync(client, server.Url("/fresh"));

        Assert.False(first.Response.FromCache);
        Assert.True(second.Response.FromCache);
        Assert.Equal("cached body ", second.Body);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Get_StaleWithETag_RevalidatesAnd304RefreshesStoredEntry()
    {
        var (time, client, cache) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        await GetAsync(client, server.Url("/fresh"));
        time.Advance(TimeSpan.FromSeconds(61));
        var revalidated = await GetAsync(client, server.Url("/fresh"));
        var afterRefresh = await GetAsync(client, server.Url("/fresh"));

        Assert.True(revalidated.Response.FromCache);
        Assert.Equal(200, revalidated.Response.StatusCode);
        Assert.Equal("cached body ", revalidated.Body);
        Assert.Equal("yes", revalidated.Response.Headers["X-Revalidated"]);
        Assert.Single(revalidated.Response.Headers.GetValues("X-Revalidated"));
        Assert.True(afterRefresh.Response.FromCache);
        Assert.Equal(2, server.RequestCount);
        Assert.True(cache.TryGet(Url.Parse(server.Url("/fresh")), out var entry));
        Assert.Equal(time.GetUtcNow(), entry.ResponseTime);
    }

    [Fact]
    public async Task Get_NoStore_NeverCached()
    {
        var (time, client, cache) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        await GetAsync(client, server.Url("/no-store"));
        var second = await GetAsync(client, server.Url("/no-store"));

        Assert.False(second.Response.FromCache);
        Assert.Equal(0, cache.Count);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Get_NoCache_RevalidatedEveryTime()
    {
        var (time, client, _) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        await GetAsync(client, server.Url("/no-cache"));
        var second = await GetAsync(client, server.Url("/no-cache"));

        Assert.True(second.Response.FromCache);
        Assert.Equal("always revalidated", second.Body);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task Get_ExpiresMinusDate_IsTheLifetime(int seconds, bool fromCache)
    {
        var (time, client, _) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        await GetAsync(client, server.Url("/expires"));
        time.Advance(TimeSpan.FromSeconds(seconds));
        var second = await GetAsync(client, server.Url("/expires"));

        Assert.Equal(fromCache, second.Response.FromCache);
    }

    [Theory]
    [InlineData(4096, 1)]
    [InlineData(4095, 0)]
    public async Task Get_BodyAboveCap_StreamsButIsNotStored(long cap, int stored)
    {
        var (time, client, cache) = CreateClient(cap);
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        var first = await GetAsync(client, server.Url("/big"));

        Assert.Equal(4096, first.Body.Length);
        Assert.Equal(stored, cache.Count);
    }

    [Fact]
    public async Task Get_UseCacheOff_AlwaysGoesToServer()
    {
        var (time, client, _) = CreateClient();
        await using var owned = client;
        await using var server = await StartAsync(time.GetUtcNow);

        await GetAsync(client, server.Url("/fresh"));
        await using var response = await client.SendAsync(new FetchRequest(Url.Parse(server.Url("/fresh"))) { UseCache = false });

        Assert.False(response.FromCache);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("max-age=100", null, null, 100)]
    [InlineData("max-age=100, s-maxage=5", null, null, 100)]
    [InlineData("max-age=abc", null, null, 0)]
    [InlineData(null, "Thu, 01 Jan 2026 00:01:00 GMT", "Thu, 01 Jan 2026 00:00:00 GMT", 60)]
    [InlineData(null, "0", "Thu, 01 Jan 2026 00:00:00 GMT", 0)]
    [InlineData(null, null, null, null)]
    public void Lifetime_FromHeaders_FollowsRfc9111(string? cacheControl, string? expires, string? date, int? seconds)
    {
        var headers = new HttpHeaders();
        if (cacheControl is not null)
        {
            headers.Add("Cache-Control", cacheControl);
        }

        if (expires is not null)
        {
            headers.Add("Expires", expires);
        }

        if (date is not null)
        {
            headers.Add("Date", date);
        }

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), Freshness.Lifetime(headers));
    }

    [Theory]
    [InlineData(0, 50, true)]
    [InlineData(20, 39, true)]
    [InlineData(20, 41, false)]
    public void IsFresh_AgeHeaderCounts(int ageHeader, int residentSeconds, bool fresh)
    {
        var received = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var headers = new HttpHeaders();
        headers.Add("Cache-Control", "max-age=60");
        headers.Add("Date", received.ToString("r"));
        headers.Add("Age", ageHeader.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = new CacheEntry(Url.Parse("http://a.test/"), 200, "OK", headers, Array.Empty<byte>(), received, received);

        Assert.Equal(fresh, Freshness.IsFresh(entry, received.AddSeconds(residentSeconds)));
    }
}
